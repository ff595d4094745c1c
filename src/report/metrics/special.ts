/** Special functions for the CLV models: log-gamma and the Gauss hypergeometric function. */

// Lanczos approximation, g = 7, n = 9 (Numerical Recipes' coefficients as tabulated by Paul Godfrey):
// relative error below 1e-15 for positive arguments.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (reflection for x < 0.5). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * ln ₂F₁(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1, by its power series Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ.
 * The terms are all positive here (a, b, c > 0), so the sum is kept scaled to avoid overflow when they grow large
 * before they shrink (large a and b with z near 1).
 */
export function logHypergeometric2F1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) throw new RangeError(`₂F₁ needs 0 ≤ z < 1, got ${z}`);
  let logScale = 0;
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 1_000_000; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    // Stop once the terms shrink and the rest is below rounding. The ratio of terms tends to z, so the
    // rest is bounded by a geometric series of ratio max(ratio, z) from here on.
    const bound = Math.max(ratio, z);
    if (bound < 1 && (term * bound) / (1 - bound) < sum * 1e-17) return logScale + Math.log(sum);
    if (sum > 1e280) {
      logScale += Math.log(sum);
      term /= sum;
      sum = 1;
    }
  }
  throw new RangeError(`₂F₁(${a}, ${b}; ${c}; ${z}) did not converge`);
}

/** ln(eᵃ + eᵇ) without overflow. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}
