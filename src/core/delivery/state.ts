/**
 * What the delivery path's files share on this page: the destinations, each one's flow (timers, lease,
 * request in flight), the outbox rows as this tab last saw them, the listeners, and the memo row's access.
 */
import { warn } from '../config.js';
import { consent } from '../consent.js';
import { uniqueId } from '../ids.js';
import { MEMO_KEY, type DeliveryMemo } from '../outbox.js';
import { storage, type OutboxRow } from '../storage.js';
import { matches, type Destination, type DeliveryListener, type DeliveryState } from './contract.js';

/** This tab, as the memo's leases and in-flight batches name it. */
export const TAB = uniqueId();

export interface Flow {
  timer?: ReturnType<typeof setTimeout>;
  due?: number;
  busy?: boolean;
  again?: boolean;
  attempts: number;
  retryAt: number;
  /** The last attempt failed (here or, per the memo, on an earlier page). */
  down?: boolean;
  /**
   * The request in flight: its events, its size when it is a keepalive one (it outlives the page), and once
   * its answer has come, the events it delivered (until the record of that answer lands). One that failed with
   * no answer is in flight until that failure is recorded (flush.ts).
   */
  inflight?: { ids: string[]; keepalive: number; done?: string[] };
  /** Until when this tab holds the destination's lease. */
  lease?: number;
  /**
   * Another tab's lease with its request in flight (see lease.ts): since when this tab has seen it unchanged,
   * or last heard its holder answer, and when it asked the holder (unanswered).
   */
  watched?: { stamp: string; holder: string; since: number; asked?: number };
  lock?: () => void;
  asking?: AbortController;
}

/** Destinations by key: the first one's settings rule; a second declaration only widens the filter. */
export const destinations = new Map<string, Destination[]>();
export const flows = new Map<string, Flow>();
/** Outbox rows as this tab last saw them, for the beacon at pagehide (IndexedDB cannot be read then). */
export const known = new Map<string, OutboxRow>();
export const stateListeners = new Set<DeliveryListener>();
export const warned = new Set<string>();
/** `leaving`: between pagehide and a pageshow from the back/forward cache, when no new request starts. */
export const page = { leaving: false };

export const flow = (key: string): Flow => flows.get(key) ?? (flows.set(key, { attempts: 0, retryAt: 0 }), flows.get(key)!);
export const granted = () => consent() === 'granted';
export const owedTo = (key: string, name: string) => destinations.get(key)?.some((d) => matches(d.events, name));
export const without = (key: string) => (pending: string[]) => pending.filter((k) => k !== key);

export function report(rows: { id: string }[], state: DeliveryState, key: string): void {
  for (const row of rows) for (const listener of stateListeners) listener(row.id, state, key);
}

export function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  warn(`${message}; keeping its events and retrying.`);
}

export type Tx = Parameters<Parameters<ReturnType<typeof storage>['transact']>[1]>[0];

export const readMemo = async (tx: Tx) => ((await tx.get('state', MEMO_KEY)) ?? {}) as DeliveryMemo;

/**
 * The `state` key of the claims note: for each row a tab claimed (a row a widget queued unassigned, that no
 * delivery path took over in time: flush.ts), when it was queued and the destinations it was then owed to.
 */
export const CLAIMS_KEY = 'delivery/claims';
export type Claims = Record<string, [createdAt: number, keys: string[]]>;

/** Inside a transaction: changes a row's `pending`; a row owed to no one is deleted. Returns the row. */
export async function settle(tx: Tx, id: string, change: (pending: string[]) => string[], row?: OutboxRow): Promise<OutboxRow | undefined> {
  row ??= await tx.get('outbox', id);
  if (!row) return;
  row.pending = change(row.pending);
  await (row.pending.length ? tx.put('outbox', row) : tx.delete('outbox', id));
  return row;
}

/** Read-modify-write of the memo row, only while consent is granted (it is not essential). */
export function editMemo<T>(edit: (memo: DeliveryMemo) => T): Promise<T | undefined> {
  if (!granted()) return Promise.resolve(undefined);
  return storage().transact(['state'], async (tx) => {
    const memo = await readMemo(tx);
    const result = edit(memo);
    await tx.put('state', memo, MEMO_KEY);
    return result;
  });
}
