/**
 * The wheel's box on real pages: the spin button is hit wherever it is drawn, whatever angle the wheel
 * rests at; on a phone-sized screen (320 px, in an iframe: WebKit's MiniBrowser window cannot be that
 * narrow) nothing is wider than the screen and the popup's result card shows all of itself; under a
 * theme's small root font size (Shopify Dawn's `html { font-size: 62.5% }`) the wheel stays readable.
 */
import { expect, html } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { storage } from '../../src/core/storage.js';
import { startCooldown } from '../../src/core/triggers.js';
import '../../src/spin-wheel/spin-wheel.js';
import type { RetainSpinWheel } from '../../src/spin-wheel/spin-wheel.js';
import { watchConsole, type ConsoleWatch } from '../support/console-guard.js';
import { deleteDatabases, freshDatabase } from '../support/database.js';
import { openFrame, type Frame } from '../support/frame.js';
import { isReady, ready, shadow, spinButton, wheel, wheelIn } from '../support/spin-wheel.js';
import { waitUntil } from '../support/wait.js';

/** The demo's prizes, in each of the kit's languages (the longest labels a store is likely to write). */
const PRIZES: Record<string, string[]> = {
  en: ['10% off', 'Free shipping', 'A sample tin', 'Not this time'],
  ru: ['Скидка 10%', 'Бесплатная доставка', 'Пробник чая', 'В другой раз'],
  uk: ['Знижка 10%', 'Безкоштовна доставка', 'Пробник чаю', 'Наступного разу'],
  hu: ['10% kedvezmény', 'Ingyenes szállítás', 'Kóstolódoboz', 'Majd legközelebb'],
};

const slicesHtml = (lang: string) =>
  PRIZES[lang]
    .map((label, i) =>
      i === 3 ? `<retain-slice type="none">${label}</retain-slice>` : `<retain-slice code="KB-${i}">${label}</retain-slice>`,
    )
    .join('');

const px = (value: string) => parseFloat(value);

describe('retain-spin-wheel layout', () => {
  let db: string;
  let console: ConsoleWatch;
  let page: Frame | undefined;

  beforeEach(() => {
    db = freshDatabase().name;
    console = watchConsole();
  });
  afterEach(async () => {
    page?.close();
    page = undefined;
    await resetMouse();
    console.stop();
    await deleteDatabases();
  });

  describe('the spin button is hit wherever the wheel rests', () => {
    for (const count of [2, 3, 4, 5, 6, 8, 12]) {
      it(`${count} slices: a real click at the button's centre spins, at rest and after landing on each slice`, async function () {
        this.timeout(60_000);
        const key = `hit-${count}-${Math.random()}`;
        const el = await wheel(html`
          <retain-spin-wheel cooldown="0" duration="40ms" outcome-src=${`/test-api/spin-outcome?slice=0&key=${key}`}>
            ${Array.from({ length: count }, (_, i) => html`<retain-slice>Prize ${i + 1}</retain-slice>`)}
          </retain-spin-wheel>
        `);
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
          let landed: number | undefined;
          el.addEventListener('retain-spin-ended', (event) => (landed = event.detail.slice), { once: true });
          await sendMouse({ type: 'click', position: [x, y] });
          await waitUntil(() => landed !== undefined, `a click at the button's centre did not spin the wheel resting at ${angle}`);
          expect(landed).to.equal(slice);
          await waitUntil(() => isReady(el), 'the button did not come back');
        }
      });
    }
  });

  describe('a phone-sized screen, 320 px wide', () => {
    it('the inline wheel fits the screen at rest and after spins: the page never scrolls sideways', async () => {
      page = await openFrame(db, { width: 320, height: 640 });
      const el = await ready(
        await wheelIn(page, `<retain-spin-wheel loading="eager" cooldown="0" duration="40ms">${slicesHtml('en')}</retain-spin-wheel>`),
      );
      const root = page.document.scrollingElement!;
      for (let spin = 0; spin < 3; spin++) {
        expect(
          root.scrollWidth,
          `the page is ${root.scrollWidth} px wide at ${shadow(el, '[part~=wheel]')!.style.transform}`,
        ).to.be.at.most(320);
        for (const part of ['stage', 'spin-button', 'prizes'])
          expect(shadow(el, `[part~=${part}]`)!.getBoundingClientRect().right, part).to.be.at.most(320);
        let ended = false;
        el.addEventListener('retain-spin-ended', () => (ended = true), { once: true });
        spinButton(el).click();
        await waitUntil(() => ended, 'the wheel did not spin');
        await waitUntil(() => isReady(el));
      }
    });

    for (const lang of Object.keys(PRIZES)) {
      it(`the popup's result card shows all of itself, its expiry line included (${lang})`, async () => {
        page = await openFrame(db, { width: 320, height: 640 });
        const instance = `phone-${lang}`;
        // A won code, remembered: the longest countdown ("6 days, 23:59:59") and the longest prize.
        await storage().put(
          'state',
          {
            slice: 1,
            label: PRIZES[lang][1],
            type: 'shipping',
            code: 'KBSHIP-7Q2M',
            expiresAt: Date.now() + 7 * 86_400_000 - 1000,
            wonAt: Date.now(),
          },
          `spin-wheel/${instance}/won`,
        );
        await startCooldown(`spin-wheel/${instance}/spin`, 30 * 86_400_000);
        const el = await wheelIn(
          page,
          `<retain-spin-wheel mode="popup" instance="${instance}" lang="${lang}" apply-url="/cart?discount={code}">${slicesHtml(lang)}</retain-spin-wheel>`,
        );
        await waitUntil(() => el.shadowRoot?.querySelector('dialog'), 'the popup did not load');
        el.show();
        const expiry = () => shadow(el, '[part~=expiry]');
        await waitUntil(() => expiry() && shadow(el, '[part~=apply-link]'), 'no result card');
        const card = shadow(el, '[part~=result]')!;
        const dialog = shadow(el, 'dialog')!.getBoundingClientRect();
        expect(dialog.left).to.be.at.least(0);
        expect(dialog.right).to.be.at.most(320);
        // All of the card shows: nothing scrolled out of it, the expiry line inside its box.
        expect(card.scrollHeight, `the card's content is ${card.scrollHeight} px tall in ${card.clientHeight} px`).to.be.at.most(
          card.clientHeight + 1,
        );
        const box = card.getBoundingClientRect();
        const line = expiry()!.getBoundingClientRect();
        expect(line.bottom).to.be.at.most(box.bottom);
        expect(line.right).to.be.at.most(box.right);
        expect(px(getComputedStyle(expiry()!).fontSize), 'the expiry line is readable').to.be.at.least(12);
      });
    }
  });

  describe('drawn out of view', () => {
    /**
     * Puts an eager wheel `below` px under the viewport's bottom (0: at the top of the page); resolves to whether its
     * labels were laid out, frame by frame from its first render.
     */
    async function framesOfWheel(below: number): Promise<string[]> {
      const spacer = document.createElement('div');
      spacer.style.height = `${below ? innerHeight + below : 0}px`;
      const el = document.createElement('retain-spin-wheel') as RetainSpinWheel;
      el.setAttribute('loading', 'eager');
      el.innerHTML = slicesHtml('en');
      const frames: string[] = [];
      let watching = true;
      const look = () => {
        if (!watching) return;
        const label = shadow(el, '[part~=label]');
        if (label) frames.push(label.checkVisibility() ? 'labels' : 'no labels');
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
      window.scrollTo(0, 0);
      document.body.prepend(spacer, el);
      try {
        await waitUntil(() => frames.includes('labels'), 'the labels laid out', { timeout: 10_000 });
        return frames;
      } finally {
        watching = false;
        el.remove();
        spacer.remove();
      }
    }

    it('one screen ahead, its disc is laid out a frame after the rest: no one frame lays out both', async () => {
      // At 4× CPU that one frame took 50–58 ms: a long task as the shopper scrolls towards the wheel.
      const frames = await framesOfWheel(50);
      expect(frames[0], `frames from the first render: ${frames.join(', ')}`).to.equal('no labels');
    });

    it('on screen, all of it in its first frame', async () => {
      const frames = await framesOfWheel(0);
      expect(frames[0], `frames from the first render: ${frames.join(', ')}`).to.equal('labels');
    });
  });

  describe("a theme's small root font size (Shopify Dawn: html { font-size: 62.5% })", () => {
    async function dawn(): Promise<Frame> {
      const frame = await openFrame(db, { width: 800, height: 900 });
      frame.document.documentElement.style.fontSize = '62.5%';
      frame.document.body.style.fontSize = '1.5rem';
      return frame;
    }

    function expectReadable(el: RetainSpinWheel, minWidth: number): void {
      const stage = shadow(el, '[part~=stage]')!.getBoundingClientRect();
      expect(stage.width, 'the wheel is too small').to.be.at.least(minWidth);
      for (const label of el.shadowRoot!.querySelectorAll('[part~=label]'))
        expect(px(getComputedStyle(label).fontSize), `"${label.textContent!.trim()}" is too small`).to.be.at.least(12);
    }

    it('the inline wheel stays at least 280 px wide, its labels at least 12 px', async () => {
      page = await dawn();
      const el = await ready(await wheelIn(page, `<retain-spin-wheel loading="eager">${slicesHtml('en')}</retain-spin-wheel>`));
      expectReadable(el, 280);
    });

    it('the popup wheel too', async () => {
      page = await dawn();
      const el = await wheelIn(page, `<retain-spin-wheel mode="popup">${slicesHtml('hu')}</retain-spin-wheel>`);
      await waitUntil(() => el.shadowRoot?.querySelector('dialog'), 'the popup did not load');
      el.show();
      await ready(el);
      expectReadable(el, 280);
    });

    it('in a narrower container, the wheel fills it', async () => {
      page = await dawn();
      const el = await ready(
        await wheelIn(page, `<div style="width: 250px"><retain-spin-wheel loading="eager">${slicesHtml('en')}</retain-spin-wheel></div>`),
      );
      expect(shadow(el, '[part~=stage]')!.getBoundingClientRect().width).to.equal(250);
    });
  });
});
