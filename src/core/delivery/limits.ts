/**
 * The outbox's limits (at most `maxEvents` rows for at most `maxAge`, the oldest dropped first, counted
 * and warned about once per page) and a request body's (≤ `BODY_LIMIT` bytes, for keepalive and beacons).
 */
import { formatDuration, warn } from '../config.js';
import type { OutboxRow } from '../storage.js';
import { settings } from './defaults.js';
import { warned } from './state.js';

/** The largest body for a keepalive fetch or a beacon (browsers allow 64 KiB in flight per page). */
export const BODY_LIMIT = 60_000;

export const bytes = (text: string) => new TextEncoder().encode(text).length;

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

/** Splits the outbox (oldest first) into the rows within the limits and those over them. */
export function overLimits(all: OutboxRow[], now: number): { keep: OutboxRow[]; drop: OutboxRow[] } {
  const over = all.length - settings.maxEvents;
  const old = (row: OutboxRow, i: number) => i < over || row.createdAt < now - settings.maxAge;
  return { keep: all.filter((row, i) => !old(row, i)), drop: all.filter(old) };
}

/** Says once per page that the limits dropped events (`total`: on this device so far). */
export function warnDropped(dropped: number, total: number): void {
  if (warned.has('')) return;
  warned.add('');
  warn(
    `the event outbox is over its limit (${settings.maxEvents} events, ${formatDuration(settings.maxAge)}): dropped the ${dropped} oldest; ${total} dropped on this device so far.`,
  );
}
