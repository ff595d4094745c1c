/**
 * The kit's one IndexedDB database, opened lazily, with an in-memory store of the same shape behind it.
 *
 * Everything the kit remembers goes through `storage()`. Storage never stops a widget: when IndexedDB is
 * missing, throws, hangs, is blocked by an older tab or loses its connection, the kit carries on in memory
 * and says so once in the console.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

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

/** A forwarded event waiting for delivery. */
export interface OutboxRow {
  id: string;
  name: string;
  detail: Record<string, unknown>;
  createdAt: number;
  /** Destinations (by key) that have not yet acknowledged it. */
  pending: string[];
  attempts: number;
  nextAttemptAt: number;
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
type Row<S extends StoreName> = RetainSchema[S]['value'];

export const DB_VERSION = 2;
export const DEFAULT_DB_NAME = 'retainkit';
const OPEN_TIMEOUT_MS = 2000;

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
   * overlapping read-write transactions one at a time). `body` must await nothing but the calls it is given.
   */
  transact<T>(stores: StoreName[], body: (tx: TxStores) => Promise<T>): Promise<T>;
}

const keyPaths: Record<StoreName, string | undefined> = {
  state: undefined,
  counters: 'key',
  orders: 'orderId',
  outbox: 'id',
};

/** Migrations, by the version they lead to. Each runs once, in order, inside the upgrade transaction. */
function upgradeSchema(db: IDBPDatabase<RetainSchema>, oldVersion: number): void {
  if (oldVersion < 1) {
    db.createObjectStore('state');
    db.createObjectStore('counters', { keyPath: 'key' });
  }
  if (oldVersion < 2) {
    db.createObjectStore('orders', { keyPath: 'orderId' });
    db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
  }
}

/** The same interface over Maps, for when IndexedDB cannot be used. Transactions run one at a time. */
export class MemoryStorage implements KitStorage {
  readonly mode = 'memory' as const;
  private readonly stores = new Map<StoreName, Map<string, unknown>>();
  private queue: Promise<unknown> = Promise.resolve();

  private map(store: StoreName): Map<string, unknown> {
    let map = this.stores.get(store);
    if (!map) this.stores.set(store, (map = new Map()));
    return map;
  }

  private keyOf(store: StoreName, value: unknown, key?: string): string {
    const path = keyPaths[store];
    const found = path ? (value as Record<string, unknown>)[path] : key;
    if (typeof found !== 'string') throw new TypeError(`retainkit: no key for a row of "${store}"`);
    return found;
  }

  async get<S extends StoreName>(store: S, key: string): Promise<Row<S> | undefined> {
    return structuredClone(this.map(store).get(key)) as Row<S> | undefined;
  }

  async put<S extends StoreName>(store: S, value: Row<S>, key?: string): Promise<void> {
    this.map(store).set(this.keyOf(store, value, key), structuredClone(value));
  }

  async delete(store: StoreName, key: string): Promise<void> {
    this.map(store).delete(key);
  }

  async getAll<S extends StoreName>(store: S): Promise<Row<S>[]> {
    const keys = [...this.map(store).keys()].sort();
    return keys.map((key) => structuredClone(this.map(store).get(key)) as Row<S>);
  }

  transact<T>(_stores: StoreName[], body: (tx: TxStores) => Promise<T>): Promise<T> {
    const run = this.queue.then(() => body(this));
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** IndexedDB through idb, reopening once when the connection is lost, then degrading to memory. */
class IndexedDbStorage implements KitStorage {
  private db: Promise<IDBPDatabase<RetainSchema>> | undefined;
  private fallback: MemoryStorage | undefined;

  constructor(
    private readonly name: string,
    private readonly openTimeoutMs: number,
  ) {}

  get mode(): 'indexeddb' | 'memory' {
    return this.fallback ? 'memory' : 'indexeddb';
  }

  private open(): Promise<IDBPDatabase<RetainSchema>> {
    this.db ??= openWithTimeout(this.name, this.openTimeoutMs, () => {
      // The browser closed the connection (storage cleared, disk error): open afresh on next use.
      this.db = undefined;
    });
    return this.db;
  }

  /** Runs `op` against the database; on failure reopens and retries once, then degrades for good. */
  private async run<T>(op: (db: IDBPDatabase<RetainSchema>) => Promise<T>, inMemory: (m: MemoryStorage) => Promise<T>): Promise<T> {
    if (this.fallback) return inMemory(this.fallback);
    try {
      return await op(await this.open());
    } catch (first) {
      if (!isConnectionError(first)) throw first;
      this.db = undefined;
      try {
        return await op(await this.open());
      } catch (second) {
        if (!isConnectionError(second)) throw second;
        this.degrade(second);
        return inMemory(this.fallback!);
      }
    }
  }

  private degrade(reason: unknown): void {
    if (this.fallback) return;
    this.fallback = new MemoryStorage();
    this.db = undefined;
    warnDegraded(reason);
  }

  get<S extends StoreName>(store: S, key: string): Promise<Row<S> | undefined> {
    return this.run(
      (db) => db.get(store, key) as Promise<Row<S> | undefined>,
      (m) => m.get(store, key),
    );
  }

  put<S extends StoreName>(store: S, value: Row<S>, key?: string): Promise<void> {
    return this.run(
      async (db) => {
        await db.put(store, value as never, keyPaths[store] ? undefined : key);
      },
      (m) => m.put(store, value, key),
    );
  }

  delete(store: StoreName, key: string): Promise<void> {
    return this.run(
      (db) => db.delete(store, key),
      (m) => m.delete(store, key),
    );
  }

  getAll<S extends StoreName>(store: S): Promise<Row<S>[]> {
    return this.run(
      (db) => db.getAll(store) as Promise<Row<S>[]>,
      (m) => m.getAll(store),
    );
  }

  transact<T>(stores: StoreName[], body: (tx: TxStores) => Promise<T>): Promise<T> {
    return this.run(
      async (db) => {
        const tx = db.transaction(stores, 'readwrite');
        const view: TxStores = {
          get: (store, key) => tx.objectStore(store).get(key) as never,
          put: async (store, value, key) => {
            await tx.objectStore(store).put(value as never, keyPaths[store] ? undefined : key);
          },
          delete: (store, key) => tx.objectStore(store).delete(key),
        };
        try {
          const result = await body(view);
          await tx.done;
          return result;
        } catch (error) {
          try {
            tx.abort();
          } catch {
            // already finished or aborted
          }
          await tx.done.catch(() => undefined);
          throw error;
        }
      },
      (m) => m.transact(stores, body),
    );
  }
}

/** Opening failed: missing, throwing, hanging or blocked IndexedDB. */
class OpenFailed extends Error {}

/**
 * Errors of the connection (closed, lost, unusable), as opposed to errors of what was written or of the
 * caller's own code, which reopening would not cure and which the caller should see.
 */
function isConnectionError(error: unknown): boolean {
  if (error instanceof OpenFailed) return true;
  return (
    error instanceof DOMException &&
    ['InvalidStateError', 'UnknownError', 'AbortError', 'NotFoundError', 'VersionError', 'TransactionInactiveError'].includes(error.name)
  );
}

function openWithTimeout(name: string, timeoutMs: number, onTerminated: () => void): Promise<IDBPDatabase<RetainSchema>> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined' || !indexedDB) {
      reject(new OpenFailed('IndexedDB is not available'));
      return;
    }
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      reject(new OpenFailed(`opening IndexedDB took longer than ${timeoutMs} ms`));
    }, timeoutMs);
    let opening: Promise<IDBPDatabase<RetainSchema>>;
    try {
      opening = openDB<RetainSchema>(name, DB_VERSION, {
        upgrade: (db, oldVersion) => upgradeSchema(db, oldVersion),
        blocked: () => {
          // An older tab holds the previous version open; it is asked to close (see `blocking`).
        },
        blocking: (_current, _next, event) => {
          // A newer tab wants to upgrade: step aside, and reopen at the new version on next use.
          (event.target as IDBDatabase).close();
          onTerminated();
        },
        terminated: onTerminated,
      });
    } catch (error) {
      clearTimeout(timer);
      reject(new OpenFailed(describe(error)));
      return;
    }
    opening.then(
      (db) => {
        clearTimeout(timer);
        if (settled) db.close();
        else resolve(db);
      },
      (error: unknown) => {
        clearTimeout(timer);
        if (!settled) reject(new OpenFailed(describe(error)));
      },
    );
  });
}

let warned = false;
function warnDegraded(reason: unknown): void {
  if (warned) return;
  warned = true;
  console.warn(`retainkit: IndexedDB is unavailable (${describe(reason)}); keeping state in memory for this page only.`);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

let current: KitStorage | undefined;

/** The kit's storage, opened on first use. */
export function storage(): KitStorage {
  current ??= new IndexedDbStorage(DEFAULT_DB_NAME, OPEN_TIMEOUT_MS);
  return current;
}

/**
 * Points the kit at another database (tests use a fresh one each; a store can isolate kits on one
 * origin). Also resets the one-time degradation warning.
 */
export function useDatabase(name: string, options: { openTimeoutMs?: number } = {}): KitStorage {
  warned = false;
  current = new IndexedDbStorage(name, options.openTimeoutMs ?? OPEN_TIMEOUT_MS);
  return current;
}
