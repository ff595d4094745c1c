import { expect } from '@open-wc/testing';
import { LANDING_MARGIN, landingRotation } from '../../src/spin-wheel/landing.js';
import { mod, sliceAt, slicePath, wedgesOf } from '../../src/spin-wheel/rotation.js';

/** How far (in shares of a slice) the pointer is from the nearest border of the slice it points at. */
function clearance(rotation: number, count: number): number {
  const span = 360 / count;
  const within = mod(mod(-rotation, 360), span) / span;
  return Math.min(within, 1 - within);
}

describe('rotation', () => {
  const starts = [0, 17.3, 359.9, -725.5, 123456.789];
  const points = [0, 0.25, 0.5, 0.999999];

  it('lands inside the chosen slice, clear of its borders, for every slice count 2–12', () => {
    for (let count = 2; count <= 12; count++) {
      for (let index = 0; index < count; index++) {
        for (const current of starts) {
          for (const u of points) {
            const to = landingRotation(current, index, count, 5, u);
            expect(sliceAt(to, count), `n=${count} i=${index} from ${current} u=${u}`).to.equal(index);
            expect(clearance(to, count), `n=${count} i=${index} from ${current} u=${u}`).to.be.at.least(LANDING_MARGIN - 1e-9);
          }
        }
      }
    }
  });

  it('always turns forwards by the whole turns asked plus less than one more', () => {
    for (let count = 2; count <= 12; count++) {
      for (const current of starts) {
        for (const turns of [0, 1, 6]) {
          const travel = landingRotation(current, count - 1, count, turns, 0.5) - current;
          expect(travel).to.be.at.least(turns * 360);
          expect(travel).to.be.below((turns + 1) * 360);
        }
      }
    }
  });

  it('spreads the landing point across the middle of the slice (no fixed spot, no near-miss)', () => {
    const count = 6;
    const low = landingRotation(0, 2, count, 0, 0);
    const high = landingRotation(0, 2, count, 0, 0.999999);
    // The two extremes differ by the middle share of a slice: (1 − 2·margin) · 60°.
    expect(Math.abs(low - high)).to.be.closeTo((1 - 2 * LANDING_MARGIN) * 60, 1e-3);
  });

  it('sliceAt reads slices clockwise from the top: turning the wheel back brings later slices under the pointer', () => {
    expect(sliceAt(-1, 4)).to.equal(0);
    expect(sliceAt(-91, 4)).to.equal(1);
    expect(sliceAt(1, 4)).to.equal(3);
    expect(sliceAt(-359.999, 12)).to.equal(11);
  });

  it('draws each slice from the centre along the rim, clockwise', () => {
    // Slice 0 of 4: from 12 o'clock (0,-r) to 3 o'clock (r,0), sweep flag 1.
    expect(slicePath(0, 4, 100)).to.match(/^M0 0L0\.000 -100\.000A100 100 0 0 1 100\.000 -?0\.000Z$/);
    // Two slices: two half discs, the second from 6 o'clock back to 12.
    expect(slicePath(1, 2, 10)).to.match(/^M0 0L0\.000 10\.000A10 10 0 0 1 -?0\.000 -10\.000Z$/);
  });

  describe('wedges sized by odds', () => {
    const weightSets = [
      [1, 1],
      [1, 3],
      [3, 2, 1, 4],
      [1, 100],
      [0.5, 7, 2.25, 12, 1, 1],
    ];

    it('gives each slice its share of the circle, in order, closing it exactly', () => {
      for (const weights of weightSets) {
        const total = weights.reduce((a, b) => a + b, 0);
        const wedges = wedgesOf(weights, true);
        expect(wedges[0].start).to.equal(0);
        expect(wedges.at(-1)!.end).to.equal(360);
        for (const [i, wedge] of wedges.entries()) {
          expect(wedge.end - wedge.start).to.be.closeTo((360 * weights[i]) / total, 1e-9);
          if (i) expect(wedge.start).to.equal(wedges[i - 1].end);
        }
      }
      expect(wedgesOf([1, 100], false)).to.deep.equal([
        { start: 0, end: 180 },
        { start: 180, end: 360 },
      ]);
    });

    it('lands inside the chosen wedge, clear of its borders, however thin or wide', () => {
      for (const weights of weightSets) {
        const wedges = wedgesOf(weights, true);
        for (const [index, { start, end }] of wedges.entries()) {
          for (const current of starts) {
            for (const u of points) {
              const to = landingRotation(current, index, wedges, 3, u);
              const at = `weights ${weights} i=${index} from ${current} u=${u}`;
              expect(sliceAt(to, wedges), at).to.equal(index);
              const pointer = mod(-to, 360);
              expect(Math.min(pointer - start, end - pointer) / (end - start), at).to.be.at.least(LANDING_MARGIN - 1e-9);
            }
          }
        }
      }
    });

    it('draws a wedge wider than half the wheel with the large arc', () => {
      const [small, large] = wedgesOf([1, 3], true);
      expect(slicePath(0, [small, large], 10)).to.match(/A10 10 0 0 1 /);
      expect(slicePath(1, [small, large], 10)).to.match(/^M0 0L10\.000 -?0\.000A10 10 0 1 1 -?0\.000 -10\.000Z$/);
    });
  });
});
