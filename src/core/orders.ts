/**
 * Orders recorded on this device, by order id, so that local estimates (loyalty points, a punch card)
 * count each order once however often the confirmation page is reloaded or opened in several tabs.
 * Only the id, total and currency are kept: never an email or a name.
 */
import { broadcast, onBroadcast } from './broadcast.js';
import { isCurrencyCode } from './config.js';
import { databaseName, storage, type OrderRow } from './storage.js';

export interface OrderInput {
  orderId: string;
  total: number;
  currency: string;
}

const TOPIC = 'orders';

const localListeners = new Set<(order: OrderRow) => void>();

/**
 * This page's recordings, by database and order id: an order page records its order from `<retain-order>` and
 * from the account prompt (and a store may call `recordOrder` too), and one transaction answers them all.
 */
const recordings = new Map<string, Promise<boolean>>();
/** Orders this page recorded first on the device and no `<retain-order>` has announced yet (`announceOnce`). */
const unannounced = new Set<string>();

/**
 * Records an order once. Returns true when this call recorded it, false when it was already known
 * (here or in another tab, or by an earlier call on this page): the check and the write are one transaction.
 */
export async function recordOrder(input: OrderInput): Promise<boolean> {
  const orderId = String(input?.orderId ?? '').trim();
  if (!orderId) throw new TypeError('retainkit: an order needs an id');
  if (typeof input.total !== 'number' || !Number.isFinite(input.total) || input.total < 0) {
    throw new RangeError(`retainkit: bad order total ${String(input.total)}`);
  }
  if (!isCurrencyCode(input.currency)) throw new RangeError(`retainkit: bad order currency ${String(input.currency)}`);
  const key = `${databaseName()}\u0000${orderId}`;
  // Recorded or found by an earlier call on this page; one that failed leaves it to this one. (No await without
  // one: two calls in one task must see each other.)
  const earlier = recordings.get(key);
  if (earlier && (await earlier.catch(() => null)) !== null) return false;
  const row: OrderRow = { orderId, total: input.total, currency: input.currency.trim().toUpperCase(), recordedAt: Date.now() };
  const recording = storage()
    .transact(['orders'], async (tx) => {
      if (await tx.get('orders', orderId)) return false;
      await tx.put('orders', row);
      return true;
    })
    // Before any other caller waiting on it hears of it.
    .then((recorded) => {
      if (recorded) unannounced.add(key);
      return recorded;
    });
  recordings.set(key, recording);
  const recorded = await recording;
  if (recorded) {
    broadcast({ topic: TOPIC, ...row });
    for (const listener of [...localListeners]) {
      try {
        listener(row);
      } catch (error) {
        console.error('retainkit: an order listener threw', error);
      }
    }
  }
  return recorded;
}

/**
 * True once per order that this page recorded first on the device, whoever recorded it: `<retain-order>`
 * announces it even when the account prompt beside it recorded it a moment before.
 */
export function announceOnce(orderId: string): boolean {
  return unannounced.delete(`${databaseName()}\u0000${orderId.trim()}`);
}

export function listOrders(): Promise<OrderRow[]> {
  return storage().getAll('orders');
}

/**
 * Once the orders this page declares (its `<retain-order>` elements) are recorded, or `limitMs` has passed: a figure
 * read after that has the page's order in it. On an order page the loyalty badge would otherwise draw its points
 * without the order, then with it (a wider line: a layout shift), whenever its read came before the recording.
 */
export async function pageOrdersRecorded(limitMs = 3000): Promise<void> {
  const recorders = [...document.querySelectorAll('retain-order')];
  if (!recorders.length) return;
  const recorded = customElements
    .whenDefined('retain-order')
    .then(() => Promise.all(recorders.map((el) => (el as Element & { recorded?: Promise<unknown> }).recorded?.catch(() => null))));
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([recorded, new Promise((resolve) => (timer = setTimeout(resolve, limitMs)))]);
  clearTimeout(timer);
}

/** Hears orders recorded in this tab and in the others. */
export function onOrderRecorded(listener: (order: OrderRow) => void): () => void {
  localListeners.add(listener);
  const stopRemote = onBroadcast(TOPIC, (message) => listener(message as unknown as OrderRow));
  return () => {
    localListeners.delete(listener);
    stopRemote();
  };
}
