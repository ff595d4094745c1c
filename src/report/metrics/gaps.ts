import type { CustomerHistory } from './histories.js';

/**
 * Calendar days between consecutive orders of the same customer, all customers pooled, ascending.
 * Two orders on the same day are 0 days apart. A customer with n orders gives n − 1 gaps.
 */
export function gapsBetweenOrders(customers: readonly CustomerHistory[]): Int32Array {
  let count = 0;
  for (const { days } of customers) count += days.length - 1;
  const gaps = new Int32Array(count);
  let at = 0;
  for (const { days } of customers) {
    for (let i = 1; i < days.length; i++) gaps[at++] = days[i] - days[i - 1];
  }
  return gaps.sort();
}

/** Median of ascending values: the middle one, or the mean of the two middle ones; `null` when empty. */
export function median(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const middle = n >> 1;
  return n % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Nearest-rank percentile of ascending values: the value at rank ⌈p/100 × n⌉; `null` when empty. */
export function nearestRank(sorted: ArrayLike<number>, percent: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil((percent / 100) * n));
  return sorted[rank - 1];
}
