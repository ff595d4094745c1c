/**
 * The kit's events: one `Event` subclass per event (each widget declares its own, on top of
 * `RetainEvent`), and the one path every dispatched event also takes towards the store (`onKitEvent`).
 */
import { uniqueId } from './ids.js';

/** What every event detail carries. */
export interface RetainDetail {
  /** Unique, and the same for this event in every retry, reload and tab: receivers deduplicate by it. */
  id: string;
  /** The widget's name without the prefix: `spin-wheel`, `loyalty-badge`, … */
  widget: string;
  /** The element's `instance` (its attribute, else its `id`, else `default`). */
  instance: string;
  /** Milliseconds since the epoch. */
  timestamp: number;
  /** The instance's engagement counters after this event was counted, when it was. */
  counters?: Record<string, number>;
}

/** The fields a widget gives; the kit fills in the rest. */
export type DetailFields<D extends RetainDetail> = Omit<D, keyof RetainDetail> & Partial<RetainDetail>;

export interface RetainEventOptions {
  cancelable?: boolean;
  /**
   * Detail fields with personal data (an email): they reach listeners on the page, and are never
   * forwarded to analytics or an endpoint.
   */
  personal?: readonly string[];
}

/** Base of every `retain-*` event: bubbles and crosses shadow roots, and carries a typed `detail`. */
export class RetainEvent<D extends RetainDetail = RetainDetail> extends Event {
  readonly detail: D;
  readonly personal: readonly string[];

  constructor(type: `retain-${string}`, detail: D, options: RetainEventOptions = {}) {
    super(type, { bubbles: true, composed: true, cancelable: options.cancelable ?? false });
    this.detail = detail;
    this.personal = options.personal ?? [];
  }
}

/** Builds a detail: a fresh id and timestamp unless given (a retried event keeps its own). */
export function makeDetail<D extends RetainDetail>(widget: string, instance: string, fields: DetailFields<D>): D {
  return { id: uniqueId(), timestamp: Date.now(), ...fields, widget, instance } as D;
}

/** An event as it leaves the page: plain data, without the personal fields. */
export interface KitEventRecord {
  name: string;
  detail: Record<string, unknown>;
  cancelled: boolean;
}

type KitListener = (record: KitEventRecord) => void;

const listeners = new Set<KitListener>();
/** Recent events, so a forwarder that loads after a widget still sees what happened before it. */
const recent: KitEventRecord[] = [];
const RECENT_LIMIT = 200;

export function toRecord(event: RetainEvent): KitEventRecord {
  const detail: Record<string, unknown> = { ...event.detail };
  for (const field of event.personal) delete detail[field];
  return { name: event.type, detail, cancelled: event.defaultPrevented };
}

/**
 * Dispatches `event` on `target` and then hands it to the delivery path. Returns false when a
 * cancelable event was cancelled by a listener (the store took over).
 */
export function emit(target: EventTarget, event: RetainEvent): boolean {
  const proceed = target.dispatchEvent(event);
  const record = toRecord(event);
  recent.push(record);
  if (recent.length > RECENT_LIMIT) recent.shift();
  for (const listener of listeners) {
    try {
      listener(record);
    } catch (error) {
      // A forwarder's bug must not break the widget that emitted.
      console.error('retainkit: an event listener threw', error);
    }
  }
  return proceed;
}

/**
 * Hears every kit event (the delivery path, `retainkit.on`). With `replay`, first receives the recent
 * events emitted before it subscribed. Returns the function that unsubscribes.
 */
export function onKitEvent(listener: KitListener, options: { replay?: boolean } = {}): () => void {
  if (options.replay) for (const record of [...recent]) listener(record);
  listeners.add(listener);
  return () => listeners.delete(listener);
}
