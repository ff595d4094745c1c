/**
 * "Is the kit paying off?": the events the kit forwarded to the store's endpoint (kept by the store as
 * JSON lines), counted per widget as funnels, with the orders of the export that used a code a wheel
 * handed out. Each line is one event (`{"id", "name", "detail"}`, as the endpoint receives it inside
 * `events`), one whole batch (`{"events": [...]}`), or a GA4-shaped entry (`{"event": "retain_spin_shown",
 * "event_id", …}`). An event counts once by its id, however often a retry logged it.
 */
import type { ReportOrder } from './model.js';
import type { ProblemLog } from './problems.js';

export interface SpinFunnel {
  shown: number;
  spun: number;
  /** Spins that ended with a code. */
  won: number;
  copied: number;
  applied: number;
  /** Orders in the export (kept ones) that used a code a wheel handed out, per currency. */
  orders: { currency: string; orders: number; revenue: number }[];
}

export interface Funnels {
  /** Events counted (distinct ids), and lines that were not events. */
  events: number;
  badLines: number;
  /** First and last event times, ms (0 when none had a timestamp). */
  from: number;
  to: number;
  spin: SpinFunnel;
  account: { shown: number; requested: number; created: number };
  reviews: { seen: number; helpful: number };
}

/** Event names without `retain-`, plus `spin-won` (an ended spin that handed out a code). */
type Counted =
  | 'spin-shown'
  | 'spin-started'
  | 'spin-ended'
  | 'spin-won'
  | 'spin-code-copied'
  | 'spin-code-applied'
  | 'account-shown'
  | 'account-request'
  | 'account-created'
  | 'review-seen'
  | 'review-voted';

interface EventLine {
  id?: unknown;
  event_id?: unknown;
  messageId?: unknown;
  name?: unknown;
  event?: unknown;
  detail?: Record<string, unknown>;
  properties?: Record<string, unknown>;
  events?: unknown;
  timestamp?: unknown;
  [key: string]: unknown;
}

/** Counts events from JSON lines; keeps the codes wheels handed out, to match orders later. */
export class FunnelCounter {
  private readonly seen = new Set<string>();
  private readonly counts = new Map<Counted, number>();
  /** Codes a wheel handed out, upper case. */
  readonly wheelCodes = new Set<string>();
  private badLines = 0;
  private from = Infinity;
  private to = 0;
  private anonymous = 0;

  constructor(private readonly problems: ProblemLog) {}

  /** One line of the events file (`line` is its 1-based number). */
  addLine(text: string, line: number): void {
    const trimmed = text.trim();
    if (!trimmed) return;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      this.bad(line, trimmed);
      return;
    }
    const entry = value as EventLine;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return this.bad(line, trimmed);
    if (Array.isArray(entry.events)) {
      for (const event of entry.events) this.addEvent(event as EventLine);
    } else if (!this.addEvent(entry)) this.bad(line, trimmed);
  }

  private bad(line: number, text: string): void {
    this.badLines++;
    this.problems.add({ kind: 'bad-event-line', file: 'events', row: line, value: text.slice(0, 40) });
  }

  /** False when the entry is not a kit event at all. */
  private addEvent(entry: EventLine): boolean {
    if (!entry || typeof entry !== 'object') return false;
    const rawName = typeof entry.name === 'string' ? entry.name : typeof entry.event === 'string' ? entry.event : '';
    const name = rawName.replace(/_/g, '-').toLowerCase();
    if (!name.startsWith('retain-')) return false;
    const id = [entry.id, entry.event_id, entry.messageId].find((v) => typeof v === 'string' && v);
    const key = typeof id === 'string' ? id : `#${++this.anonymous}`;
    if (this.seen.has(key)) return true;
    this.seen.add(key);
    const detail = (entry.detail ?? entry.properties ?? entry) as Record<string, unknown>;
    const timestamp = Number(detail.timestamp ?? entry.timestamp);
    if (Number.isFinite(timestamp) && timestamp > 0) {
      this.from = Math.min(this.from, timestamp);
      this.to = Math.max(this.to, timestamp);
    }
    const counted = name.slice('retain-'.length) as Counted;
    this.counts.set(counted, (this.counts.get(counted) ?? 0) + 1);
    // GA4's flat shape writes the code as `code`; the kit's own detail too.
    const code = typeof detail.code === 'string' ? detail.code.trim().toUpperCase() : '';
    if (code && (counted === 'spin-ended' || counted === 'spin-code-copied' || counted === 'spin-code-applied')) this.wheelCodes.add(code);
    if (counted === 'spin-ended' && code) this.counts.set('spin-won', (this.counts.get('spin-won') ?? 0) + 1);
    return true;
  }

  /** The funnels, with the kept orders that used a wheel's code. */
  finish(orders: readonly ReportOrder[]): Funnels {
    const count = (name: Counted) => this.counts.get(name) ?? 0;
    const byCurrency = new Map<string, { currency: string; orders: number; revenue: number }>();
    if (this.wheelCodes.size) {
      for (const order of orders) {
        if (!order.codes.some((code) => this.wheelCodes.has(code))) continue;
        let entry = byCurrency.get(order.currency);
        if (!entry) byCurrency.set(order.currency, (entry = { currency: order.currency, orders: 0, revenue: 0 }));
        entry.orders++;
        entry.revenue += order.total;
      }
    }
    return {
      events: this.seen.size,
      badLines: this.badLines,
      from: Number.isFinite(this.from) ? this.from : 0,
      to: this.to,
      spin: {
        shown: count('spin-shown'),
        spun: count('spin-started'),
        won: count('spin-won'),
        copied: count('spin-code-copied'),
        applied: count('spin-code-applied'),
        orders: [...byCurrency.values()].sort((a, b) => b.orders - a.orders || a.currency.localeCompare(b.currency)),
      },
      account: { shown: count('account-shown'), requested: count('account-request'), created: count('account-created') },
      reviews: { seen: count('review-seen'), helpful: count('review-voted') },
    };
  }
}
