/**
 * Relative times ("in 3 days", "yesterday", "5 minutes ago") in the language a `LocalizeController` shows,
 * through `Intl.RelativeTimeFormat`. Apart from localize.ts: only a widget or two says them, so the other
 * widgets' first load does not carry them.
 */
import { cached, type LocalizeController } from './localize.js';

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** `value` `unit`s from now ("in 3 days", or "tomorrow" with the default `numeric: 'auto'`). */
export function relativeTime(
  l: LocalizeController,
  value: number,
  unit: Intl.RelativeTimeFormatUnit,
  options: Intl.RelativeTimeFormatOptions = { numeric: 'auto' },
): string {
  const locale = l.locale;
  return cached('relative', locale, options, () => new Intl.RelativeTimeFormat(locale, options)).format(value, unit);
}

/** A moment relative to now in the largest fitting unit: "in 3 days", "5 minutes ago", "tomorrow". Rounds to the nearest unit. */
export function relative(
  l: LocalizeController,
  when: Date | number,
  now: number = Date.now(),
  options?: Intl.RelativeTimeFormatOptions,
): string {
  const diff = +when - now;
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(diff) >= size || unit === 'second') return relativeTime(l, Math.round(diff / size), unit, options);
  }
  return relativeTime(l, 0, 'second', options);
}
