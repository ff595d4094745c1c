/**
 * A phone-sized screen: on a page 320 px wide (the narrowest phones, WCAG's reflow width) the loyalty badge and its
 * panel, the review showcase in each view with its lightbox, the account prompt, the next-order offer, the survey
 * (eleven scores, in Hungarian) and the referral (a long link) fit without a horizontal scroll. The page is an iframe 320 px wide: a real 320 px viewport in every engine (WebKit's test window cannot be
 * made that narrow). And with WCAG's text spacing (1.4.12: a reader's own line height, letter and word spacing),
 * which a widget must take without cutting off its text.
 */
import { expect } from '@open-wc/testing';
import type { RetainReviewShowcase } from '../src/review-showcase/review-showcase.js';
import { pastTheEdge, runsOutside, textRuns } from './support/layout.js';
import { openPage, shows, usePageTest, whenRendered, type StorePage } from './support/pages.js';
import { waitUntil } from './support/wait.js';

const WIDTH = 320;

/** What sticks out sideways: the page's scroll width, and any visible text past the viewport's edges. */
function overflow(page: StorePage, what: Element): string[] {
  const problems: string[] = [];
  const scrollWidth = page.doc.documentElement.scrollWidth;
  if (scrollWidth > WIDTH)
    problems.push(`the page scrolls sideways: ${scrollWidth} px wide (${pastTheEdge(page.doc, WIDTH).slice(0, 4).join(', ')})`);
  const box = what.getBoundingClientRect();
  if (box.left < -1 || box.right > WIDTH + 1)
    problems.push(`<${what.localName}> spans ${Math.round(box.left)} to ${Math.round(box.right)} px`);
  problems.push(...runsOutside(textRuns(what), new DOMRect(0, 0, WIDTH, 1e6)));
  return problems;
}

/** The phone page, 320 px wide, once its widgets above the order page's cards have rendered. */
async function openPhonePage(db: string): Promise<StorePage> {
  const page = await openPage({ body: 'phone', db, width: WIDTH, height: 640 });
  await whenRendered(page, 'retain-loyalty-badge, retain-review-showcase, retain-account-prompt');
  return page;
}

describe('a 320 px wide page', () => {
  const test = usePageTest();
  let page: StorePage;
  beforeEach(async () => (page = await openPhonePage(test.db)));

  it('the loyalty badge and its open panel fit', async () => {
    const badge = page.doc.querySelector('retain-loyalty-badge')!;
    expect(overflow(page, badge)).to.deep.equal([]);
    badge.shadowRoot!.querySelector<HTMLButtonElement>('[part~=badge]')!.click();
    await waitUntil(() => badge.shadowRoot!.querySelector('[part~=points]'), 'the panel opens');
    expect(overflow(page, badge.shadowRoot!.querySelector('[part~=panel]')!)).to.deep.equal([]);
  });

  it('the account prompt fits', async () => {
    const prompt = page.doc.querySelector('retain-account-prompt')!;
    expect(await shows(prompt), 'the prompt shows').to.equal(true);
    expect(overflow(page, prompt)).to.deep.equal([]);
  });

  for (const tag of ['retain-next-order-offer', 'retain-survey', 'retain-referral']) {
    it(`<${tag}> fits`, async () => {
      const el = page.doc.querySelector(tag)!;
      expect(await shows(el), `<${tag}> shows`).to.equal(true);
      el.scrollIntoView({ block: 'nearest' });
      expect(overflow(page, el)).to.deep.equal([]);
    });
  }

  for (const view of ['list', 'grid', 'carousel']) {
    it(`the review showcase fits as a ${view}, and so does its lightbox`, async () => {
      const showcase = page.doc.querySelector<RetainReviewShowcase>(`retain-review-showcase[view=${view}]`)!;
      await waitUntil(() => showcase.shadowRoot!.querySelector(view === 'carousel' ? '.track article' : 'article'), 'the cards show');
      expect(overflow(page, showcase)).to.deep.equal([]);
      showcase.shadowRoot!.querySelector<HTMLButtonElement>('.photos button')!.click();
      await waitUntil(() => showcase.shadowRoot!.querySelector('dialog')?.open, 'the lightbox opens');
      expect(overflow(page, showcase.shadowRoot!.querySelector('dialog')!)).to.deep.equal([]);
    });
  }
});

/** WCAG 1.4.12's text spacing, as a reader's bookmarklet or style sheet sets it, on every element. */
const TEXT_SPACING =
  '*,*::before,*::after{line-height:1.5!important;letter-spacing:.12em!important;word-spacing:.16em!important}p{margin-bottom:2em!important}';

/** Sets the text spacing on the page and in every shadow root in it (a page's style sheet does not reach inside them). */
function spaceText(doc: Document): void {
  const style = doc.createElement('style');
  style.textContent = TEXT_SPACING;
  doc.head.append(style);
  const view = doc.defaultView!;
  const sheet = new view.CSSStyleSheet();
  sheet.replaceSync(TEXT_SPACING);
  const visit = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      if (!el.shadowRoot) continue;
      el.shadowRoot.adoptedStyleSheets = [...el.shadowRoot.adoptedStyleSheets, sheet];
      visit(el.shadowRoot);
    }
  };
  visit(doc);
}

/** The order page's card widgets. */
const CARDS = ['retain-account-prompt', 'retain-next-order-offer', 'retain-survey', 'retain-referral'];

/** The box inside an element's border and padding. */
function contentBox(el: Element): DOMRect {
  const box = el.getBoundingClientRect();
  const style = el.ownerDocument.defaultView!.getComputedStyle(el);
  const left = parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
  const right = parseFloat(style.borderRightWidth) + parseFloat(style.paddingRight);
  return new DOMRect(box.left + left, box.top, box.width - left - right, box.height);
}

describe('a 320 px wide page with text spacing (WCAG 1.4.12)', () => {
  const test = usePageTest();
  let page: StorePage;
  beforeEach(async () => (page = await openPhonePage(test.db)));

  it('cuts off no text of the card widgets', async () => {
    for (const tag of CARDS) expect(await shows(page.doc.querySelector(tag)!), `<${tag}> shows`).to.equal(true);
    spaceText(page.doc);
    for (const tag of CARDS) {
      const el = page.doc.querySelector(tag)!;
      expect(runsOutside(textRuns(el), el.getBoundingClientRect()), `<${tag}>`).to.deep.equal([]);
    }
  });

  // Russian: the longest "✓ Verified buyer" of the kit's languages, which, kept on one line, ran past a card's.
  it('cuts off no text of a review card, in Russian', async () => {
    const showcase = page.doc.querySelector<RetainReviewShowcase>('retain-review-showcase[view=list]')!;
    // In a theme's column on a phone: 320 px less a theme's gutters and its section's padding (24 px each side
    // in Dawn, then 16).
    showcase.style.width = '240px';
    showcase.lang = 'ru';
    await waitUntil(
      () => showcase.shadowRoot!.querySelector('.verified')?.textContent?.includes('Подтверждённая'),
      'the cards speak Russian',
    );
    spaceText(page.doc);
    // Inside the card's padding, not only its border: text that runs into the padding is cut off in a narrower
    // column or a wider font.
    for (const card of showcase.shadowRoot!.querySelectorAll('article')) {
      expect(runsOutside(textRuns(card), contentBox(card)), card.getAttribute('aria-label')!).to.deep.equal([]);
    }
  });
});
