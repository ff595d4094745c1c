/**
 * Honest odds: every prize with its odds under the wheel unless the store explicitly hides them
 * (`hide-odds`), and wedges sized by the odds on request (`wedges="weighted"`), with the wheel landing
 * inside the wedge drawn for the slice won.
 */
import { expect, html } from '@open-wc/testing';
import { LANDING_MARGIN } from '../../src/spin-wheel/landing.js';
import { mod } from '../../src/spin-wheel/rotation.js';
import '../../src/spin-wheel/spin-wheel.js';
import type { RetainSpinWheel } from '../../src/spin-wheel/spin-wheel.js';
import { isReady, rotationOf, shadow, spin, wheel } from '../support/spin-wheel.js';
import { testSetup } from '../support/test-setup.js';
import { waitUntil } from '../support/wait.js';

const WEIGHTS = [1, 5, 2, 12];
const SLICES = html`
  <retain-slice weight="1" code="TEN">10% off</retain-slice>
  <retain-slice weight="5" type="shipping" code="SHIP">Free shipping</retain-slice>
  <retain-slice weight="2" type="gift" code="GIFT">A gift</retain-slice>
  <retain-slice weight="12" type="none">Next time</retain-slice>
`;

/** The wedges as drawn, read back from the slices' SVG paths: [start, end) in degrees clockwise from 12 o'clock. */
function drawnWedges(el: RetainSpinWheel): { start: number; end: number }[] {
  const angle = (x: number, y: number) => mod((Math.atan2(x, -y) * 180) / Math.PI, 360);
  return [...el.shadowRoot!.querySelectorAll('[part~=wheel] path')].map((path) => {
    const [x1, y1, , , , , , x2, y2] = path
      .getAttribute('d')!
      .match(/-?\d+(\.\d+)?/g)!
      .slice(2)
      .map(Number);
    const start = angle(x1, y1);
    const span = mod(angle(x2, y2) - start, 360) || 360;
    return { start, end: start + span };
  });
}

/** What the prize list shows, one line per prize. */
const listed = (el: RetainSpinWheel) =>
  [...shadow(el, '[part~=prizes]')!.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());

const isShown = (element: HTMLElement) => element.getBoundingClientRect().height > 10 && !element.classList.contains('sr');

describe('retain-spin-wheel odds', () => {
  const kit = testSetup();

  describe('shown by default', () => {
    it('lists every prize with its odds under the wheel, without any attribute', async () => {
      const el = await wheel(html`<retain-spin-wheel>${SLICES}</retain-spin-wheel>`);
      const list = shadow(el, '[part~=prizes]')!;
      expect(isShown(list), 'the odds are not visible').to.equal(true);
      expect(list.getBoundingClientRect().top).to.be.at.least(shadow(el, '[part~=stage]')!.getBoundingClientRect().bottom);
      expect(listed(el)).to.deep.equal(['10% off 5% chance', 'Free shipping 25% chance', 'A gift 10% chance', 'Next time 60% chance']);
      await expect(el).to.be.accessible();
    });

    it('in the shopper’s language and number format', async () => {
      const el = await wheel(html`<retain-spin-wheel lang="ru">${SLICES}</retain-spin-wheel>`);
      const percent = (p: number) => new Intl.NumberFormat('ru', { style: 'percent' }).format(p).replace(/\s/g, ' ');
      expect(listed(el)[1]).to.equal(`Free shipping шанс ${percent(0.25)}`);
    });

    it('hide-odds hides them from sight, not from screen readers', async () => {
      const el = await wheel(html`<retain-spin-wheel hide-odds>${SLICES}</retain-spin-wheel>`);
      const list = shadow(el, '[part~=prizes]')!;
      expect(list.classList.contains('sr')).to.equal(true);
      expect(list.getBoundingClientRect().height).to.be.at.most(1);
      expect(listed(el)[3]).to.equal('Next time 60% chance');
    });

    it('show-odds, from pages written before, still shows them, without a warning', async () => {
      const el = await wheel(html`<retain-spin-wheel show-odds>${SLICES}</retain-spin-wheel>`);
      expect(isShown(shadow(el, '[part~=prizes]')!)).to.equal(true);
    });
  });

  describe('wedges', () => {
    it('are equal by default, whatever the odds', async () => {
      const el = await wheel(html`<retain-spin-wheel>${SLICES}</retain-spin-wheel>`);
      for (const [i, wedge] of drawnWedges(el).entries()) {
        expect(wedge.start).to.be.closeTo(90 * i, 0.01);
        expect(wedge.end - wedge.start).to.be.closeTo(90, 0.01);
      }
    });

    it('wedges="weighted" sizes each wedge by its odds, and lays its label along its middle', async () => {
      const el = await wheel(html`<retain-spin-wheel wedges="weighted">${SLICES}</retain-spin-wheel>`);
      const total = WEIGHTS.reduce((a, b) => a + b, 0);
      const drawn = drawnWedges(el);
      let start = 0;
      for (const [i, wedge] of drawn.entries()) {
        const span = (360 * WEIGHTS[i]) / total;
        expect(wedge.start, `slice ${i + 1} starts`).to.be.closeTo(start, 0.01);
        expect(wedge.end - wedge.start, `slice ${i + 1} spans`).to.be.closeTo(span, 0.01);
        start += span;
      }
      const labels = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~=label]')];
      for (const [i, label] of labels.entries()) {
        const along = parseFloat(getComputedStyle(label).getPropertyValue('--_a'));
        expect(along + 90, `label ${i + 1}`).to.be.closeTo((drawn[i].start + drawn[i].end) / 2, 0.01);
      }
      // At rest the pointer shows the middle of the first wedge.
      expect(mod(-rotationOf(el), 360)).to.be.closeTo((drawn[0].start + drawn[0].end) / 2, 0.01);
    });

    it('weighted: lands inside the wedge drawn for the slice won, clear of its borders, for every slice', async function () {
      this.timeout(60_000);
      const key = `odds-${Math.random()}`;
      const el = await wheel(
        html`<retain-spin-wheel wedges="weighted" cooldown="0" duration="40ms" outcome-src=${`/test-api/spin-outcome?slice=0&key=${key}`}
          >${SLICES}</retain-spin-wheel
        >`,
      );
      const drawn = drawnWedges(el);
      for (let round = 0; round < 3; round++) {
        for (let slice = 0; slice < WEIGHTS.length; slice++) {
          el.setAttribute('outcome-src', `/test-api/spin-outcome?slice=${slice}&key=${key}`);
          await el.updateComplete;
          expect((await spin(el)).slice).to.equal(slice);
          const pointer = mod(-rotationOf(el), 360);
          const { start, end } = drawn[slice];
          const margin = (end - start) * LANDING_MARGIN - 1e-6;
          expect(pointer, `slice ${slice} drawn from ${start} to ${end}`).to.be.within(start + margin, end - margin);
          await waitUntil(() => isReady(el));
        }
      }
    });

    it('a bad wedges value: one warning, equal wedges', async () => {
      const el = await wheel(html`<retain-spin-wheel wedges="by-odds">${SLICES}</retain-spin-wheel>`);
      const warnings = kit.warnings.take();
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('wedges="by-odds" is not one of equal, weighted; using "equal" instead');
      expect(drawnWedges(el)[3].end - drawnWedges(el)[3].start).to.be.closeTo(90, 0.01);
    });
  });
});
