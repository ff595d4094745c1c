/** A fresh, uniquely named database for each test, deleted afterwards. */
import { deleteDB } from 'idb';
import { useDatabase, type KitStorage } from '../../src/core/storage.js';

let counter = 0;

/** Points the kit at a new database; returns its name (for other tabs) and the storage. */
export function freshDatabase(options: { openTimeoutMs?: number } = {}): { name: string; storage: KitStorage } {
  const name = `retainkit-test-${Date.now()}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
  created.push(name);
  return { name, storage: useDatabase(name, options) };
}

const created: string[] = [];

/** Deletes every database `freshDatabase` made (call from `afterEach`). Never hangs on a blocked delete. */
export async function deleteDatabases(): Promise<void> {
  const names = created.splice(0);
  await Promise.all(names.map((name) => Promise.race([deleteDB(name).catch(() => undefined), new Promise((r) => setTimeout(r, 500))])));
}
