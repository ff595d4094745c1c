/**
 * Storefront stylesheets: a theme's text styles reach into every widget by inheritance (white-space,
 * letter-spacing, text-transform, text-align…), and Shopify Dawn's root font size (62.5 %) shrinks every
 * `rem`. On a page with such a theme (test/support/pages/dawn.css) every widget keeps its text readable
 * (12 px or more) and inside its own box.
 */
import { expect } from '@open-wc/testing';
import type { RetainReviewShowcase } from '../src/review-showcase/review-showcase.js';
import { freshDatabase } from './support/database.js';
import { runsOutside, textRuns } from './support/layout.js';
import { closePages, openPage, usePageTest, whenRendered, type StorePage } from './support/pages.js';
import { waitUntil } from './support/wait.js';

const TAGS = [
  'retain-loyalty-badge',
  'retain-spin-wheel',
  'retain-review-showcase',
  'retain-account-prompt',
  'retain-next-order-offer',
  'retain-survey',
  'retain-referral',
];
/** Resolves once a widget that decides whether to show (from the device's state) has decided. */
const decided = (page: StorePage, tag: string) =>
  (page.doc.querySelector(tag) as unknown as { decision?: Promise<boolean>; ready?: Promise<boolean> }).decision ??
  (page.doc.querySelector(tag) as unknown as { ready: Promise<boolean> }).ready;
const MIN_FONT_PX = 12;

/** What a shopper would find wrong with the widget's text: too small, out of its box or cut off. */
function problems(host: Element, box = host.getBoundingClientRect()): string[] {
  const runs = textRuns(host);
  expect(runs.length, `<${host.localName}> shows text`).to.be.greaterThan(0);
  const small = runs.filter((run) => run.fontSize < MIN_FONT_PX).map((run) => `"${run.text.slice(0, 40)}" at ${run.fontSize} px`);
  return [...small, ...runsOutside(runs, box)];
}

describe('storefront stylesheets', () => {
  const test = usePageTest();

  async function dawnPage(css = 'dawn', database = test.db): Promise<StorePage> {
    const page = await openPage({ body: 'four', css, db: database, width: 800 });
    await whenRendered(page, TAGS.join(','));
    // Its reviews read and drawn (its page's own JSON): until then it draws nothing, for up to a second.
    await (page.doc.querySelector('retain-review-showcase') as RetainReviewShowcase).updateComplete;
    const shown = await Promise.all(
      ['retain-account-prompt', 'retain-next-order-offer', 'retain-survey', 'retain-referral'].map((tag) => decided(page, tag)),
    );
    expect(shown, 'the order page widgets show').to.deep.equal([true, true, true, true]);
    return page;
  }

  // One page per theme, every widget checked on it (a page per widget cost CI a page load each).
  for (const [css, bodyText] of [
    ['dawn', '15px'],
    ['dawn-13px', '13px'],
  ]) {
    it(`every widget keeps its text readable and inside its box under a Dawn-like theme with ${bodyText} text`, async () => {
      const page = await dawnPage(css);
      // The theme is in force: the page's own text is 15 or 13 px, 1 rem is 10 px, and nothing wraps.
      expect(page.win.getComputedStyle(page.doc.body).whiteSpace).to.equal('nowrap');
      expect(page.win.getComputedStyle(page.doc.documentElement).fontSize).to.equal('10px');
      expect(page.win.getComputedStyle(page.doc.body).fontSize).to.equal(bodyText);
      const found: Record<string, string[]> = {};
      for (const tag of TAGS) {
        const host = page.doc.querySelector(tag)!;
        // Its box: the host, and the card or wrapper inside it (part "base"), which may be narrower.
        const base = host.shadowRoot!.querySelector('[part~=base]')!.getBoundingClientRect();
        const outer = host.getBoundingClientRect();
        const box = new DOMRect(
          Math.max(base.left, outer.left),
          base.top,
          Math.min(base.right, outer.right) - Math.max(base.left, outer.left),
          base.height,
        );
        found[tag] = problems(host, box);
      }
      expect(found).to.deep.equal(Object.fromEntries(TAGS.map((tag) => [tag, []])));
    });
  }

  it("the loyalty badge's panel keeps its text readable and inside the panel under a Dawn-like theme with 13px text", async () => {
    const page = await dawnPage('dawn-13px');
    const badge = page.doc.querySelector('retain-loyalty-badge')!;
    badge.shadowRoot!.querySelector<HTMLButtonElement>('[part~=badge]')!.click();
    await waitUntil(() => badge.shadowRoot!.querySelector('[part~=progress]'), 'the panel opens');
    const panel = badge.shadowRoot!.querySelector('[part~=panel]')!;
    expect(problems(panel)).to.deep.equal([]);
  });

  it("a popup wheel's launcher on a phone keeps its text readable under a Dawn-like theme", async () => {
    // On a phone the launcher is a tab on the screen's edge with smaller text, sized in rem: Dawn's root made it 8.75 px.
    const page = await openPage({ body: 'popup-page-views', css: 'dawn', db: test.db, width: 390, height: 800 });
    const wheel = page.doc.querySelector('retain-spin-wheel')!;
    wheel.setAttribute('launcher', '');
    await waitUntil(() => wheel.shadowRoot?.querySelector('[part~=launcher]'), 'the launcher shows');
    expect(problems(wheel.shadowRoot!.querySelector('[part~=launcher]')!)).to.deep.equal([]);
  });

  it("a theme's root font size changes no widget's layout: sizes follow the widget's text", async () => {
    // The spin wheel's size is the wheel's own (a readable minimum), not proportional to the text.
    // Each page its own database: the account prompt shows once per order on a device.
    const measure = async (css: string) => {
      const page = await dawnPage(css, freshDatabase().name);
      const shadowOf = (tag: string) => page.doc.querySelector(tag)!.shadowRoot!;
      const size = (el: Element) => `${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`;
      const sizes: Record<string, string> = {};
      sizes.badge = size(shadowOf('retain-loyalty-badge').querySelector('[part~=badge]')!);
      shadowOf('retain-loyalty-badge').querySelector<HTMLButtonElement>('[part~=badge]')!.click();
      await waitUntil(() => shadowOf('retain-loyalty-badge').querySelector('[part~=progress]'), 'the panel opens');
      sizes.panel = size(shadowOf('retain-loyalty-badge').querySelector('[part~=panel]')!);
      sizes.prompt = size(shadowOf('retain-account-prompt').querySelector('[part~=base]')!);
      for (const tag of ['retain-next-order-offer', 'retain-survey', 'retain-referral'])
        sizes[tag] = size(shadowOf(tag).querySelector('[part~=base]')!);
      for (const control of shadowOf('retain-account-prompt').querySelectorAll('input:not([type=checkbox]), button')) {
        sizes[`prompt ${control.localName} ${control.getAttribute('part') ?? control.id}`] = size(control);
      }
      // Grid cards: their width (their height settles a frame later, off-screen cards skipping layout).
      const showcase = page.doc.querySelector<RetainReviewShowcase>('retain-review-showcase')!;
      showcase.setAttribute('view', 'grid');
      await showcase.updateComplete;
      sizes['review card width'] = String(
        Math.round(shadowOf('retain-review-showcase').querySelector('article')!.getBoundingClientRect().width),
      );
      closePages();
      return sizes;
    };
    const rootOf10px = await measure('dawn');
    const rootOf16px = await measure('dawn-root-16');
    expect(rootOf10px).to.deep.equal(rootOf16px);
  });
});
