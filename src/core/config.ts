/**
 * Attribute parsing with validation. Configuration is HTML, so every value may be wrong: a bad one
 * never throws; it gets one console warning that names the element, the attribute, the value and the
 * fallback used, and the widget goes on with the fallback.
 */

const warned = new WeakMap<Element, Set<string>>();

/** One warning per element, attribute and value, however often the widget re-reads it. */
export function warnBadValue(el: Element, attr: string, value: unknown, fallback: unknown, why: string): void {
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  const key = `${attr}\u0000${shown}`;
  let seen = warned.get(el);
  if (!seen) warned.set(el, (seen = new Set()));
  if (seen.has(key)) return;
  seen.add(key);
  const used = typeof fallback === 'string' ? `"${fallback}"` : JSON.stringify(fallback);
  console.warn(`<${el.localName}> ${attr}="${truncate(shown)}" ${why}; using ${used} instead.`, el);
}

function truncate(text: string | undefined, max = 120): string {
  const value = text ?? String(text);
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

type Raw = string | null | undefined;

export interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
}

/** A number within a range; empty or missing gives the fallback silently. */
export function parseNumber(el: Element, attr: string, raw: Raw, fallback: number, rule: NumberRule = {}): number {
  if (raw == null || raw.trim() === '') return fallback;
  const value = Number(raw.trim());
  let why: string | undefined;
  if (!Number.isFinite(value)) why = 'is not a number';
  else if (rule.integer && !Number.isInteger(value)) why = 'is not a whole number';
  else if (rule.min !== undefined && value < rule.min) why = `is below the minimum ${rule.min}`;
  else if (rule.max !== undefined && value > rule.max) why = `is above the maximum ${rule.max}`;
  if (why) {
    warnBadValue(el, attr, raw, fallback, why);
    return fallback;
  }
  return value;
}

/** One of a fixed set of words. */
export function parseEnum<T extends string>(el: Element, attr: string, raw: Raw, allowed: readonly T[], fallback: T): T {
  if (raw == null || raw.trim() === '') return fallback;
  const value = raw.trim().toLowerCase() as T;
  if (allowed.includes(value)) return value;
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
 * A duration such as `30d`, `12h`, `90s`, `500ms`, `1.5h` (units ms, s, m, h, d, w; `0` alone is
 * allowed), in milliseconds.
 */
export function parseDuration(el: Element, attr: string, raw: Raw, fallbackMs: number, rule: NumberRule = {}): number {
  if (raw == null || raw.trim() === '') return fallbackMs;
  const text = raw.trim().toLowerCase();
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)$/.exec(text);
  let ms: number | undefined = text === '0' ? 0 : match ? Number(match[1]) * DURATION_UNITS[match[2]] : undefined;
  let why: string | undefined;
  if (ms === undefined) why = 'is not a duration such as 30d, 12h, 90s or 500ms';
  else if (rule.min !== undefined && ms < rule.min) why = `is shorter than ${formatDuration(rule.min)}`;
  else if (rule.max !== undefined && ms > rule.max) why = `is longer than ${formatDuration(rule.max)}`;
  if (why) {
    warnBadValue(el, attr, raw, formatDuration(fallbackMs), why);
    ms = fallbackMs;
  }
  return ms!;
}

/** The shortest exact spelling of a duration, for messages: 2592000000 → `30d`. */
export function formatDuration(ms: number): string {
  for (const unit of ['w', 'd', 'h', 'm', 's'] as const) {
    const size = DURATION_UNITS[unit];
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

/**
 * Checks a URL from the store's HTML (or from data): `https:`, `http:` on localhost, or relative to the
 * page. Returns the absolute URL, or the fallback with a warning (`javascript:`, `data:`, …).
 */
export function parseUrl(el: Element, attr: string, raw: Raw, fallback: string | null = null): string | null {
  if (raw == null || raw.trim() === '') return fallback;
  const safe = safeUrl(raw);
  if (safe !== null) return safe;
  warnBadValue(el, attr, raw, fallback ?? 'none', 'is not an https: or relative URL');
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
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    warnBadValue(el, attr, text, fallback, `is not valid JSON (${(error as Error).message})`);
    return fallback;
  }
  const result = validate(value);
  if (typeof result === 'string') {
    warnBadValue(el, attr, text, fallback, result);
    return fallback;
  }
  return result;
}
