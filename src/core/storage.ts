/**
 * The kit's one IndexedDB database, opened lazily, with an in-memory store of the same shape behind it
 * (memory-storage.ts, loaded only when IndexedDB fails: most pages never fetch it).
 *
 * Everything the kit remembers goes through `storage()`. Storage never stops a widget: when IndexedDB is
 * missing, throws, hangs, is blocked by an older tab, is full or loses its connection for good, the kit
 * carries on in memory and says so once in the console.
 *
 * Rules kept here (idb-keyval's habits): every operation is one transaction whose `tx.done` is awaited;
 * nothing but IndexedDB requests is awaited inside a transaction.
 */
import { openDB, unwrap, type IDBPDatabase } from 'idb';
import { setChannelScope } from './broadcast.js';
import { withDeviceConsent } from './device-consent.js';
import { warn } from './config.js';
import type { MemoryStorage } from './memory-storage.js';
import { DATABASE } from './page-view-note.js';
import {
  keyPaths,
  type CounterRow,
  type OrderRow,
  type OutboxRow,
  type RetainSchema,
  type StoreName,
  type TxStores,
  type KitStorage,
  type Row,
} from './storage.types.js';

export type { CounterRow, OrderRow, OutboxRow, RetainSchema, StoreName, TxStores, KitStorage };
export { keyPaths };

export const DB_VERSION = 2;
export const DEFAULT_DB_NAME = 'retainkit';
/** How long opening may take before the kit gives up on IndexedDB for the page. */
export const OPEN_TIMEOUT_MS = 2000;
const STORE_NAMES: readonly StoreName[] = ['state', 'counters', 'orders', 'outbox'];

/**
 * Migrations, by the version they lead to. Each runs once, in order, inside the upgrade transaction, and
 * only adds: data written by an older version is kept. Version 1 had `state` and `counters`.
 */
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

type Db = IDBPDatabase<RetainSchema>;

/**
 * IndexedDB through idb. Opening fails → memory at once. A connection lost mid-session (closed by the
 * browser, or by us for another tab's upgrade or deletion) → reopen and retry each interrupted operation
 * once; if reopening or the retry fails too → memory for the rest of the page.
 */
class IndexedDbStorage implements KitStorage {
  /** The connection being opened or open; `db` is set once it is. */
  private connection: { opening: Promise<Db>; db?: Db } | undefined;
  /** Connections that were closed under us: any failure on them means "reopen", never the caller's bug. */
  private readonly lost = new WeakSet<Db>();
  /** The in-memory store once the kit has degraded (its code loading, then loaded). */
  private fallback: Promise<MemoryStorage> | undefined;

  constructor(
    readonly name: string,
    private readonly openTimeoutMs: number,
  ) {}

  get mode(): 'indexeddb' | 'memory' {
    return this.fallback ? 'memory' : 'indexeddb';
  }

  /** The open connection, opened once however many operations ask at the same time. */
  private connect(): Promise<Db> {
    if (!this.connection) {
      const connection: { opening: Promise<Db>; db?: Db } = {
        opening: openWithTimeout(this.name, this.openTimeoutMs, (db) => this.forget(db)),
      };
      this.connection = connection;
      // Registered first, so `db` is set before any waiting operation resumes.
      connection.opening.then(
        (db) => {
          connection.db = db;
        },
        () => {
          if (this.connection === connection) this.connection = undefined;
        },
      );
    }
    return this.connection.opening;
  }

  /** Drops a lost connection so that the next operation opens a new one (if it is still the current one). */
  private forget(db: Db): void {
    this.lost.add(db);
    if (this.connection?.db === db) this.connection = undefined;
  }

  private isLost(db: Db, error: unknown): boolean {
    if (this.lost.has(db)) return true;
    if (!(error instanceof DOMException)) return false;
    // A backing-store failure: a fresh connection may well work.
    if (error.name === 'UnknownError') return true;
    // These also come from a transaction body that awaited something else (its transaction committed
    // early): only a dead connection makes them ours.
    return ['InvalidStateError', 'AbortError', 'TransactionInactiveError'].includes(error.name) && !isAlive(db);
  }

  /** Runs `op` against the database; see the class comment for what happens on failure. */
  private async run<T>(op: (db: Db) => Promise<T>, inMemory: (m: MemoryStorage) => Promise<T>): Promise<T> {
    let retried = false;
    for (;;) {
      if (this.fallback) return inMemory(await this.fallback);
      let db: Db;
      try {
        db = await this.connect();
      } catch (error) {
        this.degrade(error);
        continue;
      }
      try {
        return await op(db);
      } catch (error) {
        if (error instanceof DOMException && error.name === 'QuotaExceededError') {
          // The disk is full: nothing more can be kept here, but the widget must go on.
          this.degrade(error);
          continue;
        }
        if (!this.isLost(db, error)) throw error;
        this.forget(db);
        if (retried) this.degrade(error);
        retried = true;
      }
    }
  }

  private degrade(reason: unknown): void {
    if (this.fallback) return;
    this.fallback = import('./memory-storage.js').then(({ MemoryStorage }) => new MemoryStorage());
    this.connection?.db?.close();
    this.connection = undefined;
    warnDegraded(reason);
  }

  get<S extends StoreName>(store: S, key: string): Promise<Row<S> | undefined> {
    return this.run(
      async (db) => {
        const tx = db.transaction(store);
        const [value] = await Promise.all([tx.store.get(key), tx.done]);
        return value as Row<S> | undefined;
      },
      (m) => m.get(store, key),
    );
  }

  put<S extends StoreName>(store: S, value: Row<S>, key?: string): Promise<void> {
    return this.run(
      async (db) => {
        const tx = db.transaction(store, 'readwrite');
        await Promise.all([tx.store.put(value as never, keyPaths[store] ? undefined : key), tx.done]);
      },
      (m) => m.put(store, value, key),
    );
  }

  delete(store: StoreName, key: string): Promise<void> {
    return this.run(
      async (db) => {
        const tx = db.transaction(store, 'readwrite');
        await Promise.all([tx.store.delete(key), tx.done]);
      },
      (m) => m.delete(store, key),
    );
  }

  getAll<S extends StoreName>(store: S): Promise<Row<S>[]> {
    return this.run(
      async (db) => {
        const tx = db.transaction(store);
        const [rows] = await Promise.all([tx.store.getAll(), tx.done]);
        return rows as Row<S>[];
      },
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
        let result: T;
        try {
          result = await body(view);
        } catch (error) {
          try {
            tx.abort();
          } catch {
            // already finished or aborted
          }
          await tx.done.catch(() => undefined);
          throw error;
        }
        await tx.done;
        return result;
      },
      (m) => m.transact(stores, body),
    );
  }
}

/** Opening failed: missing, throwing, hanging or blocked IndexedDB. */
class OpenFailed extends Error {}

/** Whether a connection can still start transactions (a closed one throws InvalidStateError). */
function isAlive(db: Db): boolean {
  try {
    unwrap(db).transaction(STORE_NAMES[0]).abort();
    return true;
  } catch {
    return false;
  }
}

function openWithTimeout(name: string, timeoutMs: number, onLost: (db: Db) => void): Promise<Db> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new OpenFailed(why));
    };
    const timer = setTimeout(() => fail(`opening IndexedDB took longer than ${timeoutMs} ms`), timeoutMs);
    const track = (db: Db): Db => {
      const raw = unwrap(db);
      // Another tab upgrades or deletes the database: step aside, and reopen on next use.
      raw.addEventListener('versionchange', () => {
        raw.close();
        onLost(db);
      });
      // The browser closed the connection (site data cleared, disk error): idb's `terminated`.
      raw.addEventListener('close', () => onLost(db));
      return db;
    };
    const accept = (db: Db) => {
      const missing = STORE_NAMES.filter((store) => !db.objectStoreNames.contains(store));
      if (settled) {
        db.close();
      } else if (missing.length) {
        db.close();
        fail(`the database lacks ${missing.join(', ')}`);
      } else {
        settled = true;
        clearTimeout(timer);
        resolve(track(db));
      }
    };
    const open = (version?: number): Promise<Db> => {
      let factory: IDBFactory | undefined;
      try {
        factory = indexedDB;
      } catch {
        // A sandboxed frame may throw on access.
      }
      if (!factory) return Promise.reject(new Error('IndexedDB is not available'));
      // No `blocked` callback: when an older tab keeps the previous version open and does not step
      // aside, the timeout decides.
      return openDB<RetainSchema>(name, version, {
        upgrade: version ? (db, oldVersion) => upgradeSchema(db, oldVersion) : undefined,
      });
    };
    let opening: Promise<Db>;
    try {
      opening = open(DB_VERSION);
    } catch (error) {
      opening = Promise.reject(error);
    }
    opening
      .catch((error: unknown) => {
        // A newer kit in another tab upgraded the database: its schema only adds, so use it as it is.
        if (error instanceof DOMException && error.name === 'VersionError' && !settled) return open();
        throw error;
      })
      .then(accept, (error: unknown) => fail(describe(error)));
  });
}

const WARNED = Symbol.for('retainkit.storage-degraded');
type Flagged = typeof globalThis & { [WARNED]?: boolean };

/** Once per page, whatever the number of widgets, operations or copies of the kit that hit it. */
function warnDegraded(reason: unknown): void {
  const page = globalThis as Flagged;
  if (page[WARNED]) return;
  page[WARNED] = true;
  warn(`IndexedDB is unavailable (${describe(reason)}); keeping state in memory for this page only.`);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

let current: IndexedDbStorage | undefined;
/** `current` behind the consent rule (device-consent.ts): what is not strictly necessary waits for consent. */
let guarded: ReturnType<typeof withDeviceConsent> | undefined;

/**
 * Runs `attempt` (one `transact`) again later, up to three more times (after 50, 200, 800 ms), when the
 * engine ended its transaction before the body's writes. Firefox does that to a transaction whose read
 * succeeds while a script of the page waits inside `window.open` (a share button's, another tab's), or
 * just after: it runs the read's promise callbacks once the transaction has committed, and the write
 * throws (measured: tries a task apart all failed while the open lasted, one 50 ms later passed).
 * Only for a body that issues its writes after all its reads and does nothing outside its transaction:
 * then nothing was written, and running it again is safe. (Not for every body: one that tells another tab
 * or the network before it writes would do that twice.)
 */
export async function againIfCutShort<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tried = 1; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      const cutShort = error instanceof DOMException && ['TransactionInactiveError', 'InvalidStateError'].includes(error.name);
      if (!cutShort || tried === CUT_SHORT_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, CUT_SHORT_RETRY_MS * 4 ** (tried - 1)));
    }
  }
}

/** Tries at a transaction cut short (`againIfCutShort`). */
const CUT_SHORT_ATTEMPTS = 4;
/** The first wait before trying again; each next one is four times as long. */
const CUT_SHORT_RETRY_MS = 50;

/** The kit's storage, opened on first use. */
export function storage(): KitStorage {
  if (!current) {
    current = new IndexedDbStorage(DEFAULT_DB_NAME, OPEN_TIMEOUT_MS);
    guarded = withDeviceConsent(current, keyPaths);
  }
  return guarded!;
}

/** The name of the database `storage()` uses (cross-tab messages and per-page memos are scoped by it). */
export function databaseName(): string {
  return current?.name ?? DEFAULT_DB_NAME;
}

/**
 * Points the kit at another database (tests use a fresh one each; a store can isolate kits on one
 * origin). Also resets the one-time degradation warning, and scopes cross-tab messages to the database.
 */
export function useDatabase(name: string, options: { openTimeoutMs?: number } = {}): KitStorage {
  (globalThis as Flagged)[WARNED] = false;
  guarded?.dispose();
  current = new IndexedDbStorage(name, options.openTimeoutMs ?? OPEN_TIMEOUT_MS);
  guarded = withDeviceConsent(current, keyPaths);
  setChannelScope(name === DEFAULT_DB_NAME ? '' : name);
  // For the loader's page-view note (page-view-note.ts), which loads none of this.
  (globalThis as typeof globalThis & { [DATABASE]?: string })[DATABASE] = name;
  return guarded;
}
