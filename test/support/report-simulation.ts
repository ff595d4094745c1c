/**
 * Seeded random draws and simulated customers for the report's model tests: the same seed gives the
 * same customers in every engine, so a test's outcome never depends on luck.
 */
import type { BgNbdParameters, GammaGammaParameters } from '../../src/report/metrics/types.js';
import type { PurchaseSummary } from '../../src/report/metrics/bgnbd.js';
import type { SpendSummary } from '../../src/report/metrics/gamma-gamma.js';

export type Random = () => number;

/** mulberry32: a small, well-mixed 32-bit generator; floats in (0, 1). */
export function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 2 ** 32;
  };
}

function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(random())) * Math.cos(2 * Math.PI * random());
}

/** Gamma(shape, rate) by Marsaglia & Tsang (2000), with the shape < 1 boost. */
export function gamma(random: Random, shape: number, rate: number): number {
  if (shape < 1) return gamma(random, shape + 1, rate) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal(random);
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    if (Math.log(random()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

export function beta(random: Random, a: number, b: number): number {
  const x = gamma(random, a, 1);
  return x / (x + gamma(random, b, 1));
}

/** One BG/NBD customer's purchase times after the first (at 0), up to T: rate λ, drop-out p after each repeat purchase. */
export function purchaseTimes(random: Random, { r, alpha, a, b }: BgNbdParameters, T: number): number[] {
  const lambda = gamma(random, r, alpha);
  const p = beta(random, a, b);
  const times: number[] = [];
  let t = 0;
  for (;;) {
    t += -Math.log(random()) / lambda;
    if (t > T) return times;
    times.push(t);
    if (random() < p) return times;
  }
}

/** Customers of a BG/NBD with the given parameters, each observed for a T drawn uniformly from [minT, maxT]. */
export function simulatePurchases(
  random: Random,
  params: BgNbdParameters,
  customers: number,
  minT: number,
  maxT: number,
): PurchaseSummary[] {
  return Array.from({ length: customers }, () => {
    const T = minT + (maxT - minT) * random();
    const times = purchaseTimes(random, params, T);
    return { x: times.length, tx: times.length ? times[times.length - 1] : 0, T };
  });
}

/** Gamma-Gamma customers: ν ~ Gamma(q, γ), each of their x purchases worth Gamma(p, ν); x from 1 to maxX. */
export function simulateSpends(
  random: Random,
  { p, q, gamma: scale }: GammaGammaParameters,
  customers: number,
  maxX: number,
): SpendSummary[] {
  return Array.from({ length: customers }, () => {
    const x = 1 + Math.floor(random() * maxX);
    const nu = gamma(random, q, scale);
    let total = 0;
    for (let i = 0; i < x; i++) total += gamma(random, p, nu);
    return { x, mean: total / x };
  });
}
