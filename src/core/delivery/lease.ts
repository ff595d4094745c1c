/**
 * Which tab flushes a destination: the one holding its Web Lock (held while the tab lives), or where Web
 * Locks are missing (plain-http pages) or refused, the one holding its lease in IndexedDB (the memo's
 * `lease`). Either way a batch goes only under a valid lease, taken in the transaction that marks it in
 * flight (`begin`) and renewed until its answer is recorded (`renew`). A tab that left or died with a
 * request of unknown fate in flight keeps its lease; the next holder takes it over only once it has seen it
 * unchanged, and heard nothing from its holder, for a whole lease (`unchangedFor`), and sends what is still
 * owed of that batch first, with the same batch id and event ids.
 */
import { broadcast, type KitMessage } from '../broadcast.js';
import { databaseName, storage, type OutboxRow } from '../storage.js';
import { MEMO_KEY } from '../outbox.js';
import { uniqueId } from '../ids.js';
import type { Destination } from './contract.js';
import { BATCH, settings } from './defaults.js';
import { readNote } from './beacon-note.js';
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
): Promise<{ wait: number; holder?: string } | { until: number; batch?: Batch }> {
  return storage().transact(['outbox', 'state'], async (tx) => {
    const memo = await readMemo(tx);
    const now = Date.now();
    const lease = memo.lease?.[key];
    const marked = memo.sending?.[key];
    if (lease && lease[0] !== TAB) {
      const inFlight = marked?.tab === lease[0];
      // A request in flight: the lease must have both run out and been seen unchanged for a whole lease.
      const wait = Math.max(lease[1] - now, inFlight ? unchangedFor(key, lease, now) : 0);
      // With Web Locks only one tab asks; another's lease then matters only while its request may be in flight.
      if (wait > 0 && (!locks() || inFlight)) return { wait, holder: inFlight ? lease[0] : undefined };
    }
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

/**
 * How long before another tab's expired lease, with its request in flight, may be taken over: only once this
 * tab has seen it unchanged for a whole lease, not when its end has passed, and its holder has not answered
 * for as long. Its holder renews it every quarter lease until the answer is recorded, but a background tab's
 * timers may be throttled for seconds (more under load), and IndexedDB may run a renewal after the lease's
 * end. So the looking tab also asks the holder over the BroadcastChannel (`askHolder`); a live holder renews
 * and answers at once (`onHolderAnswer`), and only a tab that is gone stays silent. An ask is given half a
 * lease to be answered.
 */
function unchangedFor(key: string, lease: [string, number], now: number): number {
  const f = flow(key);
  const stamp = lease.join(' ');
  if (f.watched?.stamp !== stamp) f.watched = { stamp, holder: lease[0], since: now };
  f.watched.asked ??= now;
  return Math.max(f.watched.since + settings.lease, f.watched.asked + settings.lease / 2) - now;
}

/** Keeps this tab's lease while its request is in flight and until its answer is recorded. */
export async function renew(key: string): Promise<void> {
  const renewed = await editMemo((memo) => {
    const lease = memo.lease?.[key];
    if (lease?.[0] !== TAB) return 0;
    // From when the renewal runs, not when it was asked: IndexedDB may run it late.
    return (lease[1] = Date.now() + settings.lease);
  }).catch(() => 0);
  flow(key).lease = renewed ?? 0;
}

/** Asks `holder` to renew its lease on `key` now (see `unchangedFor`). */
export const askHolder = (key: string, holder: string) => broadcast({ topic: 'lease', key, tab: holder });

/** This tab, asked by another whether it still holds `key`'s lease: renews it, and says so, while its request is in flight. */
export function onAskHolder(message: KitMessage): void {
  const key = String(message.key);
  if (message.tab !== TAB || !flows.get(key)?.inflight) return;
  void renew(key);
  broadcast({ topic: 'lease-held', key, tab: TAB });
}

/** The holder another tab watches answered: it lives, so its lease counts as renewed now. */
export function onHolderAnswer(message: KitMessage): void {
  const watched = flows.get(String(message.key))?.watched;
  if (!watched || watched.holder !== message.tab) return;
  watched.since = Date.now();
  watched.asked = undefined;
}
