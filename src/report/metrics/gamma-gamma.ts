/**
 * The Gamma-Gamma model of spend per purchase (Fader, Hardie & Lee 2005, "RFM and CLV: using iso-value
 * curves for customer base analysis"; Colombo & Jiang 1999): each purchase's value is Gamma(p, ν), and
 * a customer's ν ~ Gamma(q, γ). Fitted on customers with at least one repeat purchase, from x (repeat
 * purchases) and m̄ (the mean value of those repeat purchases).
 */
import type { GammaGammaParameters } from './types.js';
import { logGamma } from './special.js';
import { minimize } from './nelder-mead.js';

export interface SpendSummary {
  /** Repeat purchases, at least 1. */
  x: number;
  /** Their mean value, above 0. */
  mean: number;
}

/** Spend summaries prepared for the likelihood: each mean's logarithm taken once, x indexed by its distinct values. */
export interface SpendData {
  x: Float64Array;
  mean: Float64Array;
  logMean: Float64Array;
  xIndex: Int32Array;
  distinctX: Float64Array;
}

export function spendData(spends: readonly SpendSummary[]): SpendData {
  const distinctX = Float64Array.from(new Set(spends.map(({ x }) => x))).sort();
  const position = new Map(Array.from(distinctX, (x, i) => [x, i]));
  return {
    x: Float64Array.from(spends, ({ x }) => x),
    mean: Float64Array.from(spends, ({ mean }) => mean),
    logMean: Float64Array.from(spends, ({ mean }) => Math.log(mean)),
    xIndex: Int32Array.from(spends, ({ x }) => position.get(x)!),
    distinctX,
  };
}

/**
 * The log-likelihood of the customers' mean spends, Σ over customers of
 * ln f(m̄ | x) = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px−1) ln m̄ + px ln x − (px+q) ln(γ + x m̄).
 */
export function gammaGammaLogLikelihood({ p, q, gamma }: GammaGammaParameters, data: SpendData): number {
  const shared = -logGamma(q) + q * Math.log(gamma);
  // The gamma functions depend on x alone: once per distinct x, not per customer.
  const byX = Array.from(data.distinctX, (x) => shared + logGamma(p * x + q) - logGamma(p * x) + p * x * Math.log(x));
  let total = 0;
  for (let i = 0; i < data.x.length; i++) {
    const px = p * data.x[i];
    total += byX[data.xIndex[i]] + (px - 1) * data.logMean[i] - (px + q) * Math.log(gamma + data.x[i] * data.mean[i]);
  }
  return total;
}

export interface GammaGammaFit {
  params: GammaGammaParameters;
  logLikelihood: number;
  /** Converged to finite parameters with q > 1 (so the mean spend exists). */
  converged: boolean;
}

/** Maximum likelihood by Nelder–Mead on the logarithms, from p = 1, q = 2, γ = the mean of the means (so E[spend] starts there). */
export function fitGammaGamma(spends: readonly SpendSummary[]): GammaGammaFit {
  const average = spends.reduce((sum, { mean }) => sum + mean, 0) / spends.length;
  const data = spendData(spends);
  const toParams = ([p, q, gamma]: number[]): GammaGammaParameters => ({ p: Math.exp(p), q: Math.exp(q), gamma: Math.exp(gamma) });
  const result = minimize((point) => -gammaGammaLogLikelihood(toParams(point), data) / spends.length, [0, Math.log(2), Math.log(average)]);
  const params = toParams(result.point);
  const finite = result.point.every((value) => Number.isFinite(value) && Math.abs(value) < 25);
  return { params, logLikelihood: -result.value * spends.length, converged: result.converged && finite && params.q > 1 };
}

/**
 * Expected value of the customer's next purchases given their history:
 * E[M | x, m̄] = p (γ + x m̄) / (p x + q − 1), a weighted mean of the population mean pγ/(q−1) and the
 * customer's own m̄ (x = 0 gives the population mean).
 */
export function expectedSpend({ p, q, gamma }: GammaGammaParameters, x: number, mean: number): number {
  return (p * (gamma + x * mean)) / (p * x + q - 1);
}
