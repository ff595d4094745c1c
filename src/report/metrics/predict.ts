/**
 * Predicted CLV: BG/NBD for how many orders each customer will place in the horizon, Gamma-Gamma for
 * what each will be worth; shown only when the data can carry the models.
 */
import type { CustomerHistory } from './histories.js';
import { MILLI } from './histories.js';
import type { PredictedClv } from './types.js';
import { expectedPurchases, fitBgNbd, probabilityAlive, purchaseData, type PurchaseSummary } from './bgnbd.js';
import { expectedSpend, fitGammaGamma, type SpendSummary } from './gamma-gamma.js';

/** At least this many customers… */
export const MIN_CUSTOMERS = 500;
/** …this many days from the first order to asOf… */
export const MIN_HISTORY_DAYS = 180;
/** …and this many customers who ordered on 3 or more different days (the models learn repeat behaviour from them). */
export const MIN_FREQUENT_CUSTOMERS = 20;
/** Customers with this many order days count as frequent. */
const FREQUENT_DAYS = 3;

interface CustomerSummary {
  purchases: PurchaseSummary;
  /** Mean value of the repeat order days (orders of one day summed); 0 without repeats. */
  repeatMean: number;
}

/**
 * One customer's model inputs, in days: orders of one calendar day are one purchase (their totals
 * summed), x = order days − 1, tₓ = last order day − first, T = asOf day − first, and m̄ = the mean
 * value of the order days after the first (the first purchase is left out of spend, as in FHL 2005).
 */
export function summarize(history: CustomerHistory, asOfDay: number): CustomerSummary {
  const dayTotals: number[] = [];
  let previous = NaN;
  history.days.forEach((day, i) => {
    if (day === previous) dayTotals[dayTotals.length - 1] += history.totals[i];
    else dayTotals.push(history.totals[i]);
    previous = day;
  });
  const first = history.days[0];
  const x = dayTotals.length - 1;
  const repeatMilli = dayTotals.slice(1).reduce((sum, total) => sum + total, 0);
  return {
    purchases: { x, tx: history.days[history.days.length - 1] - first, T: asOfDay - first },
    repeatMean: x === 0 ? 0 : repeatMilli / x / MILLI,
  };
}

export function predictClv(customers: readonly CustomerHistory[], asOfDay: number, horizonDays: number): PredictedClv {
  if (customers.length < MIN_CUSTOMERS)
    return { shown: false, reason: 'too-few-customers', needed: MIN_CUSTOMERS, found: customers.length };
  const summaries = customers.map((history) => summarize(history, asOfDay));
  // A loop, not Math.max(...spread): engines cap the number of arguments well below 100,000.
  let history = 0;
  for (const summary of summaries) history = Math.max(history, summary.purchases.T);
  if (history < MIN_HISTORY_DAYS) return { shown: false, reason: 'too-short-history', needed: MIN_HISTORY_DAYS, found: history };
  const frequent = summaries.filter((summary) => summary.purchases.x + 1 >= FREQUENT_DAYS).length;
  if (frequent < MIN_FREQUENT_CUSTOMERS) {
    return { shown: false, reason: 'too-few-frequent-customers', needed: MIN_FREQUENT_CUSTOMERS, found: frequent };
  }

  const purchases = fitBgNbd(purchaseData(summaries.map((summary) => summary.purchases)));
  if (!purchases.converged) return { shown: false, reason: 'purchase-fit-failed', needed: 0, found: 0 };
  // Free repeat orders (a mean of 0) have no place in a gamma distribution of spend.
  const spends: SpendSummary[] = summaries
    .filter((summary) => summary.purchases.x > 0 && summary.repeatMean > 0)
    .map((summary) => ({ x: summary.purchases.x, mean: summary.repeatMean }));
  const spend = fitGammaGamma(spends);
  if (!spend.converged) return { shown: false, reason: 'spend-fit-failed', needed: 0, found: 0 };

  let expectedOrders = 0;
  let expectedRevenue = 0;
  let alive = 0;
  for (const summary of summaries) {
    const orders = expectedPurchases(purchases.params, horizonDays, summary.purchases);
    expectedOrders += orders;
    expectedRevenue += orders * expectedSpend(spend.params, summary.purchases.x, summary.repeatMean);
    alive += probabilityAlive(purchases.params, summary.purchases);
  }
  return {
    shown: true,
    horizonDays,
    purchases: { ...purchases.params, logLikelihood: purchases.logLikelihood },
    spend: { ...spend.params, logLikelihood: spend.logLikelihood, customers: spends.length },
    expectedOrders,
    expectedRevenue,
    clvPerCustomer: expectedRevenue / customers.length,
    meanProbabilityAlive: alive / customers.length,
  };
}
