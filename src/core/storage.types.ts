/** The shapes of the kit's IndexedDB database and of what storage() hands out, shared by storage.ts and device-consent.ts (which storage.ts wraps). */
import type { DBSchema } from 'idb';

/** A row of one object store. */
export type Row<S extends StoreName> = RetainSchema[S]['value'];

/** A counter row: one per (widget, instance or '*', counter name). */
export interface CounterRow {
  key: string;
  count: number;
  updated: number;
}

/** An order recorded on this device (never with personal data). */
export interface OrderRow {
  orderId: string;
  total: number;
  currency: string;
  recordedAt: number;
}

/** A forwarded event waiting for delivery (src/core/outbox.ts); retried per destination (src/core/delivery/backoff.ts). */
export interface OutboxRow {
  id: string;
  name: string;
  detail: Record<string, unknown>;
  cancelled?: boolean;
  createdAt: number;
  /** Destinations (by key) that have not yet acknowledged it; `['*']`: not yet assigned (queued by a widget). */
  pending: string[];
}

export interface RetainSchema extends DBSchema {
  /** Widget state by key (`<widget>/<instance>/<what>`): cooldowns, won codes, votes, snoozes. */
  state: { key: string; value: unknown };
  counters: { key: string; value: CounterRow };
  /** Added in version 2. */
  orders: { key: string; value: OrderRow };
  /** Added in version 2. */
  outbox: { key: string; value: OutboxRow; indexes: { createdAt: number } };
}

export type StoreName = 'state' | 'counters' | 'orders' | 'outbox';

/** What a transaction body may do. Only these calls may be awaited inside it. */
export interface TxStores {
  get<S extends StoreName>(store: S, key: string): Promise<Row<S> | undefined>;
  put<S extends StoreName>(store: S, value: Row<S>, key?: string): Promise<void>;
  delete(store: StoreName, key: string): Promise<void>;
}

export interface KitStorage {
  /** 'indexeddb' while the database works; 'memory' once the kit has degraded. */
  readonly mode: 'indexeddb' | 'memory';
  get<S extends StoreName>(store: S, key: string): Promise<Row<S> | undefined>;
  put<S extends StoreName>(store: S, value: Row<S>, key?: string): Promise<void>;
  delete(store: StoreName, key: string): Promise<void>;
  getAll<S extends StoreName>(store: S): Promise<Row<S>[]>;
  /**
   * Runs `body` in one read-write transaction over `stores`: atomic, also across tabs (IndexedDB runs
   * overlapping read-write transactions one at a time). `body` must await nothing but the calls it is
   * given. When `body` throws, nothing it wrote is kept, and the caller gets its error.
   */
  transact<T>(stores: StoreName[], body: (tx: TxStores) => Promise<T>): Promise<T>;
}

/** The field that keys each store's rows; none: the key is given with the row. */
export const keyPaths: Record<StoreName, string | undefined> = {
  state: undefined,
  counters: 'key',
  orders: 'orderId',
  outbox: 'id',
};
