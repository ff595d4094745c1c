/**
 * Reading one cell of an export: dates, money, currency codes, discount codes. Pure functions (they run
 * in the report's worker); each returns `undefined` for a value it cannot read, and the caller names the
 * row.
 */

const DAY_MS = 86_400_000;

/** Local wall-clock time (the browser's zone) or, with an offset, an exact instant. */
function toInstant(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, offsetMinutes?: number): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return undefined;
  // Feb 31 and the like: the day must survive the round trip.
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return undefined;
  if (offsetMinutes === undefined) return new Date(y, mo - 1, d, h, mi, s).getTime();
  return Date.UTC(y, mo - 1, d, h, mi, s) - offsetMinutes * 60_000;
}

const TIME = String.raw`(?:[T ]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(am|pm)?)?`;
const ZONE = String.raw`\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?`;
/** 2024-05-01, 2024-05-01 10:00:00 +0000 (Shopify), 2024-05-01T10:00:00Z, 2024. 05. 01. 10:00 (Hungarian). */
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[-/.]\s?(\d{1,2})[-/.]\s?(\d{1,2})\.?${TIME}${ZONE}$`, 'i');
/** 31.12.2024 (day first, as in ru, uk, de) and 12/31/2024 (month first, unless the first number is above 12). */
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})${TIME}${ZONE}$`, 'i');
const SLASHED = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})${TIME}${ZONE}$`, 'i');

function offsetOf(zone: string | undefined): number | undefined {
  if (!zone) return undefined;
  if (/^(z|utc|gmt)$/i.test(zone)) return 0;
  const [, sign, hh, mm] = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
  return (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm));
}

function hours(h: string | undefined, meridiem: string | undefined): number {
  let hour = Number(h ?? 0);
  if (meridiem) {
    if (hour < 1 || hour > 12) return NaN;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
  }
  return hour;
}

/** The fields of a date or date-time as exports write them (not yet checked for impossible dates). */
function dateParts(raw: string) {
  const text = raw.trim();
  let parts: RegExpExecArray | null;
  let y: number, mo: number, d: number;
  if ((parts = YEAR_FIRST.exec(text))) [y, mo, d] = [+parts[1], +parts[2], +parts[3]];
  else if ((parts = DOTTED.exec(text))) [d, mo, y] = [+parts[1], +parts[2], +parts[3]];
  else if ((parts = SLASHED.exec(text))) {
    const [a, b] = [+parts[1], +parts[2]];
    [mo, d] = a > 12 ? [b, a] : [a, b];
    y = +parts[3];
  } else return undefined;
  return { y, mo, d, parts, dateOnly: parts[4] === undefined && parts[8] === undefined };
}

/** Years outside 1990–2100 are typing errors, not orders. */
const inRange = (when: number | undefined) =>
  when !== undefined && when > Date.UTC(1990, 0, 1) - DAY_MS && when < Date.UTC(2100, 0, 1) ? when : undefined;

/**
 * A date or date-time as exports write them, in ms since the epoch. Without an offset it is wall-clock
 * time in the browser's zone (the store owner's). Undefined for anything else, including impossible
 * dates such as 2024-02-31.
 */
export function parseDate(raw: string): number | undefined {
  const found = dateParts(raw);
  if (!found) return undefined;
  const { y, mo, d, parts } = found;
  const h = hours(parts[4], parts[7]);
  if (Number.isNaN(h)) return undefined;
  return inRange(toInstant(y, mo, d, h, Number(parts[5] ?? 0), Number(parts[6] ?? 0), offsetOf(parts[8])));
}

/**
 * A date without a time or an offset (any form `parseDate` reads: `2024-03-10`, `10.03.2024`,
 * `3/10/2024`, `2024. 03. 10.`) as the calendar day it names, `YYYY-MM-DD`, in no time zone; undefined
 * for a date-time, an instant or anything else.
 */
export function parseDay(raw: string): string | undefined {
  const found = dateParts(raw);
  if (!found?.dateOnly) return undefined;
  const { y, mo, d } = found;
  if (inRange(toInstant(y, mo, d, 0, 0, 0, 0)) === undefined) return undefined;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * An amount as exports and spreadsheets write it: `1234.5`, `1,234.50`, `1 234,50`, `12,50 €`, `$12.00`,
 * `-5.00`, `(5.00)`. The last `.` or `,` followed by one or two digits (or by three when the other mark
 * also appears before it) is the decimal mark; other marks and spaces group thousands.
 */
export function parseMoney(raw: string): number | undefined {
  let text = raw.trim();
  if (!text) return undefined;
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  // Currency symbols, codes and every kind of space.
  text = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^[^\d+\-.,]+|[^\d.,]+$/g, '');
  if (/^-/.test(text)) {
    negative = !negative;
    text = text.slice(1);
  } else if (/^\+/.test(text)) text = text.slice(1);
  text = text.replace(/^[^\d.,]+/, '');
  if (!/^[\d.,']+$/.test(text) || !/\d/.test(text)) return undefined;
  text = text.replace(/'/g, '');
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  const mark = Math.max(lastDot, lastComma);
  let integer = text;
  let fraction = '';
  if (mark >= 0) {
    const after = text.slice(mark + 1);
    const both = lastDot >= 0 && lastComma >= 0;
    const once = text.indexOf(text[mark]) === mark;
    // "1,234" and "1.234" alone are thousands; "1,234.5", "12,5" and "0.125" are decimals.
    const decimal = both || (once && (after.length !== 3 || /^0?[.,]/.test(text)));
    if (decimal) {
      integer = text.slice(0, mark);
      fraction = after;
    }
  }
  const otherMark = mark >= 0 && fraction ? text[mark] : '';
  if (otherMark && integer.includes(otherMark)) return undefined;
  integer = integer.replace(/[.,]/g, '');
  if (!/^\d*$/.test(integer) || !/^\d*$/.test(fraction)) return undefined;
  const value = Number(`${integer || '0'}.${fraction || '0'}`);
  if (!Number.isFinite(value)) return undefined;
  return negative ? -value : value;
}

/**
 * Discount codes of one cell: Shopify's `Discount Code` (one code, or several separated by commas),
 * WooCommerce's `Coupon(s)` (`A, B`) and the export plugins' `coupon_items`
 * (`code:SAVE10|amount:5.00;code:TEN|…`). Trimmed, upper case, without duplicates.
 */
export function parseCodes(raw: string): string[] {
  const text = raw.trim();
  if (!text) return [];
  let codes: string[];
  if (/(^|[;|])\s*code:/i.test(text)) {
    codes = [...text.matchAll(/(?:^|[;|])\s*code:([^|;]*)/gi)].map((match) => match[1]);
  } else codes = text.split(/[,;]/);
  return [...new Set(codes.map((code) => code.trim().toUpperCase()).filter(Boolean))];
}

/** Yes-like cells (`true`, `yes`, `1`, `y`) of a flag column such as Shopify's `Test`. */
export function isYes(raw: string): boolean {
  return /^(true|yes|y|1)$/i.test(raw.trim());
}
