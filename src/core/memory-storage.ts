/**
 * The kit's storage over Maps, for a page where IndexedDB cannot be used (storage.ts degrades to it). A
 * file of its own, so that it loads only then: a page whose IndexedDB works never fetches it.
 */
import { keyPaths, type KitStorage, type RetainSchema, type StoreName, type TxStores } from './storage.types.js';

type Row<S extends StoreName> = RetainSchema[S]['value'];

function domError(name: string, message: string): DOMException {
  return new DOMException(message, name);
}

/**
 * The same interface over Maps, for when IndexedDB cannot be used. Transactions run one at a time, see
 * only the stores they named, and roll back what they wrote when their body throws, as IndexedDB does.
 */
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
    const found = path ? (value as Record<string, unknown> | null)?.[path] : key;
    if (typeof found !== 'string') throw domError('DataError', `retainkit: no key for a row of "${store}"`);
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
    const map = this.map(store);
    return [...map.keys()].sort().map((key) => structuredClone(map.get(key)) as Row<S>);
  }

  transact<T>(stores: StoreName[], body: (tx: TxStores) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      // What each written key held before, to put back if the body fails.
      const undo = new Map<StoreName, Map<string, { had: boolean; value: unknown }>>();
      let active = true;
      const enter = (store: StoreName): Map<string, unknown> => {
        if (!active) throw domError('TransactionInactiveError', 'retainkit: the transaction has finished');
        if (!stores.includes(store)) throw domError('NotFoundError', `retainkit: "${store}" is not in this transaction`);
        return this.map(store);
      };
      const remember = (store: StoreName, map: Map<string, unknown>, key: string): void => {
        let saved = undo.get(store);
        if (!saved) undo.set(store, (saved = new Map()));
        if (!saved.has(key)) saved.set(key, { had: map.has(key), value: map.get(key) });
      };
      const view: TxStores = {
        get: async (store, key) => structuredClone(enter(store).get(key)) as never,
        put: async (store, value, key) => {
          const map = enter(store);
          const k = this.keyOf(store, value, key);
          remember(store, map, k);
          map.set(k, structuredClone(value));
        },
        delete: async (store, key) => {
          const map = enter(store);
          remember(store, map, key);
          map.delete(key);
        },
      };
      try {
        return await body(view);
      } catch (error) {
        for (const [store, saved] of undo) {
          const map = this.map(store);
          for (const [key, { had, value }] of saved) {
            if (had) map.set(key, value);
            else map.delete(key);
          }
        }
        throw error;
      } finally {
        active = false;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
