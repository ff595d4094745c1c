import type { ReportOptions } from '../model.js';
import { currencyCode } from '../../core/config.js';
import type { IgnoredOption } from './types.js';
import { isTimeZone, localTimeZone } from './calendar.js';

/** The default horizon of the predicted CLV: a year. */
export const DEFAULT_HORIZON_DAYS = 365;
/** The longest horizon accepted: ten years (beyond that the models say little). */
const MAX_HORIZON_DAYS = 3650;

export interface ResolvedOptions {
  /** An instant; `undefined`: the latest order's date (or `asOfDay`). */
  asOf: number | undefined;
  /** A calendar day in `timeZone` (days since 1970-01-01), when the owner gave a date, not an instant. */
  asOfDay: number | undefined;
  /** `undefined`: the default rule from the store's gaps. */
  lapseDays: number | undefined;
  /** Acquisition cost per customer by currency; `*`: for every currency without its own. */
  cac: Record<string, number>;
  timeZone: string;
  horizonDays: number;
}

/**
 * The options `computeReport` can use. A bad one is left out and listed in `ignored` with what was used
 * instead, for the element to warn about; nothing throws.
 */
export function resolveOptions(options: ReportOptions, ignored: IgnoredOption[]): ResolvedOptions {
  const resolved: ResolvedOptions = {
    asOf: undefined,
    asOfDay: undefined,
    lapseDays: undefined,
    cac: {},
    timeZone: localTimeZone(),
    horizonDays: DEFAULT_HORIZON_DAYS,
  };
  if (options.asOf !== undefined) {
    const day = typeof options.asOf === 'string' ? dayNumber(options.asOf) : undefined;
    if (isFiniteNumber(options.asOf)) resolved.asOf = options.asOf;
    else if (day !== undefined) resolved.asOfDay = day;
    else ignored.push({ option: 'asOf', value: String(options.asOf), used: 'the latest order’s date' });
  }
  if (options.lapseDays !== undefined) {
    if (isFiniteNumber(options.lapseDays) && options.lapseDays >= 0) resolved.lapseDays = options.lapseDays;
    else ignored.push({ option: 'lapseDays', value: String(options.lapseDays), used: 'the store’s own gaps between orders' });
  }
  if (options.timeZone !== undefined) {
    if (typeof options.timeZone === 'string' && isTimeZone(options.timeZone)) resolved.timeZone = options.timeZone;
    else ignored.push({ option: 'timeZone', value: String(options.timeZone), used: resolved.timeZone });
  }
  if (options.horizonDays !== undefined) {
    const days = options.horizonDays;
    if (isFiniteNumber(days) && days > 0 && days <= MAX_HORIZON_DAYS) resolved.horizonDays = days;
    else ignored.push({ option: 'horizonDays', value: String(days), used: String(DEFAULT_HORIZON_DAYS) });
  }
  const cac: unknown = options.cac;
  const isTable = typeof cac === 'object' && cac !== null && !Array.isArray(cac);
  if (cac !== undefined && !isTable) ignored.push({ option: 'cac', value: String(cac), used: 'no CLV : CAC' });
  for (const [currency, cost] of isTable ? Object.entries(cac) : []) {
    const code = currency === '*' ? currency : currencyCode(currency);
    if (code && isFiniteNumber(cost) && cost > 0) resolved.cac[code] = cost;
    else ignored.push({ option: 'cac', value: `${currency}: ${String(cost)}`, used: 'no CLV : CAC for it' });
  }
  return resolved;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date, undefined for anything else (2024-02-31 included). */
function dayNumber(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d ? ms / 86_400_000 : undefined;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
