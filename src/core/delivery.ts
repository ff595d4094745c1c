/**
 * The delivery path: every kit event (`onKitEvent`) reaches each destination the store declared
 * (`<retain-forward>`, `retainkit.forward`) once, through a durable outbox for whatever cannot take it
 * at once. Loaded only on pages that forward (or that set consent).
 *
 * - An event is offered first to the in-page destinations that are ready (`dataLayer`, `gtag`, Segment,
 *   functions), in the tab that produced it. What they do not take, and everything for an endpoint, goes
 *   into the outbox in IndexedDB: one row per event id, listing the destinations still owed it.
 * - One tab flushes each destination: the one holding its Web Lock (held while the tab lives), or where
 *   Web Locks are missing (plain-http pages) the one holding its lease in IndexedDB. Other tabs only queue,
 *   and tell it over the BroadcastChannel. In both cases a batch goes only under a valid lease: one
 *   transaction takes the lease, reads which rows are still owed and marks the batch as in flight; the lease
 *   is renewed while the request is in flight; at pagehide one transaction releases it together with what
 *   the beacons carried, so that no tab can take the lease and still find those rows owed. A tab that left or
 *   died with a request of unknown fate in flight keeps its lease until it runs out (its pagehide note has
 *   reached the other tabs by then); the next holder sends what is still owed of that batch first, with the
 *   same batch id and event ids.
 * - A destination leaves a row only when it acknowledged it (2xx, or the in-page call returned); the row
 *   is deleted when no destination is owed it. Failures retry with exponential backoff and jitter;
 *   Retry-After (429/503) is honoured, and remembered across pages.
 * - At pagehide the flushing tab hands what is left for an endpoint to `navigator.sendBeacon`, in bodies
 *   of ≤ 60 KB, and counts what the browser took (and a keepalive request in flight) as delivered: no
 *   answer can ever come, and sending it again on the next visit would duplicate nearly every last-page
 *   event. To keep that risk small it does so only while online and while the endpoint's last attempt did
 *   not fail; otherwise, and for whatever does not fit, the rows wait for the next visit.
 * - The outbox keeps at most `maxEvents` rows for at most `maxAge`, dropping the oldest first, counting
 *   them (`outboxStats`, and `dropped` in endpoint batches) and warning once per page.
 * - Consent (`consent.ts`): pending holds events in memory only; denied forwards nothing, empties the
 *   outbox and stores nothing.
 */
import { broadcast, onBroadcast } from './broadcast.js';
import { formatDuration } from './config.js';
import { consent, onConsent, resetConsent, setConsent as sayConsent, type ConsentState } from './consent.js';
import { onKitEvent, type KitEventRecord } from './events.js';
import { uniqueId } from './ids.js';
import { MEMO_KEY, toRow, UNASSIGNED, type DeliveryMemo } from './outbox.js';
import { databaseName, storage, type OutboxRow } from './storage.js';

export type { ConsentState } from './consent.js';
export type Forwarder = (event: KitEventRecord) => void | Promise<void>;
export interface ForwardOptions {
  /** Event names to forward (`retain-spin-*` matches a prefix); all when absent. */
  events?: string[];
  /**
   * Names the forwarder. Events it failed to take (it threw or its promise rejected) stay in the outbox
   * and are retried by the forwarder of the same name, in this tab or a later one. Unnamed forwarders are
   * named by the order of their `forward` calls on the page.
   */
  name?: string;
}
export type DeliveryState = 'queued' | 'sent' | 'acknowledged';
export type DeliveryListener = (id: string, state: DeliveryState, destination: string) => void;

/* The destination contract (the built-in destinations are in destinations.ts, loaded by <retain-forward>). */

export interface Destination {
  /** The same destination has the same key in every tab and visit: its acknowledgements are kept by it. */
  key: string;
  /** Names it in warnings. */
  label: string;
  /** Event names it takes (`retain-spin-*` matches a prefix); all when absent. */
  events?: string[];
  /** True for endpoints: every event goes through the outbox, sent in batches by one tab. */
  durable?: boolean;
  /** Most events per request. */
  batch?: number;
  /** How long to gather events before a request (ms). */
  wait?: number;
  /** Whether it can take events now (the page's `dataLayer`, `gtag`, `analytics` exist). */
  ready(): boolean;
  /**
   * Delivers `rows` (`body`: their JSON for endpoints). Resolves (or returns) on acknowledgement; throws
   * a `SendError` on failure, whose `done` counts the rows taken before it.
   */
  send(rows: OutboxRow[], body: string): unknown;
  /** Endpoints: hands a body to `navigator.sendBeacon`; true when the browser took it. */
  beacon?(body: string): boolean;
}

export class SendError extends Error {
  constructor(
    message: string,
    /** True when retrying cannot help until someone fixes something (a 4xx, a throwing gtag). */
    readonly bad = false,
    /** From Retry-After, in ms. */
    readonly retryAfter?: number,
    readonly done = 0,
  ) {
    super(message);
  }
}

export function matches(events: string[] | undefined, name: string): boolean {
  return !events || events.some((e) => (e.endsWith('*') ? name.startsWith(e.slice(0, -1)) : e === name));
}

/** A filter from HTML or JS: names separated by spaces or commas; `retain_spin_end` means `retain-spin-end`. */
export function parseEvents(raw: string | string[] | null | undefined): string[] | undefined {
  const names = (Array.isArray(raw) ? raw : (raw ?? '').split(/[\s,]+/)).filter(Boolean).map((n) => n.replace(/_/g, '-'));
  return names.length ? names : undefined;
}

export function toRecord(row: OutboxRow): KitEventRecord {
  return { name: row.name, detail: row.detail, cancelled: !!row.cancelled };
}

export const describe = (error: unknown) => String((error as Error)?.message ?? error);

/** The largest body for a keepalive fetch or a beacon (browsers allow 64 KiB in flight per page). */
export const BODY_LIMIT = 60_000;

export const bytes = (text: string) => new TextEncoder().encode(text).length;

/** The longest prefix of `rows` (≥ 1 row, ≤ `max`) whose batch body fits `limit` bytes, and its body. */
export function pack(
  rows: OutboxRow[],
  max: number,
  limit = BODY_LIMIT,
  extra: Record<string, unknown> = {},
): { rows: OutboxRow[]; body: string } {
  const head = JSON.stringify({ ...extra, sentAt: Date.now() }).slice(0, -1);
  const parts: string[] = [];
  let size = bytes(head) + 14;
  for (const row of rows.slice(0, max)) {
    const part = JSON.stringify({ id: row.id, name: row.name, cancelled: !!row.cancelled, detail: row.detail });
    size += bytes(part) + 1;
    if (parts.length && size > limit) break;
    parts.push(part);
  }
  return { rows: rows.slice(0, parts.length), body: `${head},"events":[${parts.join(',')}]}` };
}

/** `retainkit.forward(fn)`: the record as the page's listeners see it (without personal fields). */
export function callback(key: string, fn: (record: KitEventRecord) => unknown, events?: string[]): Destination {
  return {
    key,
    label: 'retainkit.forward()',
    events,
    ready: () => true,
    async send(rows) {
      let done = 0;
      try {
        for (const row of rows) {
          await fn(toRecord(row));
          done++;
        }
      } catch (error) {
        throw new SendError(`retainkit.forward() failed: ${describe(error)}`, true, undefined, done);
      }
    },
  };
}

/** Limits and timings; `<retain-forward max-events max-age>` set the first two. */
export const settings = {
  maxEvents: 1000,
  maxAge: 7 * 86_400_000,
  retryBase: 1000,
  retryMax: 300_000,
  /** How long a lease holds unless renewed: longer than an endpoint request may take (15 s). */
  lease: 20_000,
};
const defaults = { ...settings };

/** How long a widget's row (queued in its own transaction) waits for its tab's delivery path to claim it. */
const CLAIM_MS = 2000;
const TAB = uniqueId();

interface Flow {
  timer?: ReturnType<typeof setTimeout>;
  due?: number;
  busy?: boolean;
  again?: boolean;
  attempts: number;
  retryAt: number;
  /** The last attempt failed (here or, per the memo, on an earlier page). */
  down?: boolean;
  /** The request in flight: its events, and its size when it is a keepalive one (it outlives the page). */
  inflight?: { ids: string[]; keepalive: number };
  /** Until when this tab holds the destination's lease. */
  lease?: number;
  lock?: () => void;
  asking?: AbortController;
}

const destinations = new Map<string, Destination[]>();
const flows = new Map<string, Flow>();
/** This page's events (redacted), for destinations added later and for when consent arrives. */
let log: OutboxRow[] = [];
/** Ids this page has taken in; never forgotten, so a replay is never taken twice. */
const seen = new Set<string>();
/** `key id` pairs already offered. */
const offered = new Set<string>();
/** Outbox rows as this tab last saw them, for the beacon at pagehide (IndexedDB cannot be read then). */
const known = new Map<string, OutboxRow>();
const stateListeners = new Set<DeliveryListener>();
const warned = new Set<string>();
let stops: (() => void)[] = [];
let started = false;
/** Between pagehide and a pageshow from the back/forward cache: no new request starts. */
let leaving = false;
let fnCount = 0;

const granted = () => consent() === 'granted';
const flow = (key: string): Flow => flows.get(key) ?? (flows.set(key, { attempts: 0, retryAt: 0 }), flows.get(key)!);
/** Web Locks, unless missing (plain-http pages, old browsers) or refused (some sandboxed frames). */
let noLocks = false;
const locks = (): LockManager | undefined => (noLocks ? undefined : navigator.locks);
const owedTo = (key: string, name: string) => destinations.get(key)?.some((d) => matches(d.events, name));

function report(rows: { id: string }[], state: DeliveryState, key: string): void {
  for (const row of rows) for (const listener of stateListeners) listener(row.id, state, key);
}

function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`retainkit: ${message}; keeping its events and retrying.`);
}

type Tx = Parameters<Parameters<ReturnType<typeof storage>['transact']>[1]>[0];

/** Inside a transaction: changes a row's `pending`; a row owed to no one is deleted. Returns the row. */
async function settle(tx: Tx, id: string, change: (pending: string[]) => string[], row?: OutboxRow): Promise<OutboxRow | undefined> {
  row ??= await tx.get('outbox', id);
  if (!row) return;
  row.pending = change(row.pending);
  await (row.pending.length ? tx.put('outbox', row) : tx.delete('outbox', id));
  return row;
}

const without = (key: string) => (pending: string[]) => pending.filter((k) => k !== key);

/** Read-modify-write of the memo row, only while consent is granted (it is not essential). */
function editMemo<T>(edit: (memo: DeliveryMemo) => T): Promise<T | undefined> {
  if (!granted()) return Promise.resolve(undefined);
  return storage().transact(['state'], async (tx) => {
    const memo = ((await tx.get('state', MEMO_KEY)) ?? {}) as DeliveryMemo;
    const result = edit(memo);
    await tx.put('state', memo, MEMO_KEY);
    return result;
  });
}

function start(): void {
  if (started) return;
  started = true;
  const hide = () => pagehide();
  const show = (event: PageTransitionEvent) => {
    if (!event.persisted) return;
    leaving = false;
    for (const key of destinations.keys()) {
      lead(key);
      void flush(key);
    }
  };
  const online = () => {
    for (const key of destinations.keys()) {
      flow(key).retryAt = 0;
      void flush(key);
    }
  };
  addEventListener('pagehide', hide);
  addEventListener('pageshow', show);
  addEventListener('online', online);
  // Without Web Locks, nothing tells a tab that the lease holder is gone: look now and then.
  const lease = locks() ? undefined : setInterval(() => destinations.forEach((_, key) => void flush(key)), settings.lease / 2);
  stops = [
    onConsent(consentChanged),
    onBroadcast('outbox', (message) => {
      for (const key of message.keys as string[]) if (destinations.has(key)) schedule(key, destinations.get(key)![0].wait ?? 0);
    }),
    onKitEvent(take, { replay: true }),
    () => {
      removeEventListener('pagehide', hide);
      removeEventListener('pageshow', show);
      removeEventListener('online', online);
      clearInterval(lease);
    },
  ];
  if (granted()) void activate();
}

/** Lets widgets queue rows in their own transactions for the next week (see outbox.ts). */
function activate(): Promise<unknown> {
  return destinations.size ? editMemo((memo) => (memo.active = Date.now() + 7 * 86_400_000)).catch(() => undefined) : Promise.resolve();
}

function consentChanged(state: ConsentState): void {
  if (state === 'granted') {
    void activate();
    offer(log, [...destinations.keys()]);
    for (const key of destinations.keys()) void flush(key);
  } else if (state === 'denied') {
    log = [];
    known.clear();
    void purge();
  }
}

/** Denied: the outbox and delivery's memo go. */
async function purge(): Promise<void> {
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

function take(record: KitEventRecord): void {
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

let pendingQueue: [OutboxRow, string[]][] = [];

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
    console.warn('retainkit: could not queue events for forwarding', error);
    return;
  }
  for (const [key, rows] of Object.entries(queued)) {
    report(rows, 'queued', key);
    touched.add(key);
    if (destinations.has(key)) schedule(key, destinations.get(key)![0].wait ?? 0);
  }
  if (touched.size) broadcast({ topic: 'outbox', keys: [...touched] });
}

function schedule(key: string, ms: number): void {
  const f = flow(key);
  const due = Date.now() + ms;
  if (f.timer !== undefined && f.due! <= due) return;
  clearTimeout(f.timer);
  f.due = due;
  f.timer = setTimeout(() => {
    f.timer = undefined;
    void flush(key);
  }, ms);
}

/** The wait before retry number `attempts` (1, 2, …): the doubled delay, capped, less up to half (jitter). */
export const backoff = (attempts: number) =>
  Math.min(settings.retryMax, settings.retryBase * 2 ** (attempts - 1)) * (0.5 + Math.random() / 2);

/** Asks for the destination's Web Lock; the tab holding it flushes the destination while it lives. */
function lead(key: string): void {
  const f = flow(key);
  const manager = locks();
  if (!manager || f.lock || f.asking) return;
  const asking = (f.asking = new AbortController());
  manager
    .request(`retainkit:${databaseName()}:outbox:${key}`, { signal: asking.signal }, () => {
      f.asking = undefined;
      return new Promise<void>((release) => {
        f.lock = release;
        void flush(key);
      });
    })
    .catch(() => {
      if (asking.signal.aborted) return;
      noLocks = true;
      f.asking = undefined;
      void flush(key);
    });
}

function release(key: string): void {
  const f = flows.get(key);
  f?.asking?.abort();
  f?.lock?.();
  if (f) f.asking = f.lock = undefined;
}

/**
 * What beacons carried at pagehide, by destination key. IndexedDB cannot commit a transaction once the
 * page is gone, so the flushing tab notes them synchronously in localStorage; the next `load` (in any
 * tab) applies the note to the outbox and clears it. Where the note is lost (no localStorage; WebKit
 * drops localStorage writes made while a window is closing, though not while navigating away), those
 * events are sent again on the next visit, and the receiver drops them by id: a repeat, never a loss.
 */
type BeaconNote = Record<string, string[]>;
const noteKey = () => `retainkit:${databaseName()}:beaconed`;

function readNote(): BeaconNote {
  try {
    return JSON.parse(localStorage.getItem(noteKey()) ?? '{}') as BeaconNote;
  } catch {
    return {};
  }
}

/** Adds (`ids`) or, with `applied`, removes ids from the note. */
function writeNote(change: BeaconNote, applied = false): void {
  try {
    const note = readNote();
    for (const [key, ids] of Object.entries(change)) {
      const set = new Set(note[key]);
      for (const id of ids) applied ? set.delete(id) : set.add(id);
      if (set.size) note[key] = [...set];
      else delete note[key];
    }
    if (Object.keys(note).length) localStorage.setItem(noteKey(), JSON.stringify(note));
    else localStorage.removeItem(noteKey());
  } catch {
    // No localStorage: those events may be sent again on the next visit (the receiver drops them by id).
  }
}

/** The outbox, oldest first, after applying beacon notes and the limits, and claiming old unassigned rows. */
async function load(): Promise<{ rows: OutboxRow[]; memo: DeliveryMemo }> {
  const note = Object.entries(readNote());
  const all = (await storage().getAll('outbox')).sort((a, b) => a.createdAt - b.createdAt);
  for (const [key, ids] of note) for (const row of all) if (ids.includes(row.id)) row.pending = without(key)(row.pending);
  const now = Date.now();
  const over = all.length - settings.maxEvents;
  const old = (row: OutboxRow, i: number) => i < over || row.createdAt < now - settings.maxAge;
  const drop = all.filter(old);
  const rows = all.filter((row, i) => !old(row, i));
  const claim = rows.filter((row) => row.pending.includes(UNASSIGNED) && row.createdAt < now - CLAIM_MS);
  const memo =
    drop.length || claim.length || note.length
      ? await storage().transact(['outbox', 'state'], async (tx) => {
          const memo = ((await tx.get('state', MEMO_KEY)) ?? {}) as DeliveryMemo;
          for (const [key, ids] of note) for (const id of ids) await settle(tx, id, without(key));
          let dropped = 0;
          for (const row of drop) if (await settle(tx, row.id, () => [])) dropped++;
          for (const row of claim) {
            if ((await tx.get('outbox', row.id))?.pending.includes(UNASSIGNED)) {
              await settle(tx, row.id, () => [...destinations.keys()].filter((key) => owedTo(key, row.name)), row);
            }
          }
          if (dropped) {
            memo.dropped = (memo.dropped ?? 0) + dropped;
            await tx.put('state', memo, MEMO_KEY);
            if (!warned.has('')) {
              warned.add('');
              console.warn(
                `retainkit: the event outbox is over its limit (${settings.maxEvents} events, ${formatDuration(settings.maxAge)}): dropped the ${dropped} oldest; ${memo.dropped} dropped on this device so far.`,
              );
            }
          }
          return memo;
        })
      : (((await storage().get('state', MEMO_KEY)) ?? {}) as DeliveryMemo);
  if (note.length) writeNote(Object.fromEntries(note), true);
  known.clear();
  for (const row of rows) if (row.pending.length) known.set(row.id, row);
  return { rows: rows.filter((row) => row.pending.length), memo };
}

/** Sends one batch to `key` if this tab flushes it; goes on until the outbox owes it nothing or it fails. */
async function flush(key: string): Promise<void> {
  const f = flow(key);
  const d = destinations.get(key)?.[0];
  if (!d || !granted() || leaving || (locks() && !f.lock)) return;
  if (f.busy) {
    f.again = true;
    return;
  }
  f.busy = true;
  let renewing: ReturnType<typeof setInterval> | undefined;
  try {
    const { rows: all, memo } = await load();
    const rows = all.filter((row) => row.pending.includes(key));
    if (!rows.length) return;
    // Down as the memo says: any tab's success clears it there.
    const down = memo.down?.[key];
    f.down = down !== undefined;
    // Whether to wait: for a retry, for a destination not there yet (a dataLayer the page creates later:
    // look again at least every 30 s), or to gather (a batch goes when its oldest event has waited `wait`,
    // or when it is full).
    const retry = Math.max(f.retryAt, down ?? 0) - Date.now();
    const gather = (d.wait ?? 0) - (Date.now() - rows[0].createdAt);
    let later: number | undefined;
    if (retry > 0) later = retry;
    else if (!d.ready()) later = Math.min(30_000, backoff(++f.attempts));
    else if (gather > 0 && rows.length < (d.batch ?? 100)) later = gather;
    // The lease is taken even to wait: it says which tab beacons at pagehide.
    const begun = await begin(key, d, later === undefined ? rows : undefined, memo.dropped);
    // Another tab holds the lease: look again when it runs out.
    if ('wait' in begun) return schedule(key, begun.wait);
    f.lease = begun.until;
    if (later !== undefined) return schedule(key, later);
    const batch = begun.batch;
    // The page went away meanwhile: its beacons carried these rows, or the next holder sends them.
    if (!batch || leaving) return;
    const size = bytes(batch.body);
    f.inflight = { ids: batch.rows.map((row) => row.id), keepalive: size <= BODY_LIMIT ? size : 0 };
    report(batch.rows, 'sent', key);
    renewing = setInterval(() => void renew(key), settings.lease / 4);
    try {
      await d.send(batch.rows, batch.body);
      clearInterval(renewing);
      await record(key, { acked: batch.rows, state: 'acknowledged', batch: batch.id, down: null });
      f.attempts = 0;
      f.retryAt = 0;
      f.down = false;
      // More may be owed (newer rows, or a batch taken over before them): the next round finds out.
      f.again = true;
    } catch (error) {
      clearInterval(renewing);
      const failure = error instanceof SendError ? error : new SendError(String(error), true);
      f.retryAt = Date.now() + (failure.retryAfter ?? backoff(++f.attempts));
      f.down = true;
      const done = batch.rows.slice(0, failure.done);
      await record(key, { acked: done, state: 'acknowledged', batch: batch.id, down: failure.retryAfter ? f.retryAt : 0 });
      if (failure.bad) warnOnce(key, failure.message);
      schedule(key, f.retryAt - Date.now());
    }
  } catch (error) {
    // Storage failed under us: try again later, like a failed request.
    schedule(key, backoff(++f.attempts));
    warnOnce(`${key} storage`, `could not read the event outbox (${describe(error)})`);
  } finally {
    clearInterval(renewing);
    f.busy = false;
    f.inflight = undefined;
    if (f.again) {
      f.again = false;
      void flush(key);
    }
  }
}

interface Batch {
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
async function begin(
  key: string,
  d: Destination,
  candidates: OutboxRow[] | undefined,
  dropped?: number,
): Promise<{ wait: number } | { until: number; batch?: Batch }> {
  return storage().transact(['outbox', 'state'], async (tx) => {
    const memo = ((await tx.get('state', MEMO_KEY)) ?? {}) as DeliveryMemo;
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
    const max = d.durable ? (d.batch ?? 100) : Infinity;
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
async function renew(key: string): Promise<void> {
  const until = Date.now() + settings.lease;
  const renewed = await editMemo((memo) => {
    const lease = memo.lease?.[key];
    if (lease?.[0] !== TAB) return false;
    lease[1] = until;
    return true;
  }).catch(() => false);
  flow(key).lease = renewed ? until : 0;
}

interface Outcome {
  /** Rows `key` has now (acknowledged, or handed to the browser at pagehide): they leave `pending`. */
  acked: { id: string }[];
  state: DeliveryState;
  /** The batch whose answer came: no longer in flight. */
  batch?: string;
  /** The endpoint is up (null), or down with no retry before this time (ms; 0: none). */
  down?: number | null;
  /** Gives up this tab's lease. */
  release?: boolean;
}

/** Records what happened to `key`'s events, all in one transaction. */
async function record(key: string, outcome: Outcome): Promise<void> {
  const { acked, state, batch, down, release } = outcome;
  await storage().transact(['outbox', 'state'], async (tx) => {
    for (const { id } of acked) await settle(tx, id, without(key));
    // The memo is not essential: it is kept only while consent is granted.
    if (!granted()) return;
    const memo = ((await tx.get('state', MEMO_KEY)) ?? {}) as DeliveryMemo;
    if (batch !== undefined && memo.sending?.[key]?.batch === batch) delete memo.sending[key];
    if (down === null) delete memo.down?.[key];
    else if (down !== undefined) (memo.down ??= {})[key] = down;
    if (release && memo.lease?.[key]?.[0] === TAB) delete memo.lease[key];
    await tx.put('state', memo, MEMO_KEY);
  });
  for (const { id } of acked) {
    const row = known.get(id);
    if (row) row.pending = without(key)(row.pending);
  }
  if (acked.length) report(acked, state, key);
}

/** The page is going away: the flushing tab beacons what is left for its endpoints (see the file comment). */
function pagehide(): void {
  leaving = true;
  const done: Promise<void>[] = [];
  // Browsers let a page have 64 KiB of keepalive requests and beacons in flight (the Fetch standard's quota).
  let budget = 65_536;
  for (const f of flows.values()) budget -= f.inflight?.keepalive ?? 0;
  for (const [key, [d]] of destinations) {
    const f = flow(key);
    const leads = locks() ? !!f.lock : (f.lease ?? 0) > Date.now();
    if (!leads || !granted()) continue;
    const gone = new Set<string>();
    if (d.beacon && !f.down && navigator.onLine) {
      for (const id of f.inflight?.keepalive ? f.inflight.ids : []) gone.add(id);
      const limit = () => Math.min(BODY_LIMIT, budget);
      let rest = [...known.values()]
        .filter((row) => row.pending.includes(key) && !gone.has(row.id))
        .sort((a, b) => a.createdAt - b.createdAt);
      while (rest.length) {
        const { rows, body } = pack(rest, d.batch ?? 100, limit(), { batch: uniqueId() });
        const size = bytes(body);
        if (size > limit() || !d.beacon(body)) break;
        budget -= size;
        for (const row of rows) gone.add(row.id);
        rest = rest.slice(rows.length);
      }
    }
    if (gone.size) writeNote({ [key]: [...gone] });
    // A request in flight that is not counted as delivered may still reach the endpoint: the lease stays,
    // so that no other tab sends its events again before it runs out.
    const fateUnknown = f.inflight?.ids.some((id) => !gone.has(id));
    // Straight to IndexedDB too (this commits when the page lives on a little, or in the back/forward cache).
    done.push(
      record(key, {
        acked: [...gone].map((id) => ({ id })),
        state: 'sent',
        release: !fateUnknown,
      }).catch(() => undefined),
    );
  }
  void Promise.all(done).finally(() => destinations.forEach((_, key) => release(key)));
}

/**
 * Adds a destination (`<retain-forward>` does; so does `forward`). Declaring the same key twice makes
 * one destination that takes what either filter takes. Returns the function that removes it.
 */
export function addDestination(d: Destination): () => void {
  start();
  const list = destinations.get(d.key) ?? [];
  destinations.set(d.key, [...list, d]);
  if (!list.length) {
    lead(d.key);
    void activate();
  }
  offer(log, [d.key]);
  void flush(d.key);
  return () => {
    const left = (destinations.get(d.key) ?? []).filter((x) => x !== d);
    if (left.length) return void destinations.set(d.key, left);
    destinations.delete(d.key);
    release(d.key);
    clearTimeout(flows.get(d.key)?.timer);
    flows.delete(d.key);
  };
}

/** `retainkit.forward(fn)`: every kit event (those already emitted on this page first) to `fn`. */
export function forward(fn: Forwarder, options: ForwardOptions = {}): () => void {
  return addDestination(callback(`fn ${options.name ?? fnCount++}`, fn, parseEvents(options.events)));
}

/** `retainkit.consent(state)` (and, as `html`, `<retain-forward consent>`): see consent.ts. */
export function setConsent(state: ConsentState | undefined, source: 'js' | 'html' = 'js'): void {
  start();
  sayConsent(state, source);
}

/** Hears each event's delivery state per destination: queued (in the outbox), sent, acknowledged. */
export function onDeliveryState(listener: DeliveryListener): () => void {
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}

/** How many events the outbox holds, and how many its limits dropped on this device. */
export async function outboxStats(): Promise<{ queued: number; dropped: number }> {
  const [rows, memo] = await Promise.all([storage().getAll('outbox'), storage().get('state', MEMO_KEY)]);
  return { queued: rows.length, dropped: (memo as DeliveryMemo | undefined)?.dropped ?? 0 };
}

/** Stops everything and forgets this page's events and settings (tests; a page never needs it). */
export function stopDelivery(): void {
  for (const key of [...destinations.keys()]) {
    release(key);
    clearTimeout(flows.get(key)?.timer);
  }
  for (const stop of stops) stop();
  destinations.clear();
  flows.clear();
  known.clear();
  warned.clear();
  stateListeners.clear();
  log = [];
  stops = [];
  started = false;
  fnCount = 0;
  resetConsent();
  leaving = false;
  Object.assign(settings, defaults);
}
