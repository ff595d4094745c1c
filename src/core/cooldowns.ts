/**
 * Cooldowns (frequency caps: "not again for 30 days"), persisted in the `state` store under
 * `cooldown/<key>`, atomic across tabs, and announced to this tab and the others.
 */
import { broadcast, onBroadcast } from './broadcast.js';
import { storage, type TxStores } from './storage.js';

const COOLDOWN_PREFIX = 'cooldown/';
const COOLDOWN_TOPIC = 'cooldowns';

interface CooldownRow {
  endsAt: number;
  startedAt: number;
}

type CooldownListener = (key: string, endsAt: number | null) => void;
const cooldownListeners = new Set<CooldownListener>();

function endsAtOf(value: unknown): number | null {
  const endsAt = (value as Partial<CooldownRow> | undefined)?.endsAt;
  return typeof endsAt === 'number' && Number.isFinite(endsAt) ? endsAt : null;
}

function notifyCooldown(key: string, endsAt: number | null): void {
  broadcast({ topic: COOLDOWN_TOPIC, key, endsAt });
  for (const listener of [...cooldownListeners]) {
    try {
      listener(key, endsAt);
    } catch (error) {
      console.error('retainkit: a cooldown listener threw', error);
    }
  }
}

/** Epoch ms when the active cooldown of `key` ends; null when none is active. */
export async function cooldownEnds(key: string): Promise<number | null> {
  const endsAt = endsAtOf(await storage().get('state', COOLDOWN_PREFIX + key));
  return endsAt !== null && endsAt > Date.now() ? endsAt : null;
}

/**
 * Starts a cooldown of `ms` for `key` (e.g. `spin-wheel/<instance>/spin`), atomically across tabs:
 * false, and nothing changed, when one is already active. Announced to this tab and the others.
 */
export async function startCooldown(key: string, ms: number): Promise<boolean> {
  const endsAt = await storage().transact(['state'], (tx) => startCooldownIn(tx, key, ms));
  if (endsAt !== null) notifyCooldown(key, endsAt);
  return endsAt !== null;
}

/**
 * `startCooldown` as one step of a caller's transaction over `state` (with what else must change with
 * it, all or nothing): its end, or null, and nothing changed, when one is already active. The caller
 * announces it with `cooldownStarted` once the transaction is done.
 */
export async function startCooldownIn(tx: TxStores, key: string, ms: number): Promise<number | null> {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`retainkit: bad cooldown ${ms}`);
  const storeKey = COOLDOWN_PREFIX + key;
  const now = Date.now();
  const current = endsAtOf(await tx.get('state', storeKey));
  if (current !== null && current > now) return null;
  const row: CooldownRow = { endsAt: now + ms, startedAt: now };
  await tx.put('state', row, storeKey);
  return row.endsAt;
}

/** Announces a cooldown started by `startCooldownIn`, to this tab and the others. */
export const cooldownStarted: (key: string, endsAt: number) => void = notifyCooldown;

/** Ends the cooldown of `key` now (announced when there was one). */
export async function clearCooldown(key: string): Promise<void> {
  const storeKey = COOLDOWN_PREFIX + key;
  const cleared = await storage().transact(['state'], async (tx) => {
    if ((await tx.get('state', storeKey)) === undefined) return false;
    await tx.delete('state', storeKey);
    return true;
  });
  if (cleared) notifyCooldown(key, null);
}

/**
 * Hears cooldowns started or cleared in this tab and in the others (not their natural end: compare
 * `endsAt` with the clock). Returns the function that stops listening.
 */
export function onCooldownChange(listener: (key: string, endsAt: number | null) => void): () => void {
  cooldownListeners.add(listener);
  const stopRemote = onBroadcast(COOLDOWN_TOPIC, (message) => {
    if (typeof message.key === 'string' && (message.endsAt === null || typeof message.endsAt === 'number'))
      listener(message.key, message.endsAt);
  });
  return () => {
    cooldownListeners.delete(listener);
    stopRemote();
  };
}
