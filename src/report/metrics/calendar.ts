/**
 * Calendar days and months of instants in one IANA time zone, fast enough for 100,000 orders: the zone's
 * UTC offset is looked up once per UTC day, and again per quarter hour only on the days it changes.
 */

const DAY_MS = 86_400_000;
const QUARTER_HOUR_MS = 900_000;

/** The zone of the browser (or worker) that computes: the owner's own. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Whether `Intl` knows the zone (an unknown one throws a RangeError there). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export class Calendar {
  readonly timeZone: string;
  readonly #format: Intl.DateTimeFormat | null;
  /** UTC day number → that day's offset in ms, or null when the offset changes during the day. */
  readonly #dayOffsets = new Map<number, number | null>();
  readonly #quarterOffsets = new Map<number, number>();

  constructor(timeZone: string) {
    this.timeZone = timeZone;
    this.#format =
      timeZone === 'UTC'
        ? null
        : new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
          });
  }

  /** Days since 1970-01-01 of the instant's calendar date in the zone. */
  day(ms: number): number {
    return Math.floor((ms + this.#offset(ms)) / DAY_MS);
  }

  /**
   * An instant of a day number's day in the zone: its noon there (a change of offset that day moves it
   * by the change, at most a few hours, so it stays on the day).
   */
  noonOf(day: number): number {
    const noon = day * DAY_MS + DAY_MS / 2;
    return noon - this.#offset(noon);
  }

  /** Months since 1970-01 of a day number from `day()`. */
  static month(day: number): number {
    const { year, month } = civilFromDays(day);
    return (year - 1970) * 12 + (month - 1);
  }

  /** `YYYY-MM` of a month number from `month()`. */
  static monthKey(month: number): string {
    const year = 1970 + Math.floor(month / 12);
    const inYear = month - (year - 1970) * 12 + 1;
    return `${String(year).padStart(4, '0')}-${String(inYear).padStart(2, '0')}`;
  }

  #offset(ms: number): number {
    if (!this.#format) return 0;
    const utcDay = Math.floor(ms / DAY_MS);
    let offset = this.#dayOffsets.get(utcDay);
    if (offset === undefined) {
      const start = this.#offsetAt(utcDay * DAY_MS);
      const end = this.#offsetAt((utcDay + 1) * DAY_MS - 1);
      offset = start === end ? start : null;
      this.#dayOffsets.set(utcDay, offset);
    }
    if (offset !== null) return offset;
    const quarter = Math.floor(ms / QUARTER_HOUR_MS);
    let exact = this.#quarterOffsets.get(quarter);
    if (exact === undefined) {
      exact = this.#offsetAt(quarter * QUARTER_HOUR_MS);
      this.#quarterOffsets.set(quarter, exact);
    }
    return exact;
  }

  /** The zone's offset from UTC at an instant: its wall-clock time read as UTC, minus the instant. */
  #offsetAt(ms: number): number {
    const parts: Record<string, number> = {};
    for (const part of this.#format!.formatToParts(ms)) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
    return wall - Math.floor(ms / 1000) * 1000;
  }
}

/** Year and month (1–12) of a day number (Howard Hinnant's `civil_from_days`). */
function civilFromDays(day: number): { year: number; month: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month };
}
