/**
 * Which tab flushes a destination: the one holding its Web Lock (held while the tab lives), or where Web
 * Locks are missing (plain-http pages) or refused, the one holding its lease in IndexedDB (the memo's
 * `lease`). Either way a batch goes only under a valid lease, taken in the transaction that marks it in
 * flight (`begin`) and renewed while its request is out (`renew`).
 */
import { databaseName, storage, type OutboxRow } from '../storage.js';
import { MEMO_KEY } from '../outbox.js';
import { uniqueId } from '../ids.js';
import type { Destination } from './contract.js';
import { BATCH, settings } from './defaults.js';
import { readNote } from './beacon.js';
import { pack } from './limits.js';
import { editMemo, flow, flows, readMemo, TAB } from './state.js';

let noLocks = false;
/** Web Locks, unless missing (plain-http pages, old browsers) or refused (some sandboxed frames). */
export const locks = (): LockManager | undefined => (noLocks ? undefined : navigator.locks);

/** Whether this tab flushes `key` now: it holds the Web Lock, or without Web Locks, an unexpired lease. */
export const leads = (key: string) => (locks() ? !!flow(key).lock : (flow(key).lease ?? 0) > Date.now());

/** Asks for the destination's Web Lock; the tab holding it flushes (`flush`) the destination while it lives. */
export function lead(key: string, flush: () => void): void {
  const f = flow(key);
  const manager = locks();
  if (!manager || f.lock || f.asking) return;
  const asking = (f.asking = new AbortController());
  manager
    .request(`retainkit:${databaseName()}:outbox:${key}`, { signal: asking.signal }, () => {
      f.asking = undefined;
      return new Promise<void>((release) => {
        f.lock = release;
        flush();
      });
    })
    .catch(() => {
      if (asking.signal.aborted) return;
      noLocks = true;
      f.asking = undefined;
      flush();
    });
}

export function release(key: string): void {
  const f = flows.get(key);
  f?.asking?.abort();
  f?.lock?.();
  if (f) f.asking = f.lock = undefined;
}

export interface Batch {
  id: string;
  rows: OutboxRow[];
  body: string;
}

/**
 * In one transaction: takes or renews `key`'s lease and, given `candidates`, picks the batch to send and
 * marks it as in flight. The batch is the one a previous holder left marked (it left or died before the
 * answer), under the same id, else the oldest of `candidates`; either way only rows still owed to `key`
 * and not carried by a beacon. Returns how long another tab's lease still holds, or the lease's end and
 * the batch (none when nothing is owed).
 */
export async function begin(
  key: string,
  d: Destination,
  candidates: OutboxRow[] | undefined,
  dropped?: number,
): Promise<{ wait: number } | { until: number; batch?: Batch }> {
  return storage().transact(['outbox', 'state'], async (tx) => {
    const memo = await readMemo(tx);
    const now = Date.now();
    const lease = memo.lease?.[key];
    const marked = memo.sending?.[key];
    // With Web Locks only one tab asks; another's lease then matters only while its request may be in flight.
    const holds = lease && lease[0] !== TAB && lease[1] > now && (!locks() || marked?.tab === lease[0]);
    if (holds) return { wait: lease[1] - now };
    const until = now + settings.lease;
    memo.lease = { ...memo.lease, [key]: [TAB, until] };
    if (!candidates) {
      await tx.put('state', memo, MEMO_KEY);
      return { until };
    }
    // Read now, inside the transaction: a note written at the holder's pagehide may have just arrived.
    const beaconed = new Set(readNote()[key]);
    const max = d.durable ? (d.batch ?? BATCH) : Infinity;
    const owed = async (ids: string[], most: number) => {
      const rows: OutboxRow[] = [];
      for (const id of ids) {
        if (rows.length >= most) break;
        const row = await tx.get('outbox', id);
        if (row?.pending.includes(key) && !beaconed.has(id)) rows.push(row);
      }
      return rows;
    };
    let id = marked?.batch;
    let rows = marked ? await owed(marked.ids, Infinity) : [];
    if (!id || !rows.length) {
      id = uniqueId();
      rows = await owed(
        candidates.map((row) => row.id),
        max,
      );
    }
    const batch = d.durable ? pack(rows, rows.length || 1, undefined, { batch: id, ...(dropped ? { dropped } : {}) }) : { rows, body: '' };
    memo.sending = { ...memo.sending };
    if (rows.length) memo.sending[key] = { batch: id, ids: batch.rows.map((row) => row.id), tab: TAB };
    else delete memo.sending[key];
    await tx.put('state', memo, MEMO_KEY);
    return { until, batch: rows.length ? { id, ...batch } : undefined };
  });
}

/** Keeps this tab's lease while its request is in flight (an answer may take longer than a lease). */
export async function renew(key: string): Promise<void> {
  const until = Date.now() + settings.lease;
  const renewed = await editMemo((memo) => {
    const lease = memo.lease?.[key];
    if (lease?.[0] !== TAB) return false;
    lease[1] = until;
    return true;
  }).catch(() => false);
  flow(key).lease = renewed ? until : 0;
}
