import type { CustomerHistory } from './histories.js';
import type { LapseFigures, LapseSource } from './types.js';
import { nearestRank } from './gaps.js';

/** The percentile of the store's gaps between orders that sets the default lapse threshold. */
export const LAPSE_PERCENTILE = 90;
/** The threshold when no customer has ordered twice, so there is no gap to learn from. */
export const LAPSE_DAYS_WITHOUT_GAPS = 365;

/**
 * The default lapse threshold, from the store's own rhythm: 90 % of the gaps between a customer's
 * consecutive orders are this long or shorter, so a customer silent for longer than this is unlikely
 * to be between two orders. The 90th percentile (nearest rank) of the gaps, in whole days, at least 1;
 * 365 days when there are no gaps.
 */
export function defaultLapseDays(sortedGaps: ArrayLike<number>): { days: number; source: LapseSource } {
  const percentile = nearestRank(sortedGaps, LAPSE_PERCENTILE);
  if (percentile === null) return { days: LAPSE_DAYS_WITHOUT_GAPS, source: 'no-gaps' };
  return { days: Math.max(1, Math.ceil(percentile)), source: 'gaps' };
}

/** Whether a customer has lapsed: more than `days` days from their last order's day to asOf's. */
export function isLapsed(history: CustomerHistory, asOfDay: number, days: number): boolean {
  return asOfDay - history.days[history.days.length - 1] > days;
}

export function lapseFigures(
  customers: readonly CustomerHistory[],
  asOfDay: number,
  threshold: { days: number; source: LapseSource },
): LapseFigures {
  let lapsed = 0;
  for (const history of customers) if (isLapsed(history, asOfDay, threshold.days)) lapsed++;
  return { customers: lapsed, rate: lapsed / customers.length, days: threshold.days, source: threshold.source };
}
