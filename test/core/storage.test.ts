import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { MemoryStorage } from '../../src/core/memory-storage.js';
import { OPEN_TIMEOUT_MS, type KitStorage, type OutboxRow, type TxStores } from '../../src/core/storage.js';
import { increment } from '../../src/core/counters.js';
import { watchConsole, type ConsoleWatch } from '../support/console-guard.js';
import { deleteDatabases, freshDatabase } from '../support/database.js';

/** Watches `indexedDB.open`: counts calls and keeps the connections it opened (to lose them on purpose). */
function spyOnOpen(): { calls: number; connections: IDBDatabase[]; fail: (error?: Error) => void; restore: () => void } {
  const factory = indexedDB as IDBFactory & { open: IDBFactory['open'] };
  const real = IDBFactory.prototype.open;
  let failure: Error | undefined;
  const spy = {
    calls: 0,
    connections: [] as IDBDatabase[],
    fail: (error: Error = new DOMException('The user denied permission', 'SecurityError')) => {
      failure = error;
    },
    restore: () => {
      delete (factory as Partial<IDBFactory>).open;
    },
  };
  factory.open = function (name: string, version?: number) {
    spy.calls += 1;
    if (failure) throw failure;
    const request = real.call(factory, name, version);
    request.addEventListener('success', () => spy.connections.push(request.result));
    return request;
  };
  return spy;
}

/** What the browser does when it closes a connection by force (site data cleared, disk error). */
function loseConnection(db: IDBDatabase): void {
  db.close();
  db.dispatchEvent(new Event('close'));
}

/** Replaces `window.indexedDB` for one test; returns the function that puts it back. */
function replaceIndexedDb(value: unknown): () => void {
  const own = Object.getOwnPropertyDescriptor(window, 'indexedDB');
  Object.defineProperty(window, 'indexedDB', { value, configurable: true, writable: true });
  return () => {
    if (own) Object.defineProperty(window, 'indexedDB', own);
    else Reflect.deleteProperty(window, 'indexedDB');
  };
}

/** A round trip through every operation; returns what it read back. */
async function exercise(store: KitStorage): Promise<unknown[]> {
  await store.put('state', { n: 1 }, 'a');
  await store.put('counters', { key: 'w|i|seen', count: 2, updated: 0 });
  const counted = await store.transact(['counters'], async (tx) => {
    const row = await tx.get('counters', 'w|i|seen');
    await tx.put('counters', { key: 'w|i|seen', count: row!.count + 1, updated: 1 });
    return row!.count + 1;
  });
  await store.put('state', 'gone', 'b');
  await store.delete('state', 'b');
  return [await store.get('state', 'a'), counted, await store.getAll('state'), await store.get('state', 'b')];
}
const EXPECTED = [{ n: 1 }, 3, [{ n: 1 }], undefined];

/** Reads a store of a database directly, without the kit. */
async function rawRead(name: string, store: string, key: string): Promise<unknown> {
  const db = await openDB(name);
  try {
    return await db.get(store, key);
  } finally {
    db.close();
  }
}

describe('storage', () => {
  let warnings: ConsoleWatch;
  const cleanups: (() => void)[] = [];
  beforeEach(() => {
    warnings = watchConsole();
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
    await deleteDatabases();
    warnings.stop();
  });

  it('keeps data in IndexedDB', async () => {
    const { name, storage } = freshDatabase();
    expect(await exercise(storage)).to.deep.equal(EXPECTED);
    expect(storage.mode).to.equal('indexeddb');
    expect(await rawRead(name, 'state', 'a')).to.deep.equal({ n: 1 });
    expect(await rawRead(name, 'counters', 'w|i|seen')).to.include({ count: 3 });
  });

  describe('falls back to memory, with one warning', () => {
    it('when indexedDB is undefined', async () => {
      cleanups.push(replaceIndexedDb(undefined));
      const { storage } = freshDatabase();
      expect(await exercise(storage)).to.deep.equal(EXPECTED);
      expect(storage.mode).to.equal('memory');
      const seen = warnings.take();
      expect(seen).to.have.length(1);
      expect(seen[0]).to.match(/^retainkit: IndexedDB is unavailable \(IndexedDB is not available\); keeping state in memory/);
    });

    it('when opening throws', async () => {
      const spy = spyOnOpen();
      cleanups.push(spy.restore);
      spy.fail();
      const { storage } = freshDatabase();
      expect(await exercise(storage)).to.deep.equal(EXPECTED);
      expect(storage.mode).to.equal('memory');
      expect(warnings.take()).to.have.length(1);
      expect(spy.calls).to.equal(1);
    });

    it('when opening hangs, after the open timeout (at most 2 s by default)', async () => {
      expect(OPEN_TIMEOUT_MS).to.be.at.most(2000);
      const factory = indexedDB as IDBFactory & { open: IDBFactory['open'] };
      factory.open = () => {
        // A request that never succeeds nor fails, as when the browser's storage process is stuck.
        const request = new EventTarget();
        Object.setPrototypeOf(request, IDBOpenDBRequest.prototype);
        return request as IDBOpenDBRequest;
      };
      cleanups.push(() => delete (factory as Partial<IDBFactory>).open);
      const { storage } = freshDatabase({ openTimeoutMs: 100 });
      expect(await exercise(storage)).to.deep.equal(EXPECTED);
      expect(storage.mode).to.equal('memory');
      expect(warnings.take()[0]).to.include('took longer than 100 ms');
    });

    it('when an older tab holds the previous version open and will not step aside', async () => {
      const { name, storage } = freshDatabase({ openTimeoutMs: 150 });
      // An old page that opened version 1 and ignores `versionchange`.
      const old = await openDB(name, 1, {
        upgrade(db) {
          db.createObjectStore('state');
          db.createObjectStore('counters', { keyPath: 'key' });
        },
      });
      cleanups.push(() => old.close());
      expect(await exercise(storage)).to.deep.equal(EXPECTED);
      expect(storage.mode).to.equal('memory');
      expect(warnings.take()[0]).to.include('took longer than 150 ms');
    });

    it('when the disk is full', async () => {
      const { storage } = freshDatabase();
      await storage.put('state', 1, 'before');
      const realPut = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      cleanups.push(() => (IDBObjectStore.prototype.put = realPut));
      await storage.put('state', 2, 'after');
      expect(storage.mode).to.equal('memory');
      expect(await storage.get('state', 'after')).to.equal(2);
      expect(warnings.take()).to.have.length(1);
    });

    it('once per page, however many operations and widgets hit it at the same time', async () => {
      cleanups.push(replaceIndexedDb(undefined));
      const { storage } = freshDatabase();
      await Promise.all([
        storage.get('state', 'x'),
        storage.getAll('orders'),
        increment('spin-wheel', 'a', 'seen'),
        increment('loyalty-badge', 'b', 'seen'),
        increment('review-showcase', 'c', 'opened'),
      ]);
      await increment('account-prompt', 'd', 'seen');
      expect(warnings.take()).to.have.length(1);
    });
  });

  describe('a connection lost mid-session', () => {
    it('is reopened and the operation retried (browser closed it)', async () => {
      const spy = spyOnOpen();
      cleanups.push(spy.restore);
      const { storage } = freshDatabase();
      await storage.put('state', 'kept', 'k');
      expect(spy.connections).to.have.length(1);
      loseConnection(spy.connections[0]);
      // Several operations at once: one reopen serves them all.
      const results = await Promise.all([storage.get('state', 'k'), storage.get('state', 'k'), storage.getAll('state')]);
      expect(results).to.deep.equal(['kept', 'kept', ['kept']]);
      expect(storage.mode).to.equal('indexeddb');
      expect(spy.calls).to.equal(2);
    });

    it('is reopened when an operation notices the loss before the close event', async () => {
      const spy = spyOnOpen();
      cleanups.push(spy.restore);
      const { storage } = freshDatabase();
      await storage.put('state', 'kept', 'k');
      // Closed without an event: the next transaction() throws InvalidStateError.
      spy.connections[0].close();
      expect(
        await storage.transact(['state'], async (tx) => {
          const value = await tx.get('state', 'k');
          await tx.put('state', `${value}!`, 'k');
          return value;
        }),
      ).to.equal('kept');
      expect(await storage.get('state', 'k')).to.equal('kept!');
      expect(storage.mode).to.equal('indexeddb');
      expect(spy.calls).to.equal(2);
    });

    it('steps aside when another connection deletes the database, then starts afresh', async () => {
      const { name, storage } = freshDatabase();
      await storage.put('state', 'old', 'k');
      let blocked = false;
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onblocked = () => (blocked = true);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      });
      expect(blocked, 'the kit kept the deletion waiting').to.equal(false);
      expect(await storage.get('state', 'k')).to.equal(undefined);
      await storage.put('state', 'new', 'k');
      expect(storage.mode).to.equal('indexeddb');
      expect(await rawRead(name, 'state', 'k')).to.equal('new');
    });

    it('steps aside for a newer version in another tab, and goes on with it', async () => {
      const { name, storage } = freshDatabase();
      await storage.put('state', 'kept', 'k');
      let blocked = false;
      const newer = await openDB(name, 3, {
        upgrade(db) {
          db.createObjectStore('future');
        },
        blocked: () => (blocked = true),
      });
      newer.close();
      expect(blocked, 'the kit kept the upgrade waiting').to.equal(false);
      expect(await storage.get('state', 'k')).to.equal('kept');
      await storage.put('state', 'still', 'k');
      expect(storage.mode).to.equal('indexeddb');
      expect(await rawRead(name, 'state', 'k')).to.equal('still');
    });

    it('degrades to memory, once, when reopening fails', async () => {
      const spy = spyOnOpen();
      cleanups.push(spy.restore);
      const { storage } = freshDatabase();
      await storage.put('state', 'kept', 'k');
      spy.fail();
      loseConnection(spy.connections[0]);
      const [a, b] = await Promise.all([storage.get('state', 'k'), storage.put('state', 'memory', 'm')]);
      expect([a, b]).to.deep.equal([undefined, undefined]);
      expect(storage.mode).to.equal('memory');
      expect(await storage.get('state', 'm')).to.equal('memory');
      expect(spy.calls).to.equal(2);
      const seen = warnings.take();
      expect(seen).to.have.length(1);
      expect(seen[0]).to.include('The user denied permission');
    });

    it('degrades to memory when the retry loses its connection too', async () => {
      const spy = spyOnOpen();
      cleanups.push(spy.restore);
      const { storage } = freshDatabase();
      await storage.put('state', 'kept', 'k');
      // Every connection dies the moment it is used: close each new one as soon as it opens.
      const realOpen = (indexedDB as IDBFactory).open;
      (indexedDB as IDBFactory & { open: IDBFactory['open'] }).open = function (name: string, version?: number) {
        const request = realOpen.call(this, name, version);
        request.addEventListener('success', () => request.result.close());
        return request;
      };
      spy.connections[0].close();
      await storage.put('state', 'memory', 'm');
      expect(storage.mode).to.equal('memory');
      expect(await storage.get('state', 'm')).to.equal('memory');
      expect(warnings.take()).to.have.length(1);
    });
  });

  it('migrates a version 1 database and keeps its data', async () => {
    const { name } = freshDatabase();
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('state');
        db.createObjectStore('counters', { keyPath: 'key' });
      },
    });
    await v1.put('state', { endsAt: 123 }, 'spin-wheel/default/cooldown');
    await v1.put('counters', { key: 'spin-wheel|default|seen', count: 7, updated: 1 });
    v1.close();
    const { useDatabase } = await import('../../src/core/storage.js');
    const storage = useDatabase(name);
    expect(await storage.get('state', 'spin-wheel/default/cooldown')).to.deep.equal({ endsAt: 123 });
    expect(await storage.get('counters', 'spin-wheel|default|seen')).to.include({ count: 7 });
    // The stores version 2 added work.
    await storage.put('orders', { orderId: 'A1', total: 10, currency: 'EUR', recordedAt: 1 });
    await storage.put('outbox', { id: 'e1', name: 'retain-x', detail: {}, createdAt: 1, pending: [] } as unknown as OutboxRow);
    expect(await storage.getAll('orders')).to.have.length(1);
    expect(storage.mode).to.equal('indexeddb');
    const raw = await openDB(name);
    expect(raw.version).to.equal(2);
    expect(raw.transaction('outbox').store.indexNames.contains('createdAt')).to.equal(true);
    raw.close();
  });

  describe('transact', () => {
    for (const mode of ['indexeddb', 'memory'] as const) {
      describe(`in ${mode}`, () => {
        let storage: KitStorage;
        beforeEach(() => {
          storage = mode === 'memory' ? new MemoryStorage() : freshDatabase().storage;
        });

        it('rolls back what a failing body wrote, and hands its error to the caller', async () => {
          await storage.put('state', 'before', 'k');
          const failure = new Error('the widget changed its mind');
          let caught: unknown;
          try {
            await storage.transact(['state', 'counters'], async (tx) => {
              await tx.put('state', 'during', 'k');
              await tx.put('state', 'new', 'n');
              await tx.put('counters', { key: 'c', count: 1, updated: 0 });
              throw failure;
            });
          } catch (error) {
            caught = error;
          }
          expect(caught).to.equal(failure);
          expect(await storage.get('state', 'k')).to.equal('before');
          expect(await storage.get('state', 'n')).to.equal(undefined);
          expect(await storage.get('counters', 'c')).to.equal(undefined);
          expect(storage.mode).to.equal(mode);
        });

        it('runs concurrent read-modify-writes one at a time (no lost update)', async () => {
          const bump = (tx: TxStores) => tx.get('state', 'n').then((n) => tx.put('state', ((n as number | undefined) ?? 0) + 1, 'n'));
          await Promise.all(Array.from({ length: 50 }, () => storage.transact(['state'], bump)));
          expect(await storage.get('state', 'n')).to.equal(50);
        });

        it('refuses a store it was not opened on', async () => {
          let caught: unknown;
          try {
            await storage.transact(['state'], (tx) => tx.get('orders', 'x'));
          } catch (error) {
            caught = error;
          }
          expect((caught as DOMException).name).to.equal('NotFoundError');
          expect(storage.mode).to.equal(mode);
        });

        it('hands back copies, never the stored object', async () => {
          const row = { n: 1 };
          await storage.put('state', row, 'k');
          row.n = 2;
          const read = (await storage.get('state', 'k')) as { n: number };
          read.n = 3;
          expect(await storage.get('state', 'k')).to.deep.equal({ n: 1 });
        });
      });
    }

    it('a body that awaits something else fails loudly instead of degrading (IndexedDB)', async () => {
      const { storage } = freshDatabase();
      let caught: unknown;
      try {
        await storage.transact(['state'], async (tx) => {
          await tx.get('state', 'k');
          await new Promise((resolve) => setTimeout(resolve, 10)); // the mistake: the transaction commits
          await tx.put('state', 1, 'k');
        });
      } catch (error) {
        caught = error;
      }
      expect(caught).to.be.instanceOf(DOMException);
      expect(['TransactionInactiveError', 'InvalidStateError']).to.include((caught as DOMException).name);
      expect(storage.mode).to.equal('indexeddb');
    });

    it('memory: a body cannot write after it has finished', async () => {
      const storage = new MemoryStorage();
      let leaked: TxStores | undefined;
      await storage.transact(['state'], async (tx) => {
        leaked = tx;
      });
      let caught: unknown;
      try {
        await leaked!.put('state', 1, 'k');
      } catch (error) {
        caught = error;
      }
      expect((caught as DOMException).name).to.equal('TransactionInactiveError');
      expect(await storage.get('state', 'k')).to.equal(undefined);
    });
  });
});
