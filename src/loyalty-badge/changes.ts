/**
 * What changed between two visits, as pure arithmetic. Only the panel's code (which announces the
 * changes) uses it, so it loads with the panel, not with every badge.
 */
import { sameTier, type Program, type Reward, type Seen } from './program.js';

export type { Seen };

export interface Changes {
  points?: { from: number; to: number; delta: number };
  tier?: { from: string | null; to: string | null; up: boolean };
  /** Rewards whose cost was crossed upwards. */
  unlocked: Reward[];
  /** A punch card was completed. */
  gift: boolean;
}

/** The differences between two visits; nothing when there was no earlier visit. */
export function changesBetween(before: Seen | undefined, now: Seen, program: Program): Changes {
  const changes: Changes = { unlocked: [], gift: false };
  if (!before) return changes;
  if (before.points !== now.points) changes.points = { from: before.points, to: now.points, delta: now.points - before.points };
  if (!sameTier(before, now)) {
    const rank = (seen: Seen) => seen.rank ?? program.tiers.findIndex((t) => t.name === seen.tier);
    changes.tier = { from: before.tier, to: now.tier, up: rank(now) > rank(before) };
  }
  changes.unlocked = program.rewards.filter((r) => before.points < r.cost && r.cost <= now.points);
  changes.gift = now.gifts > before.gifts;
  return changes;
}
