/**
 * When a code stops working, as the store writes it: the next-order offer's `expires-at`, and `expiresAt` in the
 * answer of the offer's and the spin wheel's endpoints. One reading for both, so a day alone means the same day.
 */

/**
 * The time of a date attribute or answer: ms since the epoch, or an ISO 8601 text; NaN when it is neither, or past
 * what a Date holds (the card's `toISOString()` would throw). A day alone (`2026-06-30`) is the end of that day
 * where the shopper is: codes work through the day the store wrote, and the card shows that day in every time
 * zone (`Date.parse` reads it as midnight UTC: the day before, from the Americas, and a day short everywhere).
 */
export function readTime(value: unknown): number {
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? timeOfText(value.trim()) : NaN;
  return Math.abs(ms) < 8.6e15 ? ms : NaN;
}

function timeOfText(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^\d{4}-\d\d-\d\d$/.test(text)) return Date.parse(text);
  // The day's last millisecond where the shopper is: ISO's `T24:00`, local time without an offset. A day its month
  // lacks (`2027-02-30`) is none: Chromium and Firefox would roll it into March, WebKit refuses it.
  const end = Date.parse(`${text}T24:00`) - 1;
  return new Date(end).getDate() === Number(text.slice(8)) ? end : NaN;
}
