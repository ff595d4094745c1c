/** Helpers of the delivery tests: the test endpoint's sinks, events to emit, the kit inside another tab. */
import { emit, makeDetail, RetainEvent, type RetainDetail } from '../../src/core/events.js';
import { settings, stopDelivery } from '../../src/core/delivery.js';
import { watchConsole, type ConsoleWatch } from '../support/console-guard.js';
import { deleteDatabases, freshDatabase } from '../support/database.js';
import type { Tab } from '../support/tabs.js';

/**
 * The set-up the in-page delivery tests share, registered as hooks of the calling `describe`: a fresh
 * database, a console guard, quick retries; afterwards delivery stopped, the named page globals
 * (`dataLayer`, `gtag`…) removed and the database deleted. Returns the console guard of the running test.
 */
export function useDeliveryTest(pageGlobals: string[] = []): ConsoleWatch {
  let current: ConsoleWatch;
  beforeEach(() => {
    freshDatabase();
    current = watchConsole();
    settings.retryBase = 50;
  });
  afterEach(async () => {
    stopDelivery();
    for (const name of pageGlobals) delete (window as unknown as Record<string, unknown>)[name];
    current.stop();
    await deleteDatabases();
  });
  return { take: (level) => current.take(level), stop: () => current.stop() };
}

export interface SinkState {
  received: { id: string; name: string; cancelled: boolean; detail: Record<string, unknown> }[];
  /** Each request: its body's size and type, the answer's status, when, its batch id and its events' ids. */
  requests: { bytes: number; type: string; status: number; at: number; batch?: string; ids: string[] }[];
}

let sinks = 0;

/** A fresh sink of the test endpoint (test/support/events.endpoint.mjs); returns its URL path. */
export function newSink(): string {
  return `/test-api/events/s${Date.now().toString(36)}${++sinks}${Math.random().toString(36).slice(2, 6)}`;
}

export async function setSink(
  url: string,
  state: { status?: number; fail?: number; failStatus?: number; retryAfter?: number; delay?: number; delayed?: number },
): Promise<void> {
  await fetch(`${url}/state`, { method: 'POST', body: JSON.stringify(state) });
}

export async function readSink(url: string): Promise<SinkState> {
  return (await fetch(url)).json();
}

/** Polls `check` (server state, another tab's IndexedDB…) until it returns a truthy value. */
export async function until<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 15_000,
): Promise<Exclude<T, false | null | undefined | 0 | ''>> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value as Exclude<T, false | null | undefined | 0 | ''>;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Emits a kit event as a widget would (through `emit`, so it takes the delivery path). */
export function emitEvent(name: `retain-${string}`, fields: Record<string, unknown> = {}, personal?: string[]): RetainDetail {
  const detail = makeDetail<RetainDetail & Record<string, unknown>>('test-widget', 'one', fields);
  emit(document.body, new RetainEvent(name, detail, { personal }));
  return detail;
}

type Delivery = typeof import('../../src/core/delivery.js');
type Destinations = typeof import('../../src/core/delivery/destinations.js');
type Events = typeof import('../../src/core/events.js');

/** The kit's delivery modules inside another tab, and a way to emit there. */
export interface TabKit {
  delivery: Delivery;
  destinations: Destinations;
  emit(name: `retain-${string}`, fields?: Record<string, unknown>): string;
  /** Adds a `<retain-forward>` with these attributes to the tab's page. */
  declare(attributes: Record<string, string>): HTMLElement;
}

export async function loadKit(tab: Tab): Promise<TabKit> {
  const delivery = await tab.load<Delivery>('/src/core/delivery.ts');
  const destinations = await tab.load<Destinations>('/src/core/delivery/destinations.ts');
  const events = await tab.load<Events>('/src/core/events.ts');
  await tab.load('/src/forward/forward.ts');
  return {
    delivery,
    destinations,
    emit(name, fields = {}) {
      const detail = events.makeDetail<RetainDetail & Record<string, unknown>>('test-widget', 'tab', fields);
      events.emit(tab.window.document.body, new events.RetainEvent(name, detail));
      return detail.id;
    },
    declare(attributes) {
      const el = tab.window.document.createElement('retain-forward');
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      tab.window.document.body.append(el);
      return el;
    },
  };
}

/**
 * Makes `tab`'s localStorage writes reach other tabs only when `deliver()` is called (the tab itself sees
 * them at once), as tabs in separate processes may see each other's writes late. A page that has gone
 * keeps its held writes: they land at `deliver()`.
 */
export function delayLocalStorage(tab: Tab): { deliver(): void } {
  const real = tab.window.localStorage;
  const held = new Map<string, string | null>();
  const delayed: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = {
    getItem: (key) => (held.has(key) ? held.get(key)! : real.getItem(key)),
    setItem: (key, value) => void held.set(key, String(value)),
    removeItem: (key) => void held.set(key, null),
  };
  Object.defineProperty(tab.window, 'localStorage', { value: delayed, configurable: true });
  return {
    deliver() {
      for (const [key, value] of held) value === null ? localStorage.removeItem(key) : localStorage.setItem(key, value);
      held.clear();
    },
  };
}

/** A read-write transaction the test holds open on a store, so that other tabs' transactions on it wait. */
export interface Blocker {
  /** Starts holding `store` at once (synchronously). */
  hold(store: string): void;
  /** Reads a value of the held store, inside the held transaction. */
  read(key: string): Promise<unknown>;
  /** Lets the transaction end; resolves when it has. */
  release(): Promise<void>;
}

export async function openBlocker(databaseName: string): Promise<Blocker> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(databaseName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  let holding = false;
  let done: Promise<void> = Promise.resolve();
  /** Reads asked for; made from inside the transaction's callbacks, the only place it is active. */
  const reads: { key: string; resolve: (value: unknown) => void }[] = [];
  return {
    hold(store) {
      holding = true;
      const tx = db.transaction([store], 'readwrite');
      const objects = tx.objectStore(store);
      // A transaction stays open while it has requests: keep asking until released.
      const ask = () => {
        for (const { key, resolve } of reads.splice(0)) {
          const request = objects.get(key);
          request.onsuccess = () => resolve(request.result);
        }
        if (holding) objects.get('blocker').onsuccess = ask;
      };
      ask();
      done = new Promise((resolve) => (tx.oncomplete = tx.onabort = () => resolve()));
    },
    read: (key) => new Promise((resolve) => reads.push({ key, resolve })),
    async release() {
      holding = false;
      await done;
      db.close();
    },
  };
}
