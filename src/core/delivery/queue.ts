/**
 * Taking events in: each kit event is offered first to the in-page destinations that are ready
 * (`dataLayer`, `gtag`, Segment, functions), in the tab that produced it. What they do not take, and
 * everything for an endpoint, goes into the outbox in IndexedDB: one row per event id, listing the
 * destinations still owed it (a row a widget queued in its own transaction is taken over, never doubled).
 */
import { warn } from '../config.js';
import { broadcast } from '../broadcast.js';
import { consent } from '../consent.js';
import type { KitEventRecord } from '../events.js';
import { MEMO_KEY, toRow, UNASSIGNED } from '../outbox.js';
import { storage, type OutboxRow } from '../storage.js';
import { describe, type Destination } from './contract.js';
import { settings } from './defaults.js';
import { schedule } from './flush.js';
import { destinations, granted, known, owedTo, report, settle, warnOnce } from './state.js';

/** This page's events (redacted), for destinations added later and for when consent arrives. */
let log: OutboxRow[] = [];
/** Ids this page has taken in; never forgotten, so a replay is never taken twice. */
const seen = new Set<string>();
/** `key id` pairs already offered. */
const offered = new Set<string>();
/** Rows waiting for this task's transaction, with the keys they are owed to. */
let pendingQueue: [OutboxRow, string[]][] = [];

/** Hears each kit event (`onKitEvent`). */
export function take(record: KitEventRecord): void {
  const id = String(record.detail.id);
  if (seen.has(id)) return;
  seen.add(id);
  if (consent() === 'denied') return;
  const row = toRow(record, []);
  log.push(row);
  if (log.length > settings.maxEvents) log.shift();
  offer([row], [...destinations.keys()]);
}

/** Offers this page's events so far to `keys` (a destination just added, or consent just granted). */
export const offerLog = (keys: string[]) => offer(log, keys);

/** Forgets this page's events (consent denied, or delivery stopped). */
export const forgetLog = () => void (log = []);

/**
 * Offers fresh rows to destinations (by key): an in-page destination that is ready takes them now; the
 * rest are queued in the outbox for the keys still owed.
 */
function offer(rows: OutboxRow[], keys: string[]): void {
  if (!granted()) return;
  const queue: [OutboxRow, string[]][] = [];
  for (const row of rows) {
    const owed: string[] = [];
    for (const key of keys) {
      const pair = `${key} ${row.id}`;
      if (offered.has(pair) || !owedTo(key, row.name)) continue;
      offered.add(pair);
      const d = destinations.get(key)![0];
      if (d.durable || !d.ready() || owes(key) || !sendNow(d, row)) owed.push(key);
    }
    queue.push([row, owed]);
  }
  enqueue(queue);
}

/** Whether this tab knows of events still owed to `key`: a fresh one waits behind them, keeping the order. */
function owes(key: string): boolean {
  for (const row of known.values()) if (row.pending.includes(key)) return true;
  return pendingQueue.some(([, keys]) => keys.includes(key));
}

function sendNow(d: Destination, row: OutboxRow): boolean {
  try {
    const result = d.send([row], '') as PromiseLike<unknown> | undefined;
    if (typeof result?.then === 'function') {
      result.then(
        () => report([row], 'acknowledged', d.key),
        (error: unknown) => {
          warnOnce(d.key, describe(error));
          enqueue([[row, [d.key]]]);
        },
      );
    } else {
      report([row], 'acknowledged', d.key);
    }
    return true;
  } catch (error) {
    warnOnce(d.key, describe(error));
    return false;
  }
}

/** Queues rows for keys (in one transaction per task); also claims rows a widget queued unassigned. */
function enqueue(items: [OutboxRow, string[]][]): void {
  if (!pendingQueue.length) queueMicrotask(() => void commit());
  pendingQueue.push(...items);
}

async function commit(): Promise<void> {
  const items = pendingQueue;
  pendingQueue = [];
  if (!granted()) return;
  const touched = new Set<string>();
  const queued: Record<string, OutboxRow[]> = {};
  try {
    await storage().transact(['outbox'], async (tx) => {
      for (const [row, keys] of items) {
        const old = await tx.get('outbox', row.id);
        if (!old && !keys.length) continue;
        const next = { ...row, createdAt: old?.createdAt ?? row.createdAt };
        await settle(tx, row.id, () => (!old || old.pending.includes(UNASSIGNED) ? keys : [...new Set([...old.pending, ...keys])]), next);
        if (next.pending.length) known.set(row.id, next);
        else known.delete(row.id);
        for (const key of keys) (queued[key] ??= []).push(row);
      }
    });
  } catch (error) {
    warn('could not queue events for forwarding', error);
    return;
  }
  for (const [key, rows] of Object.entries(queued)) {
    report(rows, 'queued', key);
    touched.add(key);
    if (destinations.has(key)) schedule(key, destinations.get(key)![0].wait ?? 0);
  }
  if (touched.size) broadcast({ topic: 'outbox', keys: [...touched] });
}

/** Consent denied: the outbox and delivery's memo go. */
export async function purge(): Promise<void> {
  try {
    const rows = await storage().getAll('outbox');
    await storage().transact(['outbox', 'state'], async (tx) => {
      for (const row of rows) await tx.delete('outbox', row.id);
      await tx.delete('state', MEMO_KEY);
    });
  } catch {
    // Nothing stored, or storage is gone: nothing to purge.
  }
}
