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

/**
 * One customer's log-likelihood of their mean spend:
 * ln f(m̄ | x) = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px−1) ln m̄ + px ln x − (px+q) ln(γ + x m̄).
 */
export function gammaGammaLogLikelihood({ p, q, gamma }: GammaGammaParameters, spends: readonly SpendSummary[]): number {
  const shared = -logGamma(q) + q * Math.log(gamma);
  // The gamma functions depend on x alone: once per distinct x, not per customer.
  const byX = new Map<number, number>();
  let total = 0;
  for (const { x, mean } of spends) {
    const px = p * x;
    let gammas = byX.get(x);
    if (gammas === undefined) byX.set(x, (gammas = logGamma(px + q) - logGamma(px) + px * Math.log(x)));
    total += shared + gammas + (px - 1) * Math.log(mean) - (px + q) * Math.log(gamma + x * mean);
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
  const toParams = ([p, q, gamma]: number[]): GammaGammaParameters => ({ p: Math.exp(p), q: Math.exp(q), gamma: Math.exp(gamma) });
  const result = minimize(
    (point) => -gammaGammaLogLikelihood(toParams(point), spends) / spends.length,
    [0, Math.log(2), Math.log(average)],
  );
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
