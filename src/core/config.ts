/**
 * Attribute parsing with validation. Configuration is HTML, so every value may be wrong: a bad one
 * never throws; it gets one console warning that names the element, the attribute, the value and the
 * fallback used, and the widget goes on with the fallback.
 */

const warned = new WeakMap<Element, Set<string>>();

/** `<retain-spin-wheel id="promo">`: the tag, and what tells this one apart from others on the page. */
export function describeElement(el: Element): string {
  const name = el.getAttribute('instance') ? 'instance' : el.id ? 'id' : '';
  return name ? `<${el.localName} ${name}="${truncate(el.getAttribute(name)!, 40)}">` : `<${el.localName}>`;
}

/** How a value or fallback reads in a message: strings quoted, objects as JSON, nothing as `none`. */
function show(value: unknown, max = 120): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return JSON.stringify(truncate(text, max));
}

/**
 * The one warning for a bad configuration value, shown once per element, attribute and value however
 * often the widget re-reads it: `retainkit: <retain-spin-wheel id="promo"> cooldown="3x" is not a
 * duration …; <consequence>.` The element itself is logged too, so the console can reveal it.
 */
export function warnInvalid(el: Element, attr: string, value: unknown, why: string, consequence: string): void {
  if (firstTime(el, `${attr}\u0000${show(value, Infinity)}`))
    warn(`${describeElement(el)} ${attr}=${show(value)} ${why}; ${consequence}.`, el);
}

/**
 * The one warning for a configuration that no single attribute holds (`<retain-spin-wheel> has 1 winnable slice,
 * fewer than two; no wheel is shown.`), once per element and message, the element logged too.
 */
export function warnAboutElement(el: Element, message: string): void {
  if (firstTime(el, message)) warn(`${describeElement(el)} ${message}`, el);
}

/** Whether `el` has not been warned of `key` yet (and now has). */
function firstTime(el: Element, key: string): boolean {
  let seen = warned.get(el);
  if (!seen) warned.set(el, (seen = new Set()));
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

/**
 * The kit's one voice in the console: every warning goes through here, under one prefix, so a store can
 * filter them: `retainkit: <retain-survey> could not send the comment to action`, then the details (an
 * error, the element) for the console to reveal.
 */
export function warn(message: string, ...details: unknown[]): void {
  console.warn(`retainkit: ${message}`, ...details);
}

/**
 * One warning per element, attribute and value, naming the element, the attribute, the bad value and
 * the fallback used: `retainkit: <retain-spin-wheel> cooldown="3x" is not a duration such as 30d, 12h,
 * 90s or 500ms; using "30d" instead.`
 */
export function warnBadValue(el: Element, attr: string, value: unknown, fallback: unknown, why: string): void {
  warnInvalid(el, attr, value, why, `using ${show(fallback)} instead`);
}

function truncate(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

type Raw = string | null | undefined;

export interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A decimal number (`12`, `-0.5`, `1e3`; not `0x10`) within a range; empty or missing gives the fallback silently. */
export function parseNumber(el: Element, attr: string, raw: Raw, fallback: number, rule: NumberRule = {}): number {
  if (raw == null || raw.trim() === '') return fallback;
  const value = checkNumber(raw, rule);
  if (typeof value === 'string') {
    warnBadValue(el, attr, raw, fallback, value);
    return fallback;
  }
  return value;
}

/** The number in `raw` when it keeps `rule`, else what is wrong with it (for callers with no fallback). No warning. */
export function checkNumber(raw: string, rule: NumberRule = {}): number | string {
  const text = raw.trim();
  const value = DECIMAL.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(value)) return 'is not a number';
  if (rule.integer && !Number.isInteger(value)) return 'is not a whole number';
  if (rule.min !== undefined && value < rule.min) return `is below the minimum ${rule.min}`;
  if (rule.max !== undefined && value > rule.max) return `is above the maximum ${rule.max}`;
  return value;
}

/** One of a fixed set of words, in any letter case. */
export function parseEnum<T extends string>(el: Element, attr: string, raw: Raw, allowed: readonly T[], fallback: T): T {
  if (raw == null || raw.trim() === '') return fallback;
  const value = raw.trim().toLowerCase();
  const found = allowed.find((word) => word.toLowerCase() === value);
  if (found !== undefined) return found;
  warnBadValue(el, attr, raw, fallback, `is not one of ${allowed.join(', ')}`);
  return fallback;
}

const DURATION_UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/**
 * The longest duration an attribute takes unless it says otherwise: a year. Beyond it a cooldown or an
 * expiry means nothing to a shopper, and far beyond it the date it gives is no date at all.
 */
export const LONGEST_DURATION = 365 * DURATION_UNITS.d;

/**
 * A duration such as `30d`, `12h`, `90s`, `500ms`, `1.5h` or `1h30m` (units ms, s, m, h, d, w; `0`
 * alone is allowed), in whole milliseconds, from `rule.min` (0) to `rule.max` (`LONGEST_DURATION`).
 */
export function parseDuration(el: Element, attr: string, raw: Raw, fallbackMs: number, rule: NumberRule = {}): number {
  if (raw == null || raw.trim() === '') return fallbackMs;
  const ms = durationMs(raw);
  const max = rule.max ?? LONGEST_DURATION;
  let why: string | undefined;
  if (ms === undefined) why = 'is not a duration such as 30d, 12h, 90s or 500ms';
  else if (rule.min !== undefined && ms < rule.min) why = `is shorter than ${formatDuration(rule.min)}`;
  else if (ms > max) why = `is longer than ${formatDuration(max)}`;
  if (why) {
    warnBadValue(el, attr, raw, formatDuration(fallbackMs), why);
    return fallbackMs;
  }
  return ms!;
}

/** Milliseconds of a duration text (`30d`, `1h30m`, `0`), or undefined when it is not one. No warning. */
export function durationMs(raw: string): number | undefined {
  const text = raw.trim().toLowerCase();
  if (text === '0') return 0;
  if (!/^(\d+(\.\d+)?\s*(ms|s|m|h|d|w)\s*)+$/.test(text)) return undefined;
  let ms = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)/g)) ms += Number(amount) * DURATION_UNITS[unit];
  return Number.isFinite(ms) ? Math.round(ms) : undefined;
}

/** The shortest exact spelling of a duration, for messages: 2592000000 → `30d`. */
export function formatDuration(ms: number): string {
  for (const unit of ['w', 'd', 'h', 'm', 's'] as const) {
    const size = DURATION_UNITS[unit];
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

/** A well-formed ISO 4217 currency code: three letters, in any case, spaces around allowed (`EUR`, ` huf `). */
export function isCurrencyCode(code: unknown): code is string {
  return typeof code === 'string' && /^[A-Za-z]{3}$/.test(code.trim());
}

/** The ISO 4217 code in `raw`, trimmed and upper-cased (` eur ` → `EUR`), or undefined when it is none. */
export function currencyCode(raw: unknown): string | undefined {
  return isCurrencyCode(raw) ? raw.trim().toUpperCase() : undefined;
}

/** A currency attribute, upper-cased (`eur` → `EUR`); empty or missing gives the fallback silently. */
export function parseCurrency(el: Element, attr: string, raw: Raw, fallback = 'USD'): string {
  if (raw == null || raw.trim() === '') return fallback;
  const code = currencyCode(raw);
  if (code) return code;
  warnBadValue(el, attr, raw, fallback, 'is not an ISO 4217 currency code such as EUR');
  return fallback;
}

/**
 * Checks a URL from the store's HTML (or from data): `https:`, `http:` on localhost, or relative to the
 * page. Returns the absolute URL, or the fallback with a warning (`javascript:`, `data:`, …).
 */
export function parseUrl(el: Element, attr: string, raw: Raw, fallback: string | null = null): string | null {
  if (raw == null || raw.trim() === '') return fallback;
  const safe = safeUrl(raw);
  if (safe !== null) return safe;
  warnBadValue(el, attr, raw, fallback, 'is not an https: or relative URL');
  return fallback;
}

/** The absolute form of `raw` when it is safe to fetch or link to, else null. No warning. */
export function safeUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim(), document.baseURI);
  } catch {
    return null;
  }
  if (url.protocol === 'https:') return url.href;
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) || url.hostname.endsWith('.localhost');
  if (url.protocol === 'http:' && (local || url.origin === location.origin)) return url.href;
  return null;
}

/**
 * The JSON text of an option: from the attribute, else from a `<script type="application/json">` child
 * (with a `data-attr` naming the option when the element has several).
 */
export function readJsonSource(el: Element, attr: string, raw: Raw): string | null {
  if (raw != null && raw.trim() !== '') return raw;
  const scripts = [...el.querySelectorAll(':scope > script[type="application/json"]')];
  const script = scripts.find((s) => s.getAttribute('data-attr') === attr) ?? scripts.find((s) => !s.hasAttribute('data-attr'));
  return script?.textContent ?? null;
}

/**
 * JSON from an attribute or a script child, checked by `validate` (which returns the typed value, or a
 * string saying what is wrong).
 */
export function parseJson<T>(el: Element, attr: string, raw: Raw, validate: (value: unknown) => T | string, fallback: T): T {
  const text = readJsonSource(el, attr, raw);
  if (text == null || text.trim() === '') return fallback;
  // Said so when the JSON came from a script child, which a reader would not find in the attribute.
  const where = raw != null && raw.trim() !== '' ? attr : `${attr} (from its <script type="application/json">)`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    warnBadValue(el, where, text, fallback, `is not valid JSON (${(error as Error).message})`);
    return fallback;
  }
  let result: T | string;
  try {
    result = validate(value);
  } catch (error) {
    result = `could not be read (${error instanceof Error ? error.message : String(error)})`;
  }
  if (typeof result === 'string') {
    warnBadValue(el, where, text, fallback, result);
    return fallback;
  }
  return result;
}
