/**
 * The durable outbox: rows of the `outbox` store, one per event, each listing the destinations still
 * owed it. The delivery path fills it (`delivery/queue.ts`), flushes it (`delivery/flush.ts`) and retries
 * what failed (`delivery/backoff.ts`); this file is the small part a widget may import to queue an event
 * in the same IndexedDB transaction as the state change that caused it:
 *
 * ```ts
 * await storage().transact(['state', 'outbox'], async (tx) => {
 *   await tx.put('state', won, `spin-wheel/${instance}/prize`);
 *   await queueInTransaction(tx, toRecord(event));
 * });
 * this.emit(event); // the delivery path finds the row already there and takes it over: never twice
 * ```
 *
 * The row is written only while forwarding is active on this device (a page with `<retain-forward>` or
 * `retainkit.forward` ran with consent granted in the last week); otherwise the call does nothing.
 * Queueing the same event twice is harmless: the first row stays.
 */
import type { KitEventRecord } from './events.js';
import type { OutboxRow, TxStores } from './storage.js';

/** The `state` key of delivery's own bookkeeping (one `DeliveryMemo` row). */
export const MEMO_KEY = 'delivery/memo';

export interface DeliveryMemo {
  /** Until when `queueInTransaction` writes rows (ms since the epoch); refreshed by each page with forwarding. */
  active?: number;
  /** How many events the outbox dropped on this device because of its limits. */
  dropped?: number;
  /** Destinations (by key) whose last attempt failed, with the time before which not to retry (Retry-After). */
  down?: Record<string, number>;
  /**
   * Which tab may send to a destination, until when: taken and renewed by the flushing tab (the Web Lock's
   * holder, or where Web Locks are missing, whichever tab takes it first), released when it leaves.
   */
  lease?: Record<string, [tab: string, until: number]>;
  /** The batch in flight to each destination (marked in the transaction that took the lease), until answered. */
  sending?: Record<string, { batch: string; ids: string[]; tab: string }>;
}

/** In `pending`: queued before any delivery path assigned destinations; the next flush assigns them. */
export const UNASSIGNED = '*';

/**
 * An address in any script (`anna@bücher.de`, `алёна@пример.рф`): `\w` alone let the Unicode ones through;
 * also percent-encoded in a link (`?email=ann%40example.com`).
 */
const EMAIL = /[\p{L}\p{M}\p{N}_.+-]+(?:@|%40)[\p{L}\p{M}\p{N}_-]+(?:\.[\p{L}\p{M}\p{N}_-]+)+/gu;

/**
 * A copy with everything that looks like an email replaced by `[redacted]`: defence in depth behind the
 * events' `personal` fields, so that no email reaches IndexedDB or a forwarded payload by mistake.
 */
export function redact<T>(value: T): T {
  if (typeof value === 'string') return value.replace(EMAIL, '[redacted]') as T;
  if (Array.isArray(value)) return value.map(redact) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, redact(v)])) as T;
  }
  return value;
}

let last = 0;

/** The outbox row of an event (redacted), owed to `pending`. `createdAt` orders rows: it never repeats in a tab. */
export function toRow(record: KitEventRecord, pending: string[]): OutboxRow {
  last = Math.max(Date.now(), last + 0.001);
  return {
    id: String(record.detail.id),
    name: record.name,
    detail: redact(record.detail),
    cancelled: record.cancelled,
    createdAt: last,
    pending,
  };
}

/**
 * Queues `record` inside a `storage().transact(['state', 'outbox', …], …)` body, so that the event is
 * stored if and only if the state change is. Resolves to true when it wrote a row.
 */
export async function queueInTransaction(tx: TxStores, record: KitEventRecord): Promise<boolean> {
  const memo = (await tx.get('state', MEMO_KEY)) as DeliveryMemo | undefined;
  if (!((memo?.active ?? 0) > Date.now()) || (await tx.get('outbox', String(record.detail.id)))) return false;
  await tx.put('outbox', toRow(record, [UNASSIGNED]));
  return true;
}
