import type { CustomerHistory } from './histories.js';
import type { ClvToCac, HistoricClv } from './types.js';
import { isLapsed } from './lapse.js';

/** Days in a year, on average over the Gregorian calendar's leap years. */
export const DAYS_PER_YEAR = 365.25;

/**
 * Historic CLV two ways (formulas in `HistoricClv`): revenue per customer, and AOV × (1 + F × L) with
 * F the repeat orders per active customer-year and L the lifespan estimated from lapsed customers.
 */
export function historicClv(
  customers: readonly CustomerHistory[],
  totals: { orders: number; revenue: number },
  asOfDay: number,
  lapseDays: number,
): HistoricClv {
  let exposureDays = 0;
  let lapsed = 0;
  for (const history of customers) {
    const first = history.days[0];
    if (isLapsed(history, asOfDay, lapseDays)) {
      lapsed++;
      exposureDays += history.days[history.days.length - 1] - first;
    } else {
      exposureDays += asOfDay - first;
    }
  }
  const customerYears = exposureDays / DAYS_PER_YEAR;
  const repeatOrders = totals.orders - customers.length;
  const aov = totals.revenue / totals.orders;
  return {
    revenuePerCustomer: totals.revenue / customers.length,
    aovFrequencyLifespan: lapsed === 0 ? null : aov * (1 + repeatOrders / lapsed),
    repeatOrdersPerYear: customerYears === 0 ? null : repeatOrders / customerYears,
    lifespanYears: lapsed === 0 ? null : customerYears / lapsed,
    customerYears,
  };
}

/** CLV : CAC for one currency; `null` without a positive CAC. */
export function clvToCac(clv: HistoricClv, cac: number | undefined): ClvToCac | null {
  if (cac === undefined || !(cac > 0)) return null;
  return {
    cac,
    ratio: clv.revenuePerCustomer / cac,
    projectedRatio: clv.aovFrequencyLifespan === null ? null : clv.aovFrequencyLifespan / cac,
  };
}
