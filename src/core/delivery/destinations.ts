/**
 * Where forwarded events go, and in what shape: Google Tag Manager's `dataLayer` and `gtag` (GA4 names
 * and flat parameters), Shopify's customer events (`Shopify.analytics.publish`, the same names and
 * parameters), Segment's `analytics.track`, PostHog's `posthog.capture`, the store's endpoint (JSON batches). The names and fields an event takes in each tool are in `naming.ts`.
 * The delivery path decides when (`flush.ts`); a destination only knows how (the contract and the function
 * destination of `retainkit.forward` are in `contract.ts`). Only `<retain-forward>` loads this file.
 */
import { warn } from '../config.js';
import { ga4Event, GA4_LIMITS, segmentEvent, type Naming } from '../naming.js';
import type { OutboxRow } from '../storage.js';
import { describe, NoAnswer, SendError, type Destination } from './contract.js';
import { REQUEST_TIMEOUT } from './defaults.js';
import { BODY_LIMIT, bytes } from './limits.js';

type Page = typeof globalThis & {
  dataLayer?: { push(entry: unknown): unknown };
  gtag?: (...args: unknown[]) => void;
  analytics?: { track?(name: string, properties: unknown, options: unknown): unknown };
  posthog?: { capture?(name: string, properties: unknown, options: unknown): unknown; __loaded?: boolean };
  Shopify?: { analytics?: { publish?(name: string, data: unknown): unknown } };
};
// globalThis, not window: the module is imported without a DOM too (server-side rendering).
const page = globalThis as Page;

/** Destinations that differ only in naming are two destinations: each is owed every event. */
const keyOf = (kind: string, naming?: Naming) => (naming ? `${kind} naming=${naming}` : kind);

/** An in-page destination: `each` per row; a throw becomes a SendError that says how many went before it. */
function inPage(
  key: string,
  label: string,
  events: string[] | undefined,
  ready: () => unknown,
  each: (row: OutboxRow) => void,
): Destination {
  return {
    key,
    label,
    events,
    ready: () => !!ready(),
    send: (rows) =>
      rows.forEach((row, done) => {
        try {
          each(row);
        } catch (error) {
          throw new SendError(`${label} threw: ${describe(error)}`, true, undefined, done);
        }
      }),
  };
}

/** A row in GA4's shape, saying once per event name what GA4's parameter limit left out. */
function ga4For(label: string, naming: Naming | undefined) {
  const warned = new Set<string>();
  return (row: OutboxRow) => {
    const event = ga4Event(row, naming);
    if (event.dropped.length && !warned.has(row.name)) {
      warned.add(row.name);
      warn(`${label}: ${row.name} has more parameters than the ${GA4_LIMITS.params} GA4 takes; left out ${event.dropped.join(', ')}.`);
    }
    return event;
  };
}

/**
 * The keys pushed into each dataLayer array, by every dataLayer destination: GTM's data model keeps every
 * key ever pushed, whichever forwarder pushed it, and the array outlives a forwarder re-made or re-added.
 */
const pushedTo = new WeakMap<object, Set<string>>();

export function dataLayer(label: string, events?: string[], naming?: Naming): Destination {
  const shape = ga4For(label, naming);
  return inPage(
    keyOf('datalayer', naming),
    label,
    events,
    () => typeof page.dataLayer?.push === 'function',
    (row) => {
      const { name, params, ecommerce } = shape(row);
      // Unset the parameters of earlier events that this one lacks.
      const layer = page.dataLayer!;
      const pushed = pushedTo.get(layer) ?? (pushedTo.set(layer, new Set()), pushedTo.get(layer)!);
      const entry: Record<string, unknown> = {};
      for (const key of pushed) entry[key] = undefined;
      for (const key in params) pushed.add(key);
      if (ecommerce) {
        // Google's documented practice: clear the previous ecommerce object, which GTM would merge into this one.
        layer.push({ ecommerce: null });
        pushed.add('ecommerce');
      }
      layer.push({ ...entry, ...params, ...(ecommerce && { ecommerce }), event: name });
    },
  );
}

export function gtag(label: string, events?: string[], naming?: Naming): Destination {
  const shape = ga4For(label, naming);
  return inPage(
    keyOf('gtag', naming),
    label,
    events,
    () => typeof page.gtag === 'function',
    (row) => {
      const { name, params, ecommerce } = shape(row);
      page.gtag!('event', name, { ...ecommerce, ...params });
    },
  );
}

/**
 * Shopify's customer events: `Shopify.analytics.publish(name, params)` in GA4's shape, as for the
 * dataLayer. The store's custom pixels and app pixels receive each as a custom event
 * (`analytics.subscribe('retain_spin_ended', …)` or `all_custom_events`), its params in `customData`.
 */
export function shopify(label: string, events?: string[], naming?: Naming): Destination {
  const shape = ga4For(label, naming);
  return inPage(
    keyOf('shopify', naming),
    label,
    events,
    () => typeof page.Shopify?.analytics?.publish === 'function',
    (row) => {
      const { name, params, ecommerce } = shape(row);
      page.Shopify!.analytics!.publish!(name, { ...ecommerce, ...params });
    },
  );
}

/** When the event happened, so that an event sent later from the outbox keeps its time. */
function happened(row: OutboxRow): { timestamp?: Date } {
  const at = row.detail.timestamp;
  return typeof at === 'number' && Number.isFinite(at) ? { timestamp: new Date(at) } : {};
}

/**
 * Segment's `analytics.track`: the event id as `messageId`, by which Segment drops a repeat. With a
 * naming, also the event's own time as `timestamp`.
 */
export function segment(label: string, events?: string[], naming?: Naming): Destination {
  return inPage(
    keyOf('segment', naming),
    label,
    events,
    () => typeof page.analytics?.track === 'function',
    (row) => {
      const { name, properties } = segmentEvent(row, naming);
      page.analytics!.track!(name, properties, { messageId: row.id, ...(naming && happened(row)) });
    },
  );
}

/**
 * PostHog's `posthog.capture`: the event id as `uuid` and the event's time as `timestamp`, the key by
 * which PostHog merges a repeat. The loader snippet's stub queues calls; an instance not yet initialized
 * would drop them, so it is not ready until loaded.
 */
export function posthog(label: string, events?: string[], naming?: Naming): Destination {
  return inPage(
    keyOf('posthog', naming),
    label,
    events,
    () => typeof page.posthog?.capture === 'function' && page.posthog.__loaded !== false,
    (row) => {
      const { name, properties } = segmentEvent(row, naming);
      page.posthog!.capture!(name, properties, { uuid: row.id, ...happened(row) });
    },
  );
}

/** Parses Retry-After (seconds or an HTTP date) into ms, at most a day. */
function retryAfter(response: Response): number | undefined {
  const value = response.headers.get('retry-after')?.trim();
  if (!value) return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 86_400_000) : undefined;
}

/**
 * The store's endpoint: POSTs `{"sentAt", "dropped"?, "events": [{id, name, cancelled, detail}]}` as
 * text/plain (a CORS "simple" request: no preflight; the body is JSON all the same), with keepalive while
 * it fits; at pagehide by `navigator.sendBeacon`. 2xx acknowledges the batch; anything else is retried.
 */
export function endpoint(url: string, label: string, options: { events?: string[]; batch?: number; wait?: number } = {}): Destination {
  return {
    key: `endpoint ${url}`,
    label,
    durable: true,
    ...options,
    ready: () => true,
    async send(_rows, body) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          body,
          keepalive: bytes(body) <= BODY_LIMIT,
          signal: typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(REQUEST_TIMEOUT) : undefined,
        });
      } catch (error) {
        // Ended by its timeout, it was cancelled; failed otherwise (a network error), it may be on its way all the same.
        const message = `${label}: ${describe(error)}`;
        throw (error as Error)?.name === 'TimeoutError' ? new SendError(message) : new NoAnswer(message);
      }
      if (response.ok) return;
      const status = response.status;
      const temporary = status === 408 || status === 425 || status === 429 || status >= 500;
      throw new SendError(`${label} answered ${status}`, !temporary, retryAfter(response));
    },
    beacon: (body) => navigator.sendBeacon(url, body),
  };
}
