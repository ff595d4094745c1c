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
import { CLAIM_MS, settings } from './defaults.js';
import { schedule } from './flush.js';
import { CLAIMS_KEY, destinations, granted, known, owedTo, report, settle, warnOnce, type Claims } from './state.js';

/** This page's events (redacted), for destinations added later and for when consent arrives. */
let log: OutboxRow[] = [];
/** Ids this page has taken in; never forgotten, so a replay is never taken twice. */
const seen = new Set<string>();
/** `key id` pairs already offered. */
const offered = new Set<string>();
/** A row for this task's transaction: the keys it is owed to there, and the in-page keys to send it to after. */
type Item = [row: OutboxRow, keys: string[], later: string[]];
let pendingQueue: Item[] = [];
/** Ids of the events this page emitted before its delivery started, long enough ago to have been claimed (`takeEarlier`). */
const early = new Set<string>();
/** How many in-page sends wait for a transaction, by key: a fresh event for the key waits too, keeping the order. */
const waiting = new Map<string, number>();

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

/**
 * Hears the events this page emitted before its delivery started (replayed). A widget may have queued one in
 * its own transaction, and another tab claimed the row meanwhile and sent it (flush.ts): such an event goes to
 * in-page destinations only after the transaction that takes its row over has read what was claimed (`commit`).
 * One emitted lately goes at once, as a fresh one does: its row cannot be claimed before it is `CLAIM_MS` old,
 * and the transaction that takes it over is opened now, before any claim (half of it is the margin).
 */
export function takeEarlier(record: KitEventRecord): void {
  const age = Date.now() - Number(record.detail.timestamp);
  if (!(age >= 0 && age < CLAIM_MS / 2)) early.add(String(record.detail.id));
  take(record);
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
  const queue: Item[] = [];
  for (const row of rows) {
    const owed: string[] = [];
    const later: string[] = [];
    for (const key of keys) {
      const pair = `${key} ${row.id}`;
      if (offered.has(pair) || !owedTo(key, row.name)) continue;
      offered.add(pair);
      const d = destinations.get(key)![0];
      if (d.durable || !d.ready() || owes(key)) owed.push(key);
      else if (early.has(row.id) || waiting.has(key)) later.push(key);
      else if (!sendNow(d, row)) owed.push(key);
    }
    queue.push([row, owed, later]);
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
          enqueue([[row, [d.key], []]]);
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
function enqueue(items: Item[]): void {
  if (!pendingQueue.length) queueMicrotask(() => void commit());
  pendingQueue.push(...items);
  for (const [, , later] of items) for (const key of later) waiting.set(key, (waiting.get(key) ?? 0) + 1);
}

async function commit(): Promise<void> {
  const items = pendingQueue;
  pendingQueue = [];
  if (!granted()) return sendLater(items);
  const touched = new Set<string>();
  const queued: Record<string, OutboxRow[]> = {};
  // The destinations another tab claimed an early event's row for, by id: they are that tab's to send to.
  let claimed = new Map<string, string[]>();
  const check = items.some(([row]) => early.has(row.id));
  try {
    await storage().transact(check ? ['outbox', 'state'] : ['outbox'], async (tx) => {
      claimed = new Map();
      const claims = check ? (((await tx.get('state', CLAIMS_KEY)) ?? {}) as Claims) : {};
      for (const [row, all] of items) {
        const old = await tx.get('outbox', row.id);
        // A row still unassigned is this page's to take over; one that is not may have been claimed (its note says).
        const taken = early.has(row.id) && !old?.pending.includes(UNASSIGNED) ? claims[row.id]?.[1] : undefined;
        if (taken) claimed.set(row.id, taken);
        const keys = taken ? all.filter((key) => !taken.includes(key)) : all;
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
    // The in-page sends still go: better a rare repeat than an event lost.
    return sendLater(items);
  }
  for (const [key, rows] of Object.entries(queued)) {
    report(rows, 'queued', key);
    touched.add(key);
    if (destinations.has(key)) schedule(key, destinations.get(key)![0].wait ?? 0);
  }
  if (touched.size) broadcast({ topic: 'outbox', keys: [...touched] });
  sendLater(items, claimed);
}

/** The in-page sends that waited for the transaction, in order, except to destinations another tab claimed. */
function sendLater(items: Item[], claimed = new Map<string, string[]>()): void {
  const retry: Item[] = [];
  for (const [row, , later] of items) {
    for (const key of later) {
      const left = waiting.get(key)! - 1;
      if (left) waiting.set(key, left);
      else waiting.delete(key);
      const d = destinations.get(key)?.[0];
      if (!d || !granted() || claimed.get(row.id)?.includes(key)) continue;
      if (!d.ready() || !sendNow(d, row)) retry.push([row, [key], []]);
    }
  }
  if (retry.length) enqueue(retry);
}

/** Consent denied: the outbox, delivery's memo and its claims note go. */
export async function purge(): Promise<void> {
  try {
    const rows = await storage().getAll('outbox');
    await storage().transact(['outbox', 'state'], async (tx) => {
      for (const row of rows) await tx.delete('outbox', row.id);
      await tx.delete('state', MEMO_KEY);
      await tx.delete('state', CLAIMS_KEY);
    });
  } catch {
    // Nothing stored, or storage is gone: nothing to purge.
  }
}
