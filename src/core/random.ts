/** Randomness for outcomes that matter (a prize): from `crypto.getRandomValues`, never `Math.random`. */

const UINT32_RANGE = 2 ** 32;

/** A uniformly distributed integer in [0, n), by rejection sampling so that no value is favoured. */
export function randomInt(n: number): number {
  if (!Number.isInteger(n) || n <= 0 || n > UINT32_RANGE) throw new RangeError(`randomInt: bad range ${n}`);
  // Values at or above `limit` would wrap unevenly onto [0, n) (modulo bias): draw again.
  const limit = UINT32_RANGE - (UINT32_RANGE % n);
  const buffer = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buffer);
    if (buffer[0] < limit) return buffer[0] % n;
  }
}

/** A uniformly distributed float in [0, 1) with 53 random bits. */
export function randomFloat(): number {
  const [high, low] = crypto.getRandomValues(new Uint32Array(2));
  return ((high >>> 5) * 2 ** 26 + (low >>> 6)) / 2 ** 53;
}

/**
 * Picks an index with probability weight / total. Weights must be finite and ≥ 0, with a positive total.
 * Exact for any weights: the draw is a 53-bit float scaled to the total, not a modulo.
 */
export function weightedIndex(weights: readonly number[]): number {
  let total = 0;
  for (const weight of weights) {
    if (!Number.isFinite(weight) || weight < 0) throw new RangeError(`weightedIndex: bad weight ${weight}`);
    total += weight;
  }
  if (total <= 0) throw new RangeError('weightedIndex: the weights add up to nothing');
  if (!Number.isFinite(total)) throw new RangeError('weightedIndex: the weights add up to more than a number can hold');
  let point = randomFloat() * total;
  for (let i = 0; i < weights.length; i++) {
    if (point < weights[i]) return i;
    point -= weights[i];
  }
  // Floating-point rounding can leave `point` a hair over the last weight: the last winnable index.
  for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
  return weights.length - 1;
}
