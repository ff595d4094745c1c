/**
 * Where a spin's outcome comes from: a weighted draw with the core's crypto randomness over the slices
 * the merchant listed, or the store's own endpoint (`outcome-src`). Either way the code comes from the
 * store, never from the browser. Nothing here draws or animates.
 */
import { randomInt, weightedIndex } from '../core/random.js';
import { postToStore } from '../core/request.js';
import { storage, type TxStores } from '../core/storage.js';
import type { PrizeType, Slice } from './slices.js';

/** A spin's result as it is remembered (without personal data), to be shown again until it expires. */
export interface Win {
  slice: number;
  label: string;
  type: PrizeType;
  code: string | null;
  /** When the code stops working (ms since the epoch); null without a code. */
  expiresAt: number | null;
  wonAt: number;
}

/** Every pool code handed out on this device, whichever wheel handed it out. */
const HANDED_OUT = 'spin-wheel/codes-handed-out';

/**
 * Draws a slice by weight and, in the same transaction (atomic across tabs), takes a pool code never
 * handed out on this device and remembers the win under `winKey`. A slice whose pool is used up on this
 * device cannot be drawn. Rejects when nothing can be won.
 */
export function drawWin(winKey: string, slices: Slice[], ttlMs: number): Promise<Win> {
  return storage().transact(['state'], (tx) => drawIn(tx, winKey, slices, ttlMs));
}

/** `drawWin` as one step of a caller's transaction over `state` (the spin taken with it, `take.ts`). */
export async function drawIn(tx: TxStores, winKey: string, slices: Slice[], ttlMs: number): Promise<Win> {
  const handed = new Set(((await tx.get('state', HANDED_OUT)) as string[] | undefined) ?? []);
  const free = slices.map((slice) => slice.pool.filter((code) => !handed.has(code)));
  const weights = slices.map((slice, i) => (slice.pool.length && !free[i].length ? 0 : slice.weight));
  const index = weightedIndex(weights);
  const slice = slices[index];
  let code = slice.code;
  if (free[index].length) {
    code = free[index][randomInt(free[index].length)];
    handed.add(code);
    await tx.put('state', [...handed], HANDED_OUT);
  }
  const now = Date.now();
  const win: Win = { slice: index, label: slice.label, type: slice.type, code, expiresAt: code ? now + ttlMs : null, wonAt: now };
  await tx.put('state', win, winKey);
  return win;
}

/** Whether `ms` is a moment a `Date` can hold (an expiry far beyond that makes `toISOString` throw). */
export const isDate = (ms: unknown): ms is number => typeof ms === 'number' && !Number.isNaN(new Date(ms).getTime());

/**
 * Asks the store's endpoint for the outcome: `POST url` with `{ instance, slices: [{ index, name, label,
 * type }] }`; the store answers `{ slice: <index or name>, code, expiresAt? }` (a single-use code; no code
 * for a `none` slice). Rejects on a network error, a non-2xx status, an answer it cannot use, or after
 * `timeoutMs`. An `expiresAt` that is no date is replaced by `ttlMs` from now, and handed to `badExpiry`.
 */
export async function askStore(
  url: string,
  instance: string,
  slices: Slice[],
  timeoutMs: number,
  ttlMs: number,
  badExpiry: (value: unknown) => void = () => undefined,
): Promise<Win> {
  const body = { instance, slices: slices.map(({ name, label, type }, index) => ({ index, name, label, type })) };
  const { ok, status, answer: raw } = await postToStore(url, body, timeoutMs);
  if (!ok) throw new Error(`the store answered ${status}`);
  const answer = (raw ?? {}) as { slice?: unknown; code?: unknown; expiresAt?: unknown };
  const index = typeof answer.slice === 'number' ? answer.slice : slices.findIndex((s) => s.name !== null && s.name === answer.slice);
  const slice = slices[index];
  const code = typeof answer.code === 'string' && /^\S{1,64}$/.test(answer.code) ? answer.code : null;
  if (!slice || (slice.type !== 'none' && !code))
    throw new Error(`the store's answer names no slice with a code: ${JSON.stringify(answer)}`);
  const now = Date.now();
  const expires = typeof answer.expiresAt === 'string' ? Date.parse(answer.expiresAt) : Number(answer.expiresAt);
  if (slice.type !== 'none' && answer.expiresAt != null && !isDate(expires)) badExpiry(answer.expiresAt);
  return {
    slice: index,
    label: slice.label,
    type: slice.type,
    code: slice.type === 'none' ? null : code,
    expiresAt: slice.type === 'none' ? null : isDate(expires) && expires > now ? expires : now + ttlMs,
    wonAt: now,
  };
}
