/**
 * The wheel's box on real pages: the spin button is hit wherever it is drawn, whatever angle the wheel
 * rests at.
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import '../src/spin-wheel/spin-wheel.js';
import type { RetainSpinWheel } from '../src/spin-wheel/spin-wheel.js';
import { watchConsole, type ConsoleWatch } from './support/console-guard.js';
import { deleteDatabases, freshDatabase } from './support/database.js';
import { waitUntil } from './support/wait.js';

const shadow = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const spinButton = (el: Element) => shadow<HTMLButtonElement>(el, '[part~=spin-button]')!;

/** Resolves once the wheel has read its state and offers its spin button. */
async function ready(el: RetainSpinWheel): Promise<RetainSpinWheel> {
  el.scrollIntoView({ block: 'nearest' });
  await el.loaded;
  await waitUntil(
    () => shadow<HTMLFormElement>(el, '.actions') && !shadow<HTMLFormElement>(el, '.actions')!.hidden,
    'the wheel is not ready',
  );
  return el;
}

describe('retain-spin-wheel layout', () => {
  let console: ConsoleWatch;

  beforeEach(() => {
    freshDatabase();
    console = watchConsole();
  });
  afterEach(async () => {
    await resetMouse();
    console.stop();
    await deleteDatabases();
  });

  describe('the spin button is hit wherever the wheel rests', () => {
    for (const count of [2, 3, 4, 5, 6, 8, 12]) {
      it(`${count} slices: a real click at the button's centre spins, at rest and after landing on each slice`, async function () {
        this.timeout(60_000);
        const key = `hit-${count}-${Math.random()}`;
        const el = await ready(
          fixtureSync<RetainSpinWheel>(html`
            <retain-spin-wheel cooldown="0" duration="40ms" outcome-src=${`/test-api/spin-outcome?slice=0&key=${key}`}>
              ${Array.from({ length: count }, (_, i) => html`<retain-slice>Prize ${i + 1}</retain-slice>`)}
            </retain-spin-wheel>
          `),
        );
        // The first click at the angle the wheel rests at on arrival, then one after landing on each slice.
        for (let slice = 0; slice < count; slice++) {
          el.setAttribute('outcome-src', `/test-api/spin-outcome?slice=${slice}&key=${key}`);
          await el.updateComplete;
          const button = spinButton(el);
          button.scrollIntoView({ block: 'nearest' });
          const box = button.getBoundingClientRect();
          const x = Math.round(box.left + box.width / 2);
          const y = Math.round(box.top + box.height / 2);
          const hit = el.shadowRoot!.elementFromPoint(x, y);
          const angle = shadow(el, '[part~=wheel]')!.style.transform;
          expect(button.contains(hit), `at ${angle} the point ${x},${y} hits ${hit?.outerHTML.slice(0, 60)}`).to.equal(true);
          let ended = false;
          el.addEventListener('retain-spin-ended', () => (ended = true), { once: true });
          await sendMouse({ type: 'click', position: [x, y] });
          await waitUntil(() => ended, `a click at the button's centre did not spin the wheel resting at ${angle}`);
          expect(el.win?.slice).to.equal(slice);
          await waitUntil(() => !shadow<HTMLFormElement>(el, '.actions')!.hidden, 'the button did not come back');
        }
      });
    }
  });
});
