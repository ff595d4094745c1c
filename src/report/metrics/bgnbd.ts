/**
 * The BG/NBD model of repeat purchases (Fader, Hardie & Lee 2005, "Counting your customers the easy
 * way"): while alive, a customer buys at rate λ ~ Gamma(r, α); after each purchase they drop out with
 * probability p ~ Beta(a, b). A customer is summarised by x (repeat purchases), tₓ (time of the last
 * purchase after the first) and T (time from the first purchase to the end of observation), in any one
 * time unit (the report uses days; CDNOW's published fit uses weeks).
 */
import type { BgNbdParameters } from './types.js';
import { logAddExp, logGamma, logHypergeometric2F1 } from './special.js';
import { minimize } from './nelder-mead.js';

export interface PurchaseSummary {
  /** Repeat purchases: purchases after the first (at most one a period: same-day orders are one purchase). */
  x: number;
  /** Recency: time of the last purchase, from the first (0 when x = 0). */
  tx: number;
  /** Age: time from the first purchase to the end of observation. */
  T: number;
}

/**
 * Customers with the same (x, tₓ, T) merged, with a weight each; the distinct x and time values are
 * indexed so that a likelihood evaluation takes their gamma functions and logarithms once each (the
 * report's times are whole days, so a store's thousands of customers share a few hundred values).
 */
export interface PurchaseData {
  x: Float64Array;
  weight: Float64Array;
  /** xIndex[i] = index of x[i] in `distinctX`. */
  xIndex: Int32Array;
  distinctX: Float64Array;
  /** tIndex[i] and txIndex[i]: indices of T and tₓ in `distinctTimes`. */
  tIndex: Int32Array;
  txIndex: Int32Array;
  distinctTimes: Float64Array;
  customers: number;
}

export function purchaseData(summaries: readonly PurchaseSummary[]): PurchaseData {
  const groups = new Map<string, { summary: PurchaseSummary; weight: number }>();
  for (const summary of summaries) {
    const key = `${summary.x},${summary.tx},${summary.T}`;
    const group = groups.get(key);
    if (group) group.weight++;
    else groups.set(key, { summary, weight: 1 });
  }
  const rows = [...groups.values()].map(({ summary, weight }) => ({ ...summary, weight }));
  const distinctX = Float64Array.from(new Set(rows.map((row) => row.x))).sort();
  const distinctTimes = Float64Array.from(new Set(rows.flatMap((row) => [row.T, row.tx]))).sort();
  const xPosition = new Map(Array.from(distinctX, (x, i) => [x, i]));
  const timePosition = new Map(Array.from(distinctTimes, (time, i) => [time, i]));
  return {
    x: Float64Array.from(rows, (row) => row.x),
    weight: Float64Array.from(rows, (row) => row.weight),
    xIndex: Int32Array.from(rows, (row) => xPosition.get(row.x)!),
    distinctX,
    tIndex: Int32Array.from(rows, (row) => timePosition.get(row.T)!),
    txIndex: Int32Array.from(rows, (row) => timePosition.get(row.tx)!),
    distinctTimes,
    customers: summaries.length,
  };
}

/**
 * One customer's log-likelihood (FHL 2005, eq. 6), in logs throughout:
 * L = B(a, b+x)/B(a, b) · Γ(r+x) αʳ / (Γ(r) (α+T)^(r+x))
 *   + [x > 0] · B(a+1, b+x−1)/B(a, b) · Γ(r+x) αʳ / (Γ(r) (α+tₓ)^(r+x)),
 * so ln L = ln A + ln(1 + [x > 0] · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)), where
 * ln A = lnΓ(r+x) − lnΓ(r) + r ln α + lnΓ(a+b) + lnΓ(b+x) − lnΓ(b) − lnΓ(a+b+x) − (r+x) ln(α+T)
 * (B(a+1, b+x−1) / B(a, b+x) = a / (b+x−1)).
 */
export function bgNbdLogLikelihood(params: BgNbdParameters, data: PurchaseData): number {
  const { r, alpha, a, b } = params;
  const shared = -logGamma(r) + r * Math.log(alpha) + logGamma(a + b) - logGamma(b);
  const logA = Math.log(a);
  const byX = new Float64Array(data.distinctX.length);
  const dropOut = new Float64Array(data.distinctX.length);
  data.distinctX.forEach((x, i) => {
    byX[i] = shared + logGamma(r + x) + logGamma(b + x) - logGamma(a + b + x);
    dropOut[i] = x > 0 ? logA - Math.log(b + x - 1) : -Infinity;
  });
  const logAlphaPlus = data.distinctTimes.map((time) => Math.log(alpha + time));
  let total = 0;
  for (let i = 0; i < data.x.length; i++) {
    const x = data.x[i];
    const logAlphaT = logAlphaPlus[data.tIndex[i]];
    let value = byX[data.xIndex[i]] - (r + x) * logAlphaT;
    if (x > 0) value += logAddExp(0, dropOut[data.xIndex[i]] + (r + x) * (logAlphaT - logAlphaPlus[data.txIndex[i]]));
    total += data.weight[i] * value;
  }
  return total;
}

export interface BgNbdFit {
  params: BgNbdParameters;
  logLikelihood: number;
  /** Whether the optimizer converged to finite, positive parameters of a sensible size. */
  converged: boolean;
}

/**
 * Maximum likelihood by Nelder–Mead on the parameters' logarithms (so they stay positive), starting
 * from r = a = b = 1 and α with r/α, the mean purchase rate, equal to Σx / ΣT.
 */
export function fitBgNbd(data: PurchaseData): BgNbdFit {
  let repeats = 0;
  let exposure = 0;
  for (let i = 0; i < data.x.length; i++) {
    repeats += data.weight[i] * data.x[i];
    exposure += data.weight[i] * data.distinctTimes[data.tIndex[i]];
  }
  const start = [0, Math.log(Math.max(exposure, 1) / Math.max(repeats, 1)), 0, 0];
  const toParams = ([r, alpha, a, b]: number[]): BgNbdParameters => ({
    r: Math.exp(r),
    alpha: Math.exp(alpha),
    a: Math.exp(a),
    b: Math.exp(b),
  });
  // The mean per customer keeps the objective near 1 whatever the number of customers.
  const result = minimize((point) => -bgNbdLogLikelihood(toParams(point), data) / data.customers, start);
  const params = toParams(result.point);
  return { params, logLikelihood: -result.value * data.customers, converged: result.converged && sensible(result.point) };
}

/** Parameters between e⁻²⁵ and e²⁵: outside, the fit ran off along a ridge rather than finding a maximum. */
function sensible(point: number[]): boolean {
  return point.every((value) => Number.isFinite(value) && Math.abs(value) < 25);
}

/**
 * P(alive | x, tₓ, T) = 1 / (1 + [x > 0] · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x))  (FHL 2005, eq. 11).
 */
export function probabilityAlive(params: BgNbdParameters, { x, tx, T }: PurchaseSummary): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * Expected purchases in the next t, given the customer's history (FHL 2005, eq. 10):
 * E[Y(t) | x, tₓ, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
 *                      / (1 + [x > 0] · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)).
 * The formula has a removable singularity at a = 1; there a is moved by 10⁻⁷, which changes the result
 * far less than the fit's own uncertainty.
 */
export function expectedPurchases(params: BgNbdParameters, t: number, summary: PurchaseSummary): number {
  const { r, alpha, b } = params;
  const a = Math.abs(params.a - 1) < 1e-7 ? 1 + 1e-7 : params.a;
  const { x, T } = summary;
  const z = t / (alpha + T + t);
  const logPower = (r + x) * Math.log1p(-z);
  const bracket = -Math.expm1(logPower + logHypergeometric2F1(r + x, b + x, a + b + x - 1, z));
  return ((a + b + x - 1) / (a - 1)) * bracket * probabilityAlive({ ...params, a }, summary);
}
