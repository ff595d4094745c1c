/**
 * Engagement counters: per widget instance and per shopper (all instances of a widget on this device).
 * Increments are atomic across tabs (one IndexedDB read-write transaction each), and other tabs hear of
 * every change so their widgets can refresh.
 */
import { broadcast, onBroadcast } from './broadcast.js';
import { againIfCutShort, storage, type TxStores } from './storage.js';

/** The counters every widget keeps; widgets may add their own names. */
export type CounterName = 'seen' | 'opened' | 'interacted' | 'converted' | (string & {});

/** The instance name under which the per-shopper totals of a widget are kept. */
export const SHOPPER = '*';

export type Counts = Record<string, number>;

export interface CounterChange {
  widget: string;
  instance: string;
  name: string;
  /** The instance's count after the change. */
  count: number;
  /** The shopper's total for the widget (all its instances) after the change. */
  total: number;
}

const TOPIC = 'counters';
const localListeners = new Set<(change: CounterChange) => void>();

/** `%` and `|` are escaped in each part, so that an instance named `a|b` cannot pass for another's counter. */
function escape(part: string): string {
  return part.replace(/%/g, '%25').replace(/\|/g, '%7C');
}

function unescape(part: string): string {
  return part.replace(/%7C/g, '|').replace(/%25/g, '%');
}

function keyOf(widget: string, instance: string, name: string): string {
  return `${escape(widget)}|${escape(instance)}|${escape(name)}`;
}

/**
 * Adds `by` to a counter of one instance and to the shopper's total for the widget, atomically.
 * Returns the instance's new count.
 */
export async function increment(widget: string, instance: string, name: CounterName, by = 1): Promise<number> {
  // `incrementIn` issues its writes together after its reads, and does nothing else: safe to run again.
  const change = await againIfCutShort(() => storage().transact(['counters'], (tx) => incrementIn(tx, widget, instance, name, by)));
  counted(change);
  return change.count;
}

/**
 * `increment` as one step of a caller's transaction over `counters` (with what else must change with it,
 * all or nothing). The caller announces the change with `counted` once the transaction is done.
 */
export async function incrementIn(tx: TxStores, widget: string, instance: string, name: CounterName, by = 1): Promise<CounterChange> {
  if (!Number.isFinite(by)) throw new RangeError(`retainkit: cannot count by ${by}`);
  if (instance === SHOPPER) throw new RangeError(`retainkit: "${SHOPPER}" is the shopper's total, not an instance`);
  const now = Date.now();
  const keys = [keyOf(widget, instance, name), keyOf(widget, SHOPPER, name)];
  // Both rows read at once, then both written in one step: no write is issued unless both can be.
  const rows = await Promise.all(keys.map((key) => tx.get('counters', key)));
  const [count, total] = rows.map((row) => (row?.count ?? 0) + by);
  await Promise.all([
    tx.put('counters', { key: keys[0], count, updated: now }),
    tx.put('counters', { key: keys[1], count: total, updated: now }),
  ]);
  return { widget, instance, name, count, total };
}

/** Tells this tab's listeners and the other tabs of a counter change. */
export function counted(change: CounterChange): void {
  broadcast({ topic: TOPIC, ...change });
  for (const listener of [...localListeners]) {
    try {
      listener(change);
    } catch (error) {
      console.error('retainkit: a counter listener threw', error);
    }
  }
}

/** The counters of one instance of a widget, or with `SHOPPER` the totals over its instances. */
export async function readCounters(widget: string, instance: string = SHOPPER): Promise<Counts> {
  const prefix = `${escape(widget)}|${escape(instance)}|`;
  const counts: Counts = {};
  for (const row of await storage().getAll('counters')) {
    if (row.key.startsWith(prefix)) counts[unescape(row.key.slice(prefix.length))] = row.count;
  }
  return counts;
}

/** Every counter on this device, as `{ widget: { instance: { name: count } } }`. */
export async function readAllCounters(): Promise<Record<string, Record<string, Counts>>> {
  const all: Record<string, Record<string, Counts>> = {};
  for (const row of await storage().getAll('counters')) {
    const [widget, instance, name] = row.key.split('|').map(unescape);
    if (name === undefined) continue;
    ((all[widget] ??= {})[instance] ??= {})[name] = row.count;
  }
  return all;
}

/** Hears counter changes made in this tab and in the others. Returns the function that stops it. */
export function onCountersChange(listener: (change: CounterChange) => void): () => void {
  localListeners.add(listener);
  const stopRemote = onBroadcast(TOPIC, (message) => listener(message as unknown as CounterChange));
  return () => {
    localListeners.delete(listener);
    stopRemote();
  };
}
