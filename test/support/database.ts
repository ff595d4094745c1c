/** A fresh, uniquely named database for each test, deleted afterwards. */
import { deleteDB } from 'idb';
import { storage, useDatabase, type KitStorage } from '../../src/core/storage.js';
import { heldKey } from '../../src/core/held-note.js';

let counter = 0;

/**
 * How long a test's database may take to open before the kit degrades to memory. Far above the kit's
 * 2 s, because a loaded CI machine can be that slow to open a fresh database (WebKit especially), and a
 * degradation there would be the machine's, not the code's. Tests of the timeout itself pass their own.
 */
export const TEST_OPEN_TIMEOUT_MS = 15_000;

/** Points the kit at a new database; returns its name (for other tabs) and the storage. */
export function freshDatabase(options: { openTimeoutMs?: number } = {}): { name: string; storage: KitStorage } {
  const name = `retainkit-test-${Date.now()}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
  created.push(name);
  return { name, storage: useDatabase(name, { openTimeoutMs: TEST_OPEN_TIMEOUT_MS, ...options }) };
}

const created: string[] = [];

/** Deletes every database `freshDatabase` made, and its held note (call from `afterEach`). Never hangs on a blocked delete. */
export async function deleteDatabases(): Promise<void> {
  const names = created.splice(0);
  // With each database, the note of what it holds (the kit writes it beside IndexedDB).
  for (const name of names) localStorage.removeItem(heldKey(name));
  await Promise.all(names.map((name) => Promise.race([deleteDB(name).catch(() => undefined), new Promise((r) => setTimeout(r, 500))])));
}

/** Every object store of a database, values and keys, as one JSON text (to look for what must not be kept). */
export async function dumpDatabase(name: string): Promise<string> {
  const result = <T>(request: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const db = await result(indexedDB.open(name));
  const stores: Record<string, unknown> = {};
  for (const store of [...db.objectStoreNames]) {
    const objects = db.transaction(store).objectStore(store);
    stores[store] = { values: await result(objects.getAll()), keys: await result(objects.getAllKeys()) };
  }
  db.close();
  return JSON.stringify(stores);
}

/** Runs `body` on a fresh database with `window.indexedDB` missing (as a browser that refuses it), then puts it back. */
export async function withoutIndexedDB(body: () => Promise<void>): Promise<void> {
  const original = Object.getOwnPropertyDescriptor(window, 'indexedDB')!;
  Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  try {
    freshDatabase();
    await body();
  } finally {
    Object.defineProperty(window, 'indexedDB', original);
  }
}

/**
 * Makes the next transaction's first try end before its write, as Firefox does while a script of the page is
 * inside window.open (counters.test.ts has the real one): its body runs a task late, after the transaction has
 * committed. `tries()` counts the tries of the body; `restore()` puts `transact` back (call it in `finally`).
 */
export function cutShortOnce(): { tries: () => number; restore: () => void } {
  const kept = storage();
  const transact = kept.transact;
  let tries = 0;
  kept.transact = (stores, body) =>
    transact.call(kept, stores, async (tx) => {
      if (++tries === 1) await new Promise((resolve) => setTimeout(resolve));
      return body(tx);
    }) as ReturnType<typeof body>;
  return { tries: () => tries, restore: () => void (kept.transact = transact) };
}
