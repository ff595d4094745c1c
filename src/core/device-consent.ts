/**
 * Consent on the device: what the kit may write to IndexedDB (and web storage) under each consent state
 * (`consent.ts`). The rule is decided here once, per store and key, and applied by a layer in front of
 * the kit's storage, so no widget checks consent itself.
 *
 * - Strictly necessary for what the shopper asked, written under every state: the shopper's own state
 *   (a won code and its cooldown, the pool codes handed out, helpful votes, a "no thanks" snooze, the
 *   account prompt's "shown for this order", which keeps it from asking again), and the note in
 *   localStorage that a next-order code is held (held-note.ts), so that its reminder loads.
 * - Not necessary, written only under `granted`: engagement counters, recorded orders, the event outbox
 *   and delivery's bookkeeping, page views, the per-visit memories and the recently viewed products
 *   (`PAGE_AND_VISIT_KEYS`).
 *
 * Under `pending` or `denied` those writes go to memory, for this page (delivery's bookkeeping is
 * dropped): the widgets read their own writes back and keep working. When consent turns `granted`, what
 * the page holds is written (counters add the page's increments to what is stored; an order or an
 * outbox row already stored stays); under `denied` the page's held outbox rows are dropped, as delivery
 * drops its events. Reading and deleting are never held back.
 */
import { consent, onConsent, type ConsentState } from './consent.js';
import type { CounterRow, KitStorage, StoreName, TxStores } from './storage.types.js';
import { warn } from './config.js';

/** Keys of the `state` store that remember visits rather than anything the shopper asked for. */
const PAGE_AND_VISIT_KEYS = [
  /^triggers\/page-views$/, // page views per session and ever (triggers.ts)
  /^review-showcase\/.+\/visit$/, // "new since your last visit" (review-votes.ts)
  /^loyalty-badge\/.+\/seen$/, // what the badge showed last visit (loyalty-badge.ts)
  /^recently-viewed\/views$/, // the products the shopper viewed (recently-viewed/viewed.ts)
];
/**
 * Forwarding's bookkeeping (leases, retry times; outbox.ts): not necessary either, and not even held,
 * since delivery keeps it only while consent is granted and a page's stale copy must not overwrite it.
 */
const DELIVERY_KEYS = /^delivery\//;

/** Where the kit writes: an IndexedDB store, or `session` (the page-views session id in sessionStorage). */
export type Place = StoreName | 'session';

/** Whether a write to `place` / `key` is strictly necessary for what the shopper asked. */
export function isStrictlyNecessary(place: Place, key: string): boolean {
  if (place === 'state') return !DELIVERY_KEYS.test(key) && !PAGE_AND_VISIT_KEYS.some((pattern) => pattern.test(key));
  return false;
}

/** Whether the kit may write to `place` / `key` now. */
export function mayWrite(place: Place, key: string): boolean {
  return consent() === 'granted' || isStrictlyNecessary(place, key);
}

/** Rows held in memory, by store and key, each with the stored row it was counted from. */
type Held = Map<StoreName, Map<string, { value: unknown; base: unknown }>>;

/** How a held row meets the stored one when consent is granted. */
function merge(store: StoreName, stored: unknown, held: unknown, base: unknown): unknown {
  if (store === 'counters') {
    // The page counted from `base`; other tabs may have counted since: add only this page's increments.
    const row = held as CounterRow;
    return { ...row, count: ((stored as CounterRow | undefined)?.count ?? 0) + row.count - ((base as CounterRow | undefined)?.count ?? 0) };
  }
  // An order or an outbox row is recorded once: the stored one stays. Page views and visits: the page's own.
  return store === 'state' ? held : (stored ?? held);
}

/** Layers in use (one per database in use; tests switch databases), told of every consent change. */
const layers = new Set<{ consentChanged(state: ConsentState): void }>();
// Subscribed when this module loads, before delivery (which imports storage) can subscribe: on a grant,
// the held outbox rows are written in a transaction opened before delivery looks for them.
// (Not without a DOM: a server imports the package's entries and stores nothing.)
if (typeof document !== 'undefined') {
  onConsent((state) => {
    for (const layer of layers) layer.consentChanged(state);
  });
}

/**
 * The kit's storage with the consent rule in front (see the file comment). `keyPaths` names the field
 * that keys each store's rows (none: the key is given with the row). `dispose` stops it (another
 * database is taken into use).
 */
export function withDeviceConsent(inner: KitStorage, keyPaths: Record<StoreName, string | undefined>): KitStorage & { dispose(): void } {
  const held: Held = new Map();
  /** The last row read from `inner` per store and key: a counter's base when it is first held. */
  const read = new Map<string, unknown>();
  const keyOf = (store: StoreName, value: unknown, key?: string) =>
    String(keyPaths[store] ? (value as Record<string, unknown>)[keyPaths[store]!] : key);
  const find = (maps: Held[], store: StoreName, key: string) => maps.map((map) => map.get(store)?.get(key)).find(Boolean);

  /** A view that reads through `maps` (newest first) and holds writes that may not be stored in `maps[0]`. */
  function view(maps: Held[], stores: TxStores): TxStores {
    return {
      get(store, key) {
        const row = find(maps, store, key);
        if (row) return Promise.resolve(structuredClone(row.value) as never);
        return stores.get(store, key).then((value) => {
          if (!isStrictlyNecessary(store, key)) read.set(`${store}\u0000${key}`, value);
          return value;
        });
      },
      put(store, value, key) {
        const k = keyOf(store, value, key);
        if (mayWrite(store, k)) return stores.put(store, value, key);
        if (store === 'state' && DELIVERY_KEYS.test(k)) return Promise.resolve();
        const rows = maps[0].get(store) ?? (maps[0].set(store, new Map()), maps[0].get(store)!);
        rows.set(k, { value: structuredClone(value), base: find(maps, store, k)?.base ?? read.get(`${store}\u0000${k}`) });
        return Promise.resolve();
      },
      delete(store, key) {
        // Deleting is never held back; a held row goes at once (also if the transaction then fails).
        for (const map of maps) map.get(store)?.delete(key);
        return stores.delete(store, key);
      },
    };
  }

  const direct = view([held], inner);

  /** Consent granted: writes what the page holds, in one transaction. */
  async function writeHeld(): Promise<void> {
    const rows = [...held].flatMap(([store, map]) => [...map].map(([key, row]) => ({ store, key, ...row })));
    held.clear();
    read.clear();
    if (!rows.length) return;
    try {
      await inner.transact([...new Set(rows.map((row) => row.store))], async (tx) => {
        for (const { store, key, value, base } of rows)
          await tx.put(store, merge(store, await tx.get(store, key), value, base) as never, key);
      });
    } catch (error) {
      warn('could not store what this page held until consent', error);
    }
  }

  const layer = {
    consentChanged(state: ConsentState) {
      if (state === 'granted') void writeHeld();
      // Events from a denied period are never sent later (delivery/queue.ts).
      else if (state === 'denied') held.delete('outbox');
    },
  };
  layers.add(layer);

  return {
    get mode() {
      return inner.mode;
    },
    get: direct.get,
    put: direct.put,
    delete: direct.delete,
    async getAll(store) {
      const rows = await inner.getAll(store);
      const mine = held.get(store);
      if (!mine?.size) return rows;
      // The page's rows replace the stored ones of the same key (`state` rows carry no key: added).
      const kept = keyPaths[store] ? rows.filter((row) => !mine.has(keyOf(store, row))) : rows;
      return [...kept, ...[...mine.values()].map((row) => structuredClone(row.value))] as typeof rows;
    },
    async transact(stores, body) {
      // What the body holds counts only if its transaction commits (a body may also run twice: a retry).
      let staged: Held = new Map();
      const result = await inner.transact(stores, (tx) => {
        staged = new Map();
        return body(view([staged, held], tx));
      });
      for (const [store, rows] of staged)
        for (const [key, row] of rows) (held.get(store) ?? (held.set(store, new Map()), held.get(store)!)).set(key, row);
      return result;
    },
    dispose() {
      layers.delete(layer);
      held.clear();
      read.clear();
    },
  };
}
