/**
 * Where forwarded events go, and in what shape: Google Tag Manager's `dataLayer` and `gtag` (GA4 names
 * and flat parameters), Segment's `analytics.track`, the store's endpoint (JSON batches), or a function.
 * The delivery path (`delivery.ts`) decides when; a destination only knows how.
 */
import type { KitEventRecord } from './events.js';
import type { OutboxRow } from './storage.js';

export interface Destination {
  /** The same destination has the same key in every tab and visit: its acknowledgements are kept by it. */
  key: string;
  /** Names it in warnings. */
  label: string;
  /** Event names it takes (`retain-spin-*` matches a prefix); all when absent. */
  events?: string[];
  /** True for endpoints: every event goes through the outbox, sent in batches by one tab. */
  durable?: boolean;
  /** Most events per request. */
  batch?: number;
  /** How long to gather events before a request (ms). */
  wait?: number;
  /** Whether it can take events now (the page's `dataLayer`, `gtag`, `analytics` exist). */
  ready(): boolean;
  /**
   * Delivers `rows` (`body`: their JSON for endpoints). Resolves (or returns) on acknowledgement; throws
   * a `SendError` on failure, whose `done` counts the rows taken before it.
   */
  send(rows: OutboxRow[], body: string): unknown;
  /** Endpoints: hands a body to `navigator.sendBeacon`; true when the browser took it. */
  beacon?(body: string): boolean;
}

export class SendError extends Error {
  constructor(
    message: string,
    /** True when retrying cannot help until someone fixes something (a 4xx, a throwing gtag). */
    readonly bad = false,
    /** From Retry-After, in ms. */
    readonly retryAfter?: number,
    readonly done = 0,
  ) {
    super(message);
  }
}

export function matches(events: string[] | undefined, name: string): boolean {
  return !events || events.some((e) => (e.endsWith('*') ? name.startsWith(e.slice(0, -1)) : e === name));
}

/** A filter from HTML or JS: names separated by spaces or commas; `retain_spin_end` means `retain-spin-end`. */
export function parseEvents(raw: string | string[] | null | undefined): string[] | undefined {
  const names = (Array.isArray(raw) ? raw : (raw ?? '').split(/[\s,]+/)).filter(Boolean).map((n) => n.replace(/_/g, '-'));
  return names.length ? names : undefined;
}

export function toRecord(row: OutboxRow): KitEventRecord {
  return { name: row.name, detail: row.detail, cancelled: !!row.cancelled };
}

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

type Page = Window & {
  dataLayer?: { push(entry: unknown): unknown };
  gtag?: (...args: unknown[]) => void;
  analytics?: { track?(name: string, properties: unknown, options: unknown): unknown };
};
const page = window as Page;

/** Calls `each` per row; a throw becomes a SendError that says how many went before it. */
function eachRow(label: string, each: (row: OutboxRow) => void) {
  return (rows: OutboxRow[]) => {
    rows.forEach((row, done) => {
      try {
        each(row);
      } catch (error) {
        throw new SendError(`${label} threw: ${error instanceof Error ? error.message : String(error)}`, true, undefined, done);
      }
    });
  };
}

export function dataLayer(label: string, events?: string[]): Destination {
  // GTM's data model keeps every key ever pushed: unset the previous event's parameters that this one lacks.
  const pushed = new Set<string>();
  return {
    key: 'datalayer',
    label,
    events,
    ready: () => typeof page.dataLayer?.push === 'function',
    send: eachRow(label, (row) => {
      const [event, params] = ga4(row);
      const entry: Record<string, unknown> = {};
      for (const key of pushed) entry[key] = undefined;
      for (const key in params) pushed.add(key);
      page.dataLayer!.push({ ...entry, ...params, event });
    }),
  };
}

export function gtag(label: string, events?: string[]): Destination {
  return {
    key: 'gtag',
    label,
    events,
    ready: () => typeof page.gtag === 'function',
    send: eachRow(label, (row) => page.gtag!('event', ...ga4(row))),
  };
}

/** Segment: the kit's event name, the detail as properties, the event id as `messageId` (Segment dedupes by it). */
export function segment(label: string, events?: string[]): Destination {
  return {
    key: 'segment',
    label,
    events,
    ready: () => typeof page.analytics?.track === 'function',
    send: eachRow(label, (row) =>
      page.analytics!.track!(row.name, { ...row.detail, ...(row.cancelled && { cancelled: true }) }, { messageId: row.id }),
    ),
  };
}

/** `retainkit.forward(fn)`: the record as the page's listeners see it (without personal fields). */
export function callback(key: string, fn: (record: KitEventRecord) => unknown, events?: string[]): Destination {
  return {
    key,
    label: 'retainkit.forward()',
    events,
    ready: () => true,
    async send(rows) {
      let done = 0;
      try {
        for (const row of rows) {
          await fn(toRecord(row));
          done++;
        }
      } catch (error) {
        throw new SendError(`retainkit.forward() failed: ${error instanceof Error ? error.message : String(error)}`, true, undefined, done);
      }
    },
  };
}

/** The largest body for a keepalive fetch or a beacon (browsers allow 64 KiB in flight per page). */
export const BODY_LIMIT = 60_000;

const bytes = (text: string) => new TextEncoder().encode(text).length;

/** The longest prefix of `rows` (≥ 1 row, ≤ `max`) whose batch body fits `limit` bytes, and its body. */
export function pack(
  rows: OutboxRow[],
  max: number,
  limit = BODY_LIMIT,
  extra: Record<string, unknown> = {},
): { rows: OutboxRow[]; body: string } {
  const head = JSON.stringify({ ...extra, sentAt: Date.now() }).slice(0, -1);
  const parts: string[] = [];
  let size = bytes(head) + 14;
  for (const row of rows.slice(0, max)) {
    const part = JSON.stringify({ id: row.id, name: row.name, cancelled: !!row.cancelled, detail: row.detail });
    size += bytes(part) + 1;
    if (parts.length && size > limit) break;
    parts.push(part);
  }
  return { rows: rows.slice(0, parts.length), body: `${head},"events":[${parts.join(',')}]}` };
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
          signal: typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(15_000) : undefined,
        });
      } catch (error) {
        throw new SendError(`${label}: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (response.ok) return;
      const status = response.status;
      const temporary = status === 408 || status === 425 || status === 429 || status >= 500;
      throw new SendError(`${label} answered ${status}`, !temporary, retryAfter(response));
    },
    beacon: (body) => navigator.sendBeacon(url, body),
  };
}
