/**
 * High contrast (Windows' contrast themes: CSS forced colours) paints every text one colour and drops fills and
 * shadows. What a widget shows by a fill or a colour alone must still show: a review's stars (empty ones become
 * outlines), the histogram's and the loyalty panel's bars, the punched orders, the card widgets' buttons, and the
 * edge of a dialog or of the wheel's result card. Found by trying the demo under Chromium's emulation: a one-star review drew five stars.
 *
 * Chromium emulates forced colours for CSS (scripts/wtr-portable-commands.mjs): there each thing is checked as drawn.
 * Firefox and WebKit cannot be put in forced colours by a test: there the check is that the engine keeps a
 * `@media (forced-colors: active)` rule that styles that very element.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/spin-wheel/spin-wheel.js';
import type { RetainReviewShowcase } from '../src/review-showcase/review-showcase.js';
import { openPage, shows, usePageTest, whenRendered, type StorePage } from './support/pages.js';
import { spin, wheel } from './support/spin-wheel.js';
import { waitUntil } from './support/wait.js';

const chromium = navigator.userAgent.includes('Chrome/');

/** The style rules inside `@media (forced-colors: active)` of the sheets of the root `el` is in. */
function forcedRules(el: Element): CSSStyleRule[] {
  const root = el.getRootNode() as ShadowRoot;
  const sheets = [...(root.adoptedStyleSheets ?? []), ...[...root.querySelectorAll('style')].map((style) => style.sheet!)];
  // The element's own window's rule classes: a store page's are not this page's.
  const view = el.ownerDocument.defaultView as typeof window;
  const rules: CSSStyleRule[] = [];
  for (const sheet of sheets) {
    for (const rule of sheet.cssRules) {
      if (rule instanceof view.CSSMediaRule && rule.conditionText.includes('forced-colors')) {
        rules.push(...[...rule.cssRules].filter((inner): inner is CSSStyleRule => inner instanceof view.CSSStyleRule));
      }
    }
  }
  return rules;
}

/** Whether a forced-colours rule styles `el` (its `::before` when `pseudo`). */
function styledInForcedColors(el: Element, pseudo = ''): boolean {
  return forcedRules(el).some((rule) =>
    rule.selectorText.split(',').some((selector) => {
      const trimmed = selector.trim();
      if (pseudo) return trimmed.endsWith(pseudo) && el.matches(trimmed.slice(0, -pseudo.length));
      return !trimmed.includes('::') && el.matches(trimmed);
    }),
  );
}

const fill = (el: Element) => getComputedStyle(el).backgroundColor;
const border = (el: Element) => parseFloat(getComputedStyle(el).borderTopWidth);

/** The page's background colour (the theme's Canvas, in forced colours), as `el`'s root computes it. */
function canvas(el: Element): string {
  const probe = el.ownerDocument.createElement('span');
  probe.style.backgroundColor = 'Canvas';
  el.getRootNode().appendChild(probe);
  const colour = fill(probe);
  probe.remove();
  return colour;
}

/**
 * A fill (a bar's, a punch's) that still shows: opaque, and not the page's own colour. Forced colours turn
 * a fill into the page's colour, keeping its transparency: a track of 15 % comes out as a faint veil of it.
 */
function expectFillShows(filled: Element, what: string): void {
  if (!chromium) return void expect(styledInForcedColors(filled), `${what}: a forced-colours rule`).to.equal(true);
  const colour = fill(filled);
  expect(colour, `${what}: opaque`).to.match(/^rgb\(/);
  expect(colour, `${what}: not the page's colour`).to.not.equal(canvas(filled));
}

/** A control drawn as a button (a border) or as a link (underlined). */
function expectDrawn(control: Element, what: string): void {
  const drawn = border(control) >= 1 || getComputedStyle(control).textDecorationLine.includes('underline');
  if (chromium) expect(drawn, `${what}: a border or an underline`).to.equal(true);
  else expect(drawn || styledInForcedColors(control), `${what}: a border, an underline or a rule`).to.equal(true);
}

describe('high contrast (forced colours)', () => {
  const test = usePageTest();
  let page: StorePage;

  beforeEach(async () => {
    if (chromium) await emulateMedia({ forcedColors: 'active' });
    page = await openPage({ body: 'phone', db: test.db, width: 480, height: 900 });
    await whenRendered(page, 'retain-loyalty-badge, retain-review-showcase, retain-account-prompt');
  });

  afterEach(async () => {
    if (chromium) await emulateMedia({ forcedColors: 'none' });
  });

  it('is emulated where the engine can (Chromium)', () => {
    expect(page.win.matchMedia('(forced-colors: active)').matches).to.equal(chromium);
  });

  it('the review showcase: empty stars are outlines, the histogram keeps its bars, the lightbox its edge', async () => {
    const showcase = page.doc.querySelector<RetainReviewShowcase>('retain-review-showcase[view=list]')!;
    await waitUntil(() => showcase.shadowRoot!.querySelector('article'), 'the cards show');
    const root = showcase.shadowRoot!;
    const stars = root.querySelector('.stars')!;
    if (chromium) expect(getComputedStyle(stars, '::before').content).to.equal('"☆☆☆☆☆"');
    else expect(styledInForcedColors(stars, '::before'), 'a forced-colours rule for the empty stars').to.equal(true);
    // Full stars are still drawn over them: those of a five-star card cover the outlines.
    expect(getComputedStyle(root.querySelector('.stars > span')!, '::before').content).to.equal('"★★★★★"');
    for (const bar of root.querySelectorAll('.bar')) expectFillShows(bar.firstElementChild!, 'a histogram bar');
    root.querySelector<HTMLButtonElement>('.photos button')!.click();
    await waitUntil(() => root.querySelector('dialog[open]'), 'the lightbox opens');
    const dialog = root.querySelector('dialog')!;
    if (chromium) expect(border(dialog), 'the lightbox’s border').to.be.at.least(1);
    else expect(styledInForcedColors(dialog), 'a forced-colours rule for the lightbox').to.equal(true);
  });

  it('the loyalty panel keeps its progress bar and its punched orders', async () => {
    const badge = page.doc.querySelector('retain-loyalty-badge')!;
    // Short of the top tier (the page's shopper is at it), so that the panel shows the way to the next.
    badge.removeAttribute('tier');
    badge.setAttribute('points', '1200');
    badge.shadowRoot!.querySelector<HTMLButtonElement>('[part~=badge]')!.click();
    await waitUntil(() => badge.shadowRoot!.querySelector('.bar'), 'the panel opens with its progress');
    const bar = badge.shadowRoot!.querySelector('.bar')!;
    expectFillShows(bar.querySelector('span')!, 'the progress bar');
    const punches = [...badge.shadowRoot!.querySelectorAll('.punches li')];
    const punched = punches.find((punch) => punch.classList.contains('on'))!;
    expect(punched, 'a punched order (7 orders, every 5th)').to.be.ok;
    expectFillShows(punched, 'a punched order');
  });

  for (const tag of ['retain-account-prompt', 'retain-next-order-offer', 'retain-referral']) {
    it(`<${tag}>: every button still looks like one`, async () => {
      const el = page.doc.querySelector(tag)!;
      expect(await shows(el), `<${tag}> shows`).to.equal(true);
      const controls = [...el.shadowRoot!.querySelectorAll('button:not([hidden]), a.primary')].filter((c) => c.getClientRects().length);
      expect(controls, 'buttons').to.not.be.empty;
      for (const control of controls) expectDrawn(control, `"${control.textContent!.trim()}"`);
    });
  }
});

describe('high contrast (forced colours): the spin wheel', () => {
  afterEach(async () => {
    if (chromium) await emulateMedia({ forcedColors: 'none' });
  });

  it('the result card has an edge of its own over the wheel', async () => {
    if (chromium) await emulateMedia({ forcedColors: 'active' });
    const el = await wheel(html`<retain-spin-wheel instance="forced-colors-result" style="--retain-spin-wheel-duration: 40ms">
      <retain-slice code="TEN">10% off</retain-slice>
      <retain-slice type="none">Not this time</retain-slice>
    </retain-spin-wheel>`);
    await spin(el);
    // Won or not, a card shows the result.
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=result]'), 'the result shows');
    const card = el.shadowRoot!.querySelector('[part~=result]')!;
    if (chromium) expect(border(card), 'the card’s border').to.be.at.least(1);
    else expect(styledInForcedColors(card), 'a forced-colours rule for the card').to.equal(true);
  });

  it('the popup has an edge of its own, its shadow gone', async () => {
    if (chromium) await emulateMedia({ forcedColors: 'active' });
    const el = await fixture(html`<retain-spin-wheel mode="popup" launcher instance="forced-colors">
      <retain-slice code="TEN">10% off</retain-slice>
      <retain-slice type="none">Not this time</retain-slice>
    </retain-spin-wheel>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=launcher]'), 'no launcher');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=launcher]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('dialog[open]'), 'the popup opens');
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    if (chromium) expect(border(dialog), 'the popup’s border').to.be.at.least(1);
    else expect(styledInForcedColors(dialog), 'a forced-colours rule for the popup').to.equal(true);
    dialog.close();
  });
});
