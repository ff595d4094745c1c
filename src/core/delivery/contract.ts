/**
 * The destination contract: what a destination is (the built-in ones are in destinations.ts, loaded
 * only by `<retain-forward>`), how it says it failed, and the function destination of `retainkit.forward`.
 */
import type { KitEventRecord } from '../events.js';
import type { OutboxRow } from '../storage.js';

export type Forwarder = (event: KitEventRecord) => void | Promise<void>;
export interface ForwardOptions {
  /** Event names to forward (`retain-spin-*` matches a prefix); all when absent. */
  events?: string[];
  /**
   * Names the forwarder. Events it failed to take (it threw or its promise rejected) stay in the outbox
   * and are retried by the forwarder of the same name, in this tab or a later one. Unnamed forwarders are
   * named by the order of their `forward` calls on the page.
   */
  name?: string;
}
export type DeliveryState = 'queued' | 'sent' | 'acknowledged';
export type DeliveryListener = (id: string, state: DeliveryState, destination: string) => void;

export interface Destination {
  /** The same destination has the same key in every tab and visit: its acknowledgements are kept by it. */
  key: string;
  /** Names it in warnings. */
  label: string;
  /** Event names it takes (`retain-spin-*` matches a prefix); all when absent. */
  events?: string[];
  /** True for endpoints: every event goes through the outbox, sent in batches by one tab. */
  durable?: boolean;
  /** Most events per request (default `BATCH`). */
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

/** A request that failed with no answer (a network error): unlike an answer or a timeout, it may have arrived all the same. */
export class NoAnswer extends SendError {}

export function matches(events: string[] | undefined, name: string): boolean {
  return !events || events.some((e) => (e.endsWith('*') ? name.startsWith(e.slice(0, -1)) : e === name));
}

/** A filter from HTML or JS: names separated by spaces or commas; `retain_spin_ended` means `retain-spin-ended`. */
export function parseEvents(raw: string | string[] | null | undefined): string[] | undefined {
  const names = (Array.isArray(raw) ? raw : (raw ?? '').split(/[\s,]+/)).filter(Boolean).map((n) => n.replace(/_/g, '-'));
  return names.length ? names : undefined;
}

export function toRecord(row: OutboxRow): KitEventRecord {
  return { name: row.name, detail: row.detail, cancelled: !!row.cancelled };
}

export const describe = (error: unknown) => String((error as Error)?.message ?? error);

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
        throw new SendError(`retainkit.forward() failed: ${describe(error)}`, true, undefined, done);
      }
    },
  };
}
