import { expect } from '@open-wc/testing';
import { randomFloat, randomInt, weightedIndex } from '../../src/core/random.js';

/** Chi-square statistic of observed counts against expected probabilities. */
function chiSquare(observed: number[], probabilities: number[], draws: number): number {
  return observed.reduce((sum, count, i) => {
    const expected = probabilities[i] * draws;
    return sum + (count - expected) ** 2 / expected;
  }, 0);
}

// Critical values of chi-square at p = 0.001 by degrees of freedom: a correct generator fails 1 run in 1,000.
const CRITICAL_0_001: Record<number, number> = { 1: 10.83, 2: 13.82, 3: 16.27, 4: 18.47, 5: 20.52, 6: 22.46, 7: 24.32, 9: 27.88 };

describe('random', () => {
  it('weightedIndex matches its weights (chi-square over 60,000 draws)', () => {
    const weights = [50, 25, 12.5, 7.5, 4, 1];
    const total = weights.reduce((a, b) => a + b, 0);
    const draws = 60_000;
    const observed = weights.map(() => 0);
    for (let i = 0; i < draws; i++) observed[weightedIndex(weights)] += 1;
    const statistic = chiSquare(
      observed,
      weights.map((w) => w / total),
      draws,
    );
    expect(statistic).to.be.below(CRITICAL_0_001[weights.length - 1]);
  });

  it('weightedIndex never picks a zero weight', () => {
    for (let i = 0; i < 5000; i++) expect(weightedIndex([0, 1, 0, 3, 0])).to.be.oneOf([1, 3]);
  });

  it('weightedIndex refuses negative, infinite or all-zero weights', () => {
    expect(() => weightedIndex([1, -1])).to.throw(RangeError);
    expect(() => weightedIndex([1, Infinity])).to.throw(RangeError);
    expect(() => weightedIndex([0, 0])).to.throw(RangeError);
    expect(() => weightedIndex([Number.MAX_VALUE, Number.MAX_VALUE])).to.throw(RangeError);
    expect(() => weightedIndex([NaN])).to.throw(RangeError);
  });

  it('randomInt is uniform where modulo would be biased (n = 3·2^30)', () => {
    // With n = 3·2^30, `uint32 % n` would pick [0, 2^30) twice as often as the rest.
    const n = 3 * 2 ** 30;
    const draws = 30_000;
    const thirds = [0, 0, 0];
    for (let i = 0; i < draws; i++) thirds[Math.floor(randomInt(n) / 2 ** 30)] += 1;
    expect(chiSquare(thirds, [1 / 3, 1 / 3, 1 / 3], draws)).to.be.below(CRITICAL_0_001[2]);
  });

  it('randomFloat stays in [0, 1)', () => {
    for (let i = 0; i < 10_000; i++) {
      const value = randomFloat();
      expect(value).to.be.at.least(0).and.below(1);
    }
  });
});
