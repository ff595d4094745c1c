/**
 * The prizes of a wheel, read from the store's HTML: `<retain-slice>` children (preferred), or JSON in
 * the `slices` attribute or a `<script type="application/json">` child. Every slice shown must be
 * winnable: a weight of zero or less (a decoy) is refused with a warning and the slice left out.
 */
import { checkNumber, parseJson, readJsonSource, warnAboutElement, warnBadValue, warnInvalid } from '../core/config.js';

export const PRIZE_TYPES = ['discount', 'shipping', 'gift', 'none'] as const;
export type PrizeType = (typeof PRIZE_TYPES)[number];

export interface Slice {
  label: string;
  /** Relative odds, > 0. */
  weight: number;
  type: PrizeType;
  /** One code for every winner (`code`), or a pool handed out one per win (`codes`). */
  code: string | null;
  pool: string[];
  color: string | null;
  /** How the store's outcome endpoint may name this slice (besides its index). */
  name: string | null;
}

export const MAX_SLICES = 12;
const LEFT_OUT = 'the slice is left out';

type Fields = Record<string, unknown>;

function fromElement(child: Element): Fields {
  const fields: Fields = { label: child.getAttribute('label') ?? child.textContent };
  for (const attr of ['weight', 'type', 'code', 'codes', 'color', 'name']) fields[attr] = child.getAttribute(attr) ?? undefined;
  return fields;
}

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).replace(/\s+/g, ' ').trim() : '');
const isCode = (code: string) => /^\S{1,64}$/.test(code);

/** Checks one slice; null (after a warning) when it must be left out. */
function check(host: Element, fields: Fields, n: number, fromStore: boolean): Slice | null {
  const at = `slice ${n}`;
  const label = text(fields.label);
  if (!label) {
    warnInvalid(host, `${at} label`, '', 'is empty', LEFT_OUT);
    return null;
  }
  const rawWeight = fields.weight;
  // A decimal, as every number attribute reads (not `0x10`; `1,5` is no number); none or blank is 1.
  let weight =
    rawWeight === undefined || rawWeight === null || String(rawWeight).trim() === ''
      ? 1
      : typeof rawWeight === 'number'
        ? rawWeight
        : checkNumber(String(rawWeight));
  if (typeof weight === 'string') {
    warnBadValue(host, `${at} weight`, String(rawWeight), 1, weight);
    weight = 1;
  }
  if (!Number.isFinite(weight) || weight <= 0) {
    warnInvalid(host, `${at} weight`, String(rawWeight), 'is not above 0: a slice that can never be won is a decoy', LEFT_OUT);
    return null;
  }
  let type = (text(fields.type).toLowerCase() || 'discount') as PrizeType;
  if (!PRIZE_TYPES.includes(type)) {
    warnBadValue(host, `${at} type`, String(fields.type), 'discount', `is not one of ${PRIZE_TYPES.join(', ')}`);
    type = 'discount';
  }
  const pool = (Array.isArray(fields.codes) ? fields.codes.map(text) : text(fields.codes).split(/[\s,]+/)).filter(Boolean);
  const single = text(fields.code) || null;
  const bad = [...pool, single ?? ''].find((code) => code && !isCode(code));
  if (bad) {
    warnInvalid(host, `${at} code`, bad, 'is not a code (1 to 64 characters, no spaces)', LEFT_OUT);
    return null;
  }
  if (type !== 'none' && !fromStore && !single && !pool.length) {
    warnInvalid(host, `${at} code`, '', 'is missing: a prize needs a code or codes from the store', LEFT_OUT);
    return null;
  }
  let color: string | null = text(fields.color) || null;
  if (color && !CSS.supports('color', color)) {
    warnBadValue(host, `${at} color`, color, 'the theme colour', 'is not a CSS colour');
    color = null;
  }
  return { label, weight, type, code: single, pool, color, name: text(fields.name) || null };
}

/**
 * The slices of `host`, checked. Fewer than two winnable slices: a warning and an empty list (no wheel).
 * `fromStore`: the outcome endpoint hands out the codes, so a prize may list none.
 */
export function readSlices(host: Element, fromStore: boolean): Slice[] {
  const children = [...host.querySelectorAll(':scope > retain-slice')];
  const json = host.getAttribute('slices');
  // The children win: JSON beside them is not read, and the store owner who added it is told so.
  if (children.length && json?.trim()) warnInvalid(host, 'slices', json, 'is not read', 'the <retain-slice> children are the prizes');
  const none: Fields[] = [];
  const list: Fields[] = children.length
    ? children.map(fromElement)
    : parseJson<Fields[]>(
        host,
        'slices',
        json,
        (value) =>
          Array.isArray(value) && value.every((item) => item && typeof item === 'object')
            ? (value as Fields[])
            : 'is not a list of slice objects',
        none,
      );
  // JSON that could not be read has had its warning: no second one for the prizes it left out.
  if (list === none && readJsonSource(host, 'slices', json)?.trim()) return [];
  let slices = list.map((fields, i) => check(host, fields, i + 1, fromStore)).filter((slice): slice is Slice => slice !== null);
  if (slices.length > MAX_SLICES) {
    warnAboutElement(host, `has ${slices.length} slices, more than ${MAX_SLICES}; only the first ${MAX_SLICES} are shown.`);
    slices = slices.slice(0, MAX_SLICES);
  }
  if (slices.length < 2) {
    warnAboutElement(host, `has ${slices.length} winnable slice${slices.length ? '' : 's'}, fewer than two; no wheel is shown.`);
    return [];
  }
  return slices;
}
