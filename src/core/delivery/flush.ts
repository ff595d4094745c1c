/**
 * Sending the outbox: the tab that leads a destination (lease.ts) reads what is owed to it, sends one
 * batch at a time under its lease and records the answer; a destination leaves a row only when it
 * acknowledged it, and the row is deleted when no destination is owed it. Failures wait (backoff.ts).
 */
import { broadcast } from '../broadcast.js';
import { MEMO_KEY, UNASSIGNED, type DeliveryMemo } from '../outbox.js';
import { storage, type OutboxRow } from '../storage.js';
import { backoff } from './backoff.js';
import { readNote, writeNote } from './beacon-note.js';
import { describe, NoAnswer, SendError, type DeliveryState } from './contract.js';
import { BATCH, CLAIM_MS, LOOK_AGAIN_MS, settings } from './defaults.js';
import { askHolder, begin, locks, renew } from './lease.js';
import { BODY_LIMIT, bytes, overLimits, warnDropped } from './limits.js';
import {
  CLAIMS_KEY,
  destinations,
  flow,
  granted,
  known,
  owedTo,
  page,
  readMemo,
  report,
  settle,
  TAB,
  warnOnce,
  without,
  type Claims,
} from './state.js';

/** Sends one batch to `key` if this tab flushes it; goes on until the outbox owes it nothing or it fails. */
export async function flush(key: string): Promise<void> {
  const f = flow(key);
  const d = destinations.get(key)?.[0];
  if (!d || !granted() || page.leaving || (locks() && !f.lock)) return;
  if (f.busy) {
    f.again = true;
    return;
  }
  f.busy = true;
  let renewing: ReturnType<typeof setInterval> | undefined;
  try {
    const { rows: all, memo } = await load(key);
    const rows = all.filter((row) => row.pending.includes(key));
    if (!rows.length) return;
    // Down as the memo says: any tab's success clears it there.
    const down = memo.down?.[key];
    f.down = down !== undefined;
    // Whether to wait: for a retry, for a destination not there yet (a dataLayer the page creates later:
    // look again now and then), or to gather (a batch goes when its oldest event has waited `wait`, or when
    // it is full).
    const retry = Math.max(f.retryAt, down ?? 0) - Date.now();
    const gather = (d.wait ?? 0) - (Date.now() - rows[0].createdAt);
    let later: number | undefined;
    if (retry > 0) later = retry;
    else if (!d.ready()) later = Math.min(LOOK_AGAIN_MS, backoff(++f.attempts));
    else if (gather > 0 && rows.length < (d.batch ?? BATCH)) later = gather;
    // The lease is taken even to wait: it says which tab beacons at pagehide.
    const begun = await begin(key, d, later === undefined ? rows : undefined, memo.dropped);
    // Another tab holds the lease: look again when it runs out (asking it to renew while its request is out).
    if ('wait' in begun) {
      if (begun.holder) askHolder(key, begun.holder);
      return schedule(key, begun.wait);
    }
    f.lease = begun.until;
    if (later !== undefined) return schedule(key, later);
    const batch = begun.batch;
    // The page went away meanwhile: its beacons carried these rows, or the next holder sends them.
    if (!batch || page.leaving) return;
    const size = bytes(batch.body);
    f.inflight = { ids: batch.rows.map((row) => row.id), keepalive: size <= BODY_LIMIT ? size : 0 };
    report(batch.rows, 'sent', key);
    renewing = setInterval(() => void renew(key), settings.lease / 4);
    // Renewed until the answer is recorded (in `finally`): the batch is in flight until then.
    try {
      await d.send(batch.rows, batch.body);
      // Delivered: should the page go before the record lands, pagehide notes them all the same (beacon.ts).
      f.inflight.done = f.inflight.ids;
      await record(key, { acked: batch.rows, state: 'acknowledged', batch: batch.id, down: null });
      f.attempts = 0;
      f.retryAt = 0;
      f.down = false;
      // More may be owed (newer rows, or a batch taken over before them): the next round finds out.
      f.again = true;
    } catch (error) {
      // Retried after the endpoint's Retry-After, else the next backoff.
      const failure = error instanceof SendError ? error : new SendError(String(error), true);
      f.retryAt = Date.now() + (failure.retryAfter ?? backoff(++f.attempts));
      // With no answer the request may have arrived all the same: Chromium fails a keepalive request as its page
      // closes, and the browser carries it on. Until that failure is recorded, pagehide counts the request as still
      // in flight (beacon.ts), as it would a moment earlier; a failure the endpoint answered counts at once.
      if (!(failure instanceof NoAnswer)) f.down = true;
      const done = batch.rows.slice(0, failure.done);
      await record(key, { acked: done, state: 'acknowledged', batch: batch.id, down: failure.retryAfter ? f.retryAt : 0 });
      f.down = true;
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

/** Flushes `key` in `ms`, unless a flush is already due sooner. */
export function schedule(key: string, ms: number): void {
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
export async function record(key: string, outcome: Outcome): Promise<void> {
  const { acked, state, batch, down, release } = outcome;
  await storage().transact(['outbox', 'state'], async (tx) => {
    for (const { id } of acked) await settle(tx, id, without(key));
    // The memo is not essential: it is kept only while consent is granted.
    if (!granted()) return;
    const memo = await readMemo(tx);
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

/**
 * The outbox, oldest first, after applying beacon notes and the limits, and claiming old unassigned rows (for
 * this tab's destinations; those other than `key`, flushed next).
 */
async function load(key: string): Promise<{ rows: OutboxRow[]; memo: DeliveryMemo }> {
  const note = Object.entries(readNote());
  const all = (await storage().getAll('outbox')).sort((a, b) => a.createdAt - b.createdAt);
  for (const [key, ids] of note) for (const row of all) if (ids.includes(row.id)) row.pending = without(key)(row.pending);
  const now = Date.now();
  const { keep: rows, drop } = overLimits(all, now);
  const claim = rows.filter((row) => row.pending.includes(UNASSIGNED) && row.createdAt < now - CLAIM_MS);
  let claimed: Claims = {};
  const memo =
    drop.length || claim.length || note.length
      ? await storage().transact(['outbox', 'state'], async (tx) => {
          claimed = {};
          const memo = await readMemo(tx);
          for (const [key, ids] of note) for (const id of ids) await settle(tx, id, without(key));
          let dropped = 0;
          for (const row of drop) if (await settle(tx, row.id, () => [])) dropped++;
          for (const row of claim) {
            if ((await tx.get('outbox', row.id))?.pending.includes(UNASSIGNED)) {
              await settle(tx, row.id, () => [...destinations.keys()].filter((key) => owedTo(key, row.name)), row);
              claimed[row.id] = [row.createdAt, row.pending];
            }
          }
          // The tab that queued a claimed row may start forwarding later and replay its event: the note of the
          // destinations claimed for it keeps that tab from sending it to them again (queue.ts). Kept as long as a row.
          if (Object.keys(claimed).length) {
            const notes = Object.entries(((await tx.get('state', CLAIMS_KEY)) ?? {}) as Claims).filter(
              ([, [at]]) => at >= now - settings.maxAge,
            );
            await tx.put('state', { ...Object.fromEntries(notes), ...claimed }, CLAIMS_KEY);
          }
          if (dropped) {
            memo.dropped = (memo.dropped ?? 0) + dropped;
            await tx.put('state', memo, MEMO_KEY);
            warnDropped(dropped, memo.dropped);
          }
          return memo;
        })
      : (((await storage().get('state', MEMO_KEY)) ?? {}) as DeliveryMemo);
  if (note.length) writeNote(Object.fromEntries(note), true);
  // The flush of another destination (here, or in the tab that leads it) may have read the rows before this claim.
  const others = [...new Set(Object.values(claimed).flatMap(([, keys]) => keys.filter((k) => k !== key)))];
  for (const k of others) schedule(k, destinations.get(k)?.[0].wait ?? 0);
  if (others.length) broadcast({ topic: 'outbox', keys: others });
  known.clear();
  for (const row of rows) if (row.pending.length) known.set(row.id, row);
  return { rows: rows.filter((row) => row.pending.length), memo };
}
