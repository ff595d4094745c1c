/**
 * The delivery path: every kit event (`onKitEvent`) reaches each destination the store declared
 * (`<retain-forward>`, `retainkit.forward`) once, through a durable outbox for whatever cannot take it
 * at once. Loaded only on pages that forward (or that set consent). This file is its public entry and
 * its start; each job has a file in `delivery/`:
 *
 * - `queue.ts`: events in. Offered first to the ready in-page destinations; the rest into the outbox.
 * - `lease.ts`: which tab flushes a destination (its Web Lock, or without Web Locks its IndexedDB lease).
 * - `flush.ts`: sending batches under the lease and recording the answers.
 * - `backoff.ts`: where a failed event is retried, and when (Retry-After honoured across pages).
 * - `beacon.ts`: pagehide, when the flushing tab hands what is left to `navigator.sendBeacon`.
 * - `beacon-note.ts`: the note of what the beacons carried (kept by the other tabs too), which the next flush applies.
 * - `limits.ts`: the outbox's `maxEvents`/`maxAge` and a body's size.
 * - `defaults.ts`: every default, once. `contract.ts`: what a destination is; `destinations.ts`: the
 *   built-in ones (`<retain-forward>` loads them). `state.ts`: what these files share on the page.
 * - Consent (`consent.ts`): pending holds events in memory only; denied forwards nothing, empties the
 *   outbox and stores nothing.
 */
import { onBroadcast } from './broadcast.js';
import { warn } from './config.js';
import { consent, onConsent, resetConsent, setConsent as sayConsent, type ConsentState } from './consent.js';
import { onKitEvent } from './events.js';
import { MEMO_KEY, type DeliveryMemo } from './outbox.js';
import { storage } from './storage.js';
import { pagehide } from './delivery/beacon.js';
import { keepOthersNotes } from './delivery/beacon-note.js';
import {
  callback,
  parseEvents,
  type DeliveryListener,
  type Destination,
  type ForwardOptions,
  type Forwarder,
} from './delivery/contract.js';
import { ACTIVE_MS, resetSettings, settings } from './delivery/defaults.js';
import { flush, schedule } from './delivery/flush.js';
import { lead as leadWith, locks, onAskHolder, onHolderAnswer, release } from './delivery/lease.js';
import { forgetLog, offerLog, purge, take, takeEarlier } from './delivery/queue.js';
import { destinations, editMemo, flow, flows, granted, known, page, stateListeners, warned } from './delivery/state.js';

export type { ConsentState } from './consent.js';
export * from './delivery/contract.js';
export { backoff } from './delivery/backoff.js';
export { settings } from './delivery/defaults.js';
export { BODY_LIMIT, bytes, pack } from './delivery/limits.js';

let stops: (() => void)[] = [];
let started = false;
let fnCount = 0;

const lead = (key: string) => leadWith(key, () => void flush(key));

function start(): void {
  if (started) return;
  started = true;
  const hide = () => pagehide();
  const show = (event: PageTransitionEvent) => {
    if (!event.persisted) return;
    page.leaving = false;
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
  // The events emitted before delivery started, then every later one (a row of an earlier one may have been claimed: queue.ts).
  onKitEvent(takeEarlier, { replay: true })();
  // Without Web Locks, nothing tells a tab that the lease holder is gone: look now and then.
  const lease = locks() ? undefined : setInterval(() => destinations.forEach((_, key) => void flush(key)), settings.lease / 2);
  stops = [
    onConsent(consentChanged),
    onBroadcast('lease', onAskHolder),
    onBroadcast('lease-held', onHolderAnswer),
    keepOthersNotes(),
    onBroadcast('outbox', (message) => {
      for (const key of message.keys as string[]) if (destinations.has(key)) schedule(key, destinations.get(key)![0].wait ?? 0);
    }),
    onKitEvent(take),
    () => {
      removeEventListener('pagehide', hide);
      removeEventListener('pageshow', show);
      removeEventListener('online', online);
      clearInterval(lease);
    },
  ];
  // Consent already denied when delivery starts is no change to hear: what an earlier page stored goes now.
  if (consent() === 'denied') consentChanged('denied');
  else if (granted()) void activate();
}

/** The memo's write that `activate` has under way. */
let activating: Promise<unknown> | undefined;

/**
 * Lets widgets queue rows in their own transactions for the next week (see outbox.ts). Calls while a write is
 * under way share it: a page's `<retain-forward>`s each add a destination as they start, and one write marks them all.
 */
function activate(): Promise<unknown> {
  if (!destinations.size) return Promise.resolve();
  if (!activating) {
    const write: Promise<unknown> = editMemo((memo) => (memo.active = Date.now() + ACTIVE_MS))
      .catch(() => undefined)
      .finally(() => activating === write && (activating = undefined));
    activating = write;
  }
  return activating;
}

function consentChanged(state: ConsentState): void {
  if (state === 'granted') {
    void activate();
    offerLog([...destinations.keys()]);
    for (const key of destinations.keys()) void flush(key);
  } else if (state === 'denied') {
    // The purge deletes the memo: a grant after it marks it again, whatever write was under way.
    activating = undefined;
    forgetLog();
    known.clear();
    void purge();
  }
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
  offerLog([d.key]);
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
  let key = `fn ${options.name ?? fnCount++}`;
  // Two functions under one name would be one destination, the second never called: it gets a name of its own.
  if (destinations.has(key)) {
    key = `fn ${options.name} ${fnCount++}`;
    warn(
      `retainkit.forward(): the name "${options.name}" is taken by another function; this one forwards as "${key.slice(3)}" (give each its own name)`,
    );
  }
  return addDestination(callback(key, fn, parseEvents(options.events)));
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
  forgetLog();
  stops = [];
  activating = undefined;
  started = false;
  fnCount = 0;
  resetConsent();
  page.leaving = false;
  resetSettings();
}
