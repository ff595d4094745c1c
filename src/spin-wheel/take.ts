/**
 * A spin taken on the device, as one read-write transaction over the stores it touches (`state`,
 * `counters`): the cooldown claimed (atomic across tabs: of two tabs spinning at once, one takes it), the
 * outcome drawn with its pool code and remembered, and the spin counted. All or nothing: a failure
 * half-way keeps none of it. When the store decides (`outcome-src`), its answer comes over the network,
 * which no transaction may wait for: the claim is one transaction, the store's outcome (`keepWin`) another.
 */
import { cooldownStarted, startCooldownIn } from '../core/cooldowns.js';
import { counted, incrementIn, type CounterChange } from '../core/counters.js';
import { storage } from '../core/storage.js';
import { drawIn, type Win } from './outcome.js';
import type { Slice } from './slices.js';

/** Whose spin, and what it claims. */
export interface SpinOwner {
  /** The wheel's state key (`<key>/spin` the cooldown, `<key>/won` the win). */
  key: string;
  widget: string;
  instance: string;
}

export interface Taken {
  cooldownEnd: number | null;
  /** The outcome drawn here; none when the store decides. */
  win: Win | undefined;
  /** The instance's counts after this spin: `interacted`, and `spun` once there is an outcome. */
  counts: Record<string, number>;
}

/** Announces what a spin's transaction changed, once it is done. */
function announce(key: string, cooldownEnd: number | null, changes: CounterChange[]): Record<string, number> {
  if (cooldownEnd !== null) cooldownStarted(`${key}/spin`, cooldownEnd);
  for (const change of changes) counted(change);
  return Object.fromEntries(changes.map((change) => [change.name, change.count]));
}

/**
 * Takes the spin (a cooldown of `cooldownMs`, none when 0) and, unless the store decides, draws its
 * outcome from `slices`, with a code valid `ttlMs`. Null, and nothing written, when the cooldown was
 * already taken (another tab, or an earlier visit); rejects, and nothing written, when storage fails.
 */
export async function takeSpin(
  owner: SpinOwner,
  cooldownMs: number,
  draw: { slices: Slice[]; ttlMs: number } | null,
): Promise<Taken | null> {
  const { key, widget, instance } = owner;
  const taken = await storage().transact(['state', 'counters'], async (tx) => {
    const cooldownEnd = cooldownMs ? await startCooldownIn(tx, `${key}/spin`, cooldownMs) : null;
    if (cooldownMs && cooldownEnd === null) return null;
    // The draw and the counts touch rows of their own: asked together, not one after another, their requests share
    // rounds (each round's answers are tasks of their own, between the click and the turning).
    const [win, changes] = await Promise.all([
      draw ? drawIn(tx, `${key}/won`, draw.slices, draw.ttlMs) : undefined,
      Promise.all([incrementIn(tx, widget, instance, 'interacted'), ...(draw ? [incrementIn(tx, widget, instance, 'spun')] : [])]),
    ]);
    return { cooldownEnd, win, changes };
  });
  return taken && { cooldownEnd: taken.cooldownEnd, win: taken.win, counts: announce(key, taken.cooldownEnd, taken.changes) };
}

/** The store's outcome of a spin taken by `takeSpin`, remembered and counted together; the new `spun` count. */
export async function keepWin(owner: SpinOwner, win: Win): Promise<number> {
  const change = await storage().transact(['state', 'counters'], async (tx) => {
    await tx.put('state', win, `${owner.key}/won`);
    return incrementIn(tx, owner.widget, owner.instance, 'spun');
  });
  return announce(owner.key, null, [change]).spun;
}
