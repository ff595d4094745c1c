/**
 * Where forwarded events go, and in what shape: Google Tag Manager's `dataLayer` and `gtag` (GA4 names
 * and flat parameters), Shopify's customer events (`Shopify.analytics.publish`, the same names and
 * parameters), Segment's `analytics.track`, the store's endpoint (JSON batches).
 * The delivery path (`delivery.ts`, which defines the `Destination` contract and the function destination of
 * `retainkit.forward`) decides when; a destination only knows how. Only `<retain-forward>` loads this file.
 */
import { BODY_LIMIT, bytes, describe, SendError, type Destination } from './delivery.js';
import type { OutboxRow } from './storage.js';

const snake = (text: string) =>
  text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/\W/g, '_')
    .toLowerCase();

/** GA4's shape: `retain_spin_end`, with flat snake_case parameters (`counters_seen`), `event_id` for the id. */
export function ga4(row: OutboxRow): [name: string, params: Record<string, unknown>] {
  const params: Record<string, unknown> = { event_id: row.id };
  const flatten = (value: Record<string, unknown>, prefix: string) => {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'id' && !prefix) continue;
      const name = prefix + snake(key);
      if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v as Record<string, unknown>, `${name}_`);
      else params[name] = Array.isArray(v) ? v.join(',') : v;
    }
  };
  flatten(row.detail, '');
  if (row.cancelled) params.cancelled = true;
  return [snake(row.name), params];
}

type Page = typeof globalThis & {
  dataLayer?: { push(entry: unknown): unknown };
  gtag?: (...args: unknown[]) => void;
  analytics?: { track?(name: string, properties: unknown, options: unknown): unknown };
  Shopify?: { analytics?: { publish?(name: string, data: unknown): unknown } };
};
// globalThis, not window: a server (Node) may import this module with the package's entries.
const page = globalThis as Page;

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

export function dataLayer(label: string, events?: string[]): Destination {
  // GTM's data model keeps every key ever pushed: unset the previous event's parameters that this one lacks.
  const pushed = new Set<string>();
  return inPage(
    'datalayer',
    label,
    events,
    () => typeof page.dataLayer?.push === 'function',
    (row) => {
      const [event, params] = ga4(row);
      const entry: Record<string, unknown> = {};
      for (const key of pushed) entry[key] = undefined;
      for (const key in params) pushed.add(key);
      page.dataLayer!.push({ ...entry, ...params, event });
    },
  );
}

export const gtag = (label: string, events?: string[]): Destination =>
  inPage(
    'gtag',
    label,
    events,
    () => typeof page.gtag === 'function',
    (row) => page.gtag!('event', ...ga4(row)),
  );

/**
 * Shopify's customer events: `Shopify.analytics.publish('retain_spin_end', params)`, GA4 names and flat
 * parameters as for the dataLayer. The store's custom pixels and app pixels receive each as a custom
 * event (`analytics.subscribe('retain_spin_end', …)` or `all_custom_events`), its params in `customData`.
 */
export const shopify = (label: string, events?: string[]): Destination =>
  inPage(
    'shopify',
    label,
    events,
    () => typeof page.Shopify?.analytics?.publish === 'function',
    (row) => page.Shopify!.analytics!.publish!(...ga4(row)),
  );

/** Segment: the kit's event name, the detail as properties, the event id as `messageId` (Segment dedupes by it). */
export const segment = (label: string, events?: string[]): Destination =>
  inPage(
    'segment',
    label,
    events,
    () => typeof page.analytics?.track === 'function',
    (row) => page.analytics!.track!(row.name, { ...row.detail, ...(row.cancelled && { cancelled: true }) }, { messageId: row.id }),
  );

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
          signal: typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(15_000) : undefined,
        });
      } catch (error) {
        throw new SendError(`${label}: ${describe(error)}`);
      }
      if (response.ok) return;
      const status = response.status;
      const temporary = status === 408 || status === 425 || status === 429 || status >= 500;
      throw new SendError(`${label} answered ${status}`, !temporary, retryAfter(response));
    },
    beacon: (body) => navigator.sendBeacon(url, body),
  };
}
