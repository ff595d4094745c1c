/**
 * The loyalty program as pure arithmetic, with no DOM: points for an amount, tiers, the punch card,
 * as the badge shows them (what changed between two visits is in `changes.ts`). The element parses
 * attributes into a `Program` and asks here.
 */
import { checkNumber } from '../core/config.js';

export interface Tier {
  name: string;
  /** Points from which the tier applies (inclusive). */
  min: number;
}

export interface Reward {
  /** Names the reward in events; defaults to its label. */
  id: string;
  label: string;
  /** Cost in points, > 0. */
  cost: number;
  /** Where redeeming happens (checked by the element), if the store gives one. */
  href?: string;
}

export interface Program {
  /** Points per one major unit of `currency` spent (1 → "1 point per $1"). */
  pointsPerUnit: number;
  /** ISO 4217: only orders in this currency earn points in the local estimate. */
  currency: string;
  /** Sorted by `min`, strictly increasing; may be empty. */
  tiers: Tier[];
  /** A gift on every n-th order; 0 for no punch card. */
  punchEvery: number;
  /** Points for creating an account (shown to guests). */
  signupBonus: number;
  /** Sorted by cost. */
  rewards: Reward[];
}

const digits = new Map<string, number>();

/** Minor units of a currency (USD 2, JPY 0, KWD 3), from Intl; 2 when Intl does not know the code. */
export function minorUnits(currency: string): number {
  let d = digits.get(currency);
  if (d === undefined) {
    try {
      d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      d = 2;
    }
    digits.set(currency, d);
  }
  return d;
}

/**
 * Points earned by spending `total` (major units) of `currency`: the total is first rounded to the
 * currency's minor units (59.899 USD → 59.90), then points are rounded down per order (59.90 × 1 → 59),
 * as programs do ("1 point per whole $1"). Exact where floating point is not (0.29 × 100 → 29).
 */
export function pointsFor(total: number, currency: string, pointsPerUnit: number): number {
  if (!(total > 0) || !(pointsPerUnit > 0)) return 0;
  const scale = 10 ** minorUnits(currency);
  const minor = Math.round(total * scale);
  // The epsilon absorbs binary noise such as 5990 × 0.1 / 100 = 5.989999…; never a real fraction.
  return Math.floor((minor * pointsPerUnit) / scale + 1e-9);
}

/**
 * The least spend of `currency` that earns a point at `pointsPerUnit` below 1, as `pointsFor` counts it: at 0.3 a
 * point per $3.34 ($3.33 earns 0.999), where 1 ÷ 0.3 rounded for display said $3.33.
 */
export function spendPerPoint(currency: string, pointsPerUnit: number): number {
  const scale = 10 ** minorUnits(currency);
  return Math.ceil(((1 - 1e-9) * scale) / pointsPerUnit) / scale;
}

/** Points of the orders recorded on this device that were paid in the program's currency. */
export function estimatePoints(orders: readonly { total: number; currency: string }[], program: Program): number {
  let sum = 0;
  for (const order of orders) {
    if (order.currency === program.currency) sum += pointsFor(order.total, order.currency, program.pointsPerUnit);
  }
  return sum;
}

/** Index of the tier that `points` reach (exactly at a threshold counts), or -1 below the first. */
export function tierIndex(points: number, tiers: readonly Tier[]): number {
  let index = -1;
  for (let i = 0; i < tiers.length; i++) if (points >= tiers[i].min) index = i;
  return index;
}

export interface TierProgress {
  /** Index of the current tier, -1 when none. */
  index: number;
  next: Tier | null;
  /** Points still missing to `next` (0 when there is no next tier). */
  toNext: number;
  /** 0…1 of the way from the current threshold to the next (1 at the top tier). */
  fraction: number;
}

/**
 * Where `points` stand among the tiers. `named` is a tier name the store gave: when it is one of the
 * program's tiers, it is the current tier even if the points alone say otherwise (tiers by spend, say).
 */
export function tierProgress(points: number, tiers: readonly Tier[], named?: string | null): TierProgress {
  const byName = named ? tiers.findIndex((t) => t.name === named) : -1;
  const index = byName >= 0 ? byName : tierIndex(points, tiers);
  const next = tiers[index + 1] ?? null;
  if (!next) return { index, next, toNext: 0, fraction: 1 };
  const base = index >= 0 ? tiers[index].min : 0;
  const toNext = Math.max(0, next.min - points);
  const span = next.min - base;
  return { index, next, toNext, fraction: span > 0 ? Math.min(1, Math.max(0, (points - base) / span)) : 0 };
}

export interface PunchCard {
  /** Orders on the current card: 0 … every-1. */
  done: number;
  every: number;
  /** Orders still needed for the next gift. */
  left: number;
  /** Gifts earned so far (completed cards). */
  gifts: number;
}

/** The punch card after `orders` orders with a gift on every `every`-th. */
export function punchCard(orders: number, every: number): PunchCard {
  const n = Math.max(0, Math.floor(orders));
  const done = n % every;
  return { done, every, left: every - done, gifts: Math.floor(n / every) };
}

/** A number, or a decimal in a text as `checkNumber` reads one (`"500"`); NaN for what `Number` would also take (`true`, `null`, `""`, `0x10`). */
function numberIn(value: unknown): number {
  const n = typeof value === 'string' ? checkNumber(value) : value;
  return typeof n === 'number' ? n : NaN;
}

/**
 * Tiers from `Bronze 0, Silver 500, Gold 2500` (a name, a space, a whole threshold; comma-separated)
 * or JSON `[{"name":"Bronze","min":0}, …]`. Returns a message instead when they are not usable:
 * thresholds must be whole, ≥ 0, and strictly increasing (unsorted or duplicate → refused).
 */
export function parseTiers(text: string): Tier[] | string {
  let tiers: Tier[];
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      return 'is not valid JSON';
    }
    if (!Array.isArray(value)) return 'is not a list of tiers';
    tiers = value.map((t: { name?: unknown; min?: unknown }) => ({
      name: typeof t?.name === 'string' ? t.name.trim() : '',
      min: numberIn(t?.min),
    }));
  } else {
    tiers = trimmed.split(',').map((part) => {
      const match = /^(.*\S)\s+(\S+)$/.exec(part.trim());
      return { name: match?.[1] ?? '', min: match ? numberIn(match[2]) : NaN };
    });
  }
  for (let i = 0; i < tiers.length; i++) {
    const { name, min } = tiers[i];
    if (!name || !Number.isInteger(min) || min < 0) return `has a tier without a name and a whole threshold ≥ 0 (#${i + 1})`;
    if (i > 0 && min === tiers[i - 1].min) return `has the threshold ${min} twice`;
    if (i > 0 && min < tiers[i - 1].min) return 'has thresholds out of increasing order';
  }
  return tiers;
}

/** Rewards from JSON `[{"label":"$5 off","cost":500,"id":"five-off","href":"/redeem/5"}]`, sorted by cost. */
export function parseRewards(value: unknown): Reward[] | string {
  if (!Array.isArray(value)) return 'is not a list of rewards';
  const rewards: Reward[] = [];
  for (const item of value as Record<string, unknown>[]) {
    const label = typeof item?.label === 'string' ? item.label.trim() : '';
    const cost = numberIn(item?.cost);
    if (!label || !(cost > 0)) return 'has a reward without a label and a cost > 0';
    rewards.push({
      id: typeof item.id === 'string' && item.id ? item.id : label,
      label,
      cost,
      ...(typeof item.href === 'string' ? { href: item.href } : {}),
    });
  }
  return rewards.sort((a, b) => a.cost - b.cost);
}

/** What the shopper saw last time, per source kind, in the `state` store. */
export interface Seen {
  points: number;
  /** The tier's name, as shown (in the page's language). */
  tier: string | null;
  /** The tier's place in the program (0 the lowest, -1 none known); absent in what older versions kept. */
  rank?: number;
  gifts: number;
}

/**
 * Whether two visits saw the same tier: the same place in the program, whatever its name (a store names its
 * tiers in the page's language, so "Bronze" and "Бронза" are one tier), else the same name.
 */
export function sameTier(before: Seen, now: Seen): boolean {
  if (before.rank !== undefined && now.rank !== undefined && before.rank >= 0 && now.rank >= 0) return before.rank === now.rank;
  return before.tier === now.tier;
}
