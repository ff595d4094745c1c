/**
 * `window.retainkit`: the small JavaScript API for stores that want it. The loader defines the object
 * and loads this module on the first call, so none of this code runs at start-up. Once the object is
 * there, the loader dispatches `retainkit-ready` on the window, for a store's script that ran first.
 */
import { warn } from './core/config.js';
import { readAllCounters, readCounters, type Counts } from './core/counters.js';
import type { ConsentState, ForwardOptions, Forwarder } from './core/delivery.js';
import { onKitEvent, type KitEventRecord } from './core/events.js';
import { recordOrder as record, type OrderInput } from './core/orders.js';

export type KitListener = (event: KitEventRecord) => void;

export interface KitApi {
  readonly version: string;
  /** Hears every kit event (those already emitted on this page first). */
  on(listener: KitListener): Promise<void>;
  off(listener: KitListener): Promise<void>;
  /** Counters of a widget's instance; of all its instances without `instance`; of every widget without `widget`. */
  counters(widget?: string, instance?: string): Promise<Counts | Record<string, Record<string, Counts>>>;
  /** Records an order for local estimates, once per id. True when this call recorded it. */
  recordOrder(order: OrderInput): Promise<boolean>;
  /** Sends every kit event to `fn` through the durable outbox. Resolves to a function that stops it. */
  forward(fn: Forwarder, options?: ForwardOptions): Promise<() => void>;
  /** Sets analytics consent for forwarding: `granted`, `denied` or `pending`. */
  consent(state: ConsentState): Promise<void>;
  /**
   * Finds the kit's elements inside `root` and those added to it later: for a shadow root of the store's own
   * component, which the loader's watch of the page does not see into (the page's elements need no call).
   */
  watch(root: ParentNode): Promise<void>;
}

const subscriptions = new Map<KitListener, () => void>();

export async function on(listener: KitListener): Promise<void> {
  if (!subscriptions.has(listener)) subscriptions.set(listener, onKitEvent(listener, { replay: true }));
}

export async function off(listener: KitListener): Promise<void> {
  subscriptions.get(listener)?.();
  subscriptions.delete(listener);
}

export async function counters(widget?: string, instance?: string): Promise<Counts | Record<string, Record<string, Counts>>> {
  if (widget === undefined) return readAllCounters();
  return readCounters(widget, instance);
}

export function recordOrder(order: OrderInput): Promise<boolean> {
  return record(order);
}

// Delivery loads only for stores that forward (or set consent), not with every `retainkit.on`.
export async function forward(fn: Forwarder, options?: ForwardOptions): Promise<() => void> {
  return (await import('./core/delivery.js')).forward(fn, options);
}

export async function consent(state: ConsentState): Promise<void> {
  (await import('./core/delivery.js')).setConsent(state);
}

/**
 * `retainkit.watch(root)`: the loader's `watchRoot` given a root it can search and observe, else one warning. Checked
 * here, not in the loader, which every page loads.
 */
export async function watch(root: ParentNode, watchRoot: (root: ParentNode) => void): Promise<void> {
  // A node of any frame's realm: `instanceof Node` would refuse one from another frame.
  if (typeof (root as Partial<Node> | null)?.nodeType === 'number' && typeof root.querySelectorAll === 'function') watchRoot(root);
  else warn(`watch() takes a shadow root or an element; got ${JSON.stringify(String(root))}`);
}
