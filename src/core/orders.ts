/**
 * Orders recorded on this device, by order id, so that local estimates (loyalty points, a punch card)
 * count each order once however often the confirmation page is reloaded or opened in several tabs.
 * Only the id, total and currency are kept: never an email or a name.
 */
import { broadcast, onBroadcast } from './broadcast.js';
import { isCurrencyCode } from './config.js';
import { storage, type OrderRow } from './storage.js';

export interface OrderInput {
  orderId: string;
  total: number;
  currency: string;
}

const TOPIC = 'orders';

const localListeners = new Set<(order: OrderRow) => void>();

/**
 * Records an order once. Returns true when this call recorded it, false when it was already known
 * (here or in another tab): the check and the write are one transaction.
 */
export async function recordOrder(input: OrderInput): Promise<boolean> {
  const orderId = String(input?.orderId ?? '').trim();
  if (!orderId) throw new TypeError('retainkit: an order needs an id');
  if (typeof input.total !== 'number' || !Number.isFinite(input.total) || input.total < 0) {
    throw new RangeError(`retainkit: bad order total ${String(input.total)}`);
  }
  if (!isCurrencyCode(input.currency)) throw new RangeError(`retainkit: bad order currency ${String(input.currency)}`);
  const row: OrderRow = { orderId, total: input.total, currency: input.currency.trim().toUpperCase(), recordedAt: Date.now() };
  const recorded = await storage().transact(['orders'], async (tx) => {
    if (await tx.get('orders', orderId)) return false;
    await tx.put('orders', row);
    return true;
  });
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

export function listOrders(): Promise<OrderRow[]> {
  return storage().getAll('orders');
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
