/**
 * Where a spin's outcome comes from: a weighted draw with the core's crypto randomness over the slices
 * the merchant listed, or the store's own endpoint (`outcome-src`). Either way the code comes from the
 * store, never from the browser. Nothing here draws or animates.
 */
import { describeElement, warn } from '../core/config.js';
import { randomInt, weightedIndex } from '../core/random.js';
import { readTime } from '../core/read-time.js';
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

/** Whether `slice` has a pool whose every code was handed out on this device (`handed`): it cannot be drawn. */
const usedUp = (slice: Slice, handed: Set<string>) => slice.pool.length > 0 && slice.pool.every((code) => handed.has(code));

/** A spin that cannot be taken: every slice of the wheel is a prize whose pool is used up on this device. */
export class NothingLeft extends Error {}

/** The wheels already told that their pools are used up (one warning each). */
const told = new WeakSet<Element>();

/**
 * Which of `host`'s slices are prizes whose pools are used up on this device (read outside any spin: for the
 * odds shown and whether anything can be won). When none can be won any more, says so once to the store
 * owner.
 */
export async function poolsUsedUp(host: Element, slices: Slice[]): Promise<boolean[]> {
  const handed = new Set(((await storage().get('state', HANDED_OUT)) as string[] | undefined) ?? []);
  const used = slices.map((slice) => usedUp(slice, handed));
  if (used.every(Boolean) && !told.has(host)) {
    told.add(host);
    warn(
      `${describeElement(host)} has handed out every code of its pools (codes) on this device and has no other slice: ` +
        'it says that no prize is left and offers no spin. Add codes, a slice with one code, or a type="none" slice.',
      host,
    );
  }
  return used;
}

/**
 * Draws a slice by weight and, in the same transaction (atomic across tabs), takes a pool code never
 * handed out on this device and remembers the win under `winKey`. A slice whose pool is used up on this
 * device cannot be drawn. Rejects with `NothingLeft` when nothing can be won.
 */
export function drawWin(winKey: string, slices: Slice[], ttlMs: number): Promise<Win> {
  return storage().transact(['state'], (tx) => drawIn(tx, winKey, slices, ttlMs));
}

/** `drawWin` as one step of a caller's transaction over `state` (the spin taken with it, `take.ts`). */
export async function drawIn(tx: TxStores, winKey: string, slices: Slice[], ttlMs: number): Promise<Win> {
  const handed = new Set(((await tx.get('state', HANDED_OUT)) as string[] | undefined) ?? []);
  const free = slices.map((slice) => slice.pool.filter((code) => !handed.has(code)));
  const weights = slices.map((slice) => (usedUp(slice, handed) ? 0 : slice.weight));
  if (!weights.some(Boolean)) throw new NothingLeft('every prize of the wheel has its pool used up on this device');
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
 * `timeoutMs`. `expiresAt` is read as the offer's is (core/read-time.ts: a day alone is its end where the shopper
 * is); one that is no date is replaced by `ttlMs` from now, and handed to `badExpiry`.
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
  const expires = readTime(answer.expiresAt);
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
