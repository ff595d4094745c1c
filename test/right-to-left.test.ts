/**
 * A right-to-left page (Hebrew, Arabic): the kit's texts are in one of its languages (English on such a page), all
 * written left to right, so each widget lays itself out left to right, with its `lang`, whatever the page's
 * direction. Laid out right to left, English put its punctuation and figures at the wrong ends ("?colleague",
 * "points 0 ≈", "Extremely likely :10") and a rating's fill off its stars. Found by loading the demo with
 * `dir="rtl"`.
 */
import { expect } from '@open-wc/testing';
import type { RetainReviewShowcase } from '../src/review-showcase/review-showcase.js';
import { openPage, shows, usePageTest, whenRendered, type StorePage } from './support/pages.js';
import { waitUntil } from './support/wait.js';

const WIDGETS = [
  'retain-loyalty-badge',
  'retain-account-prompt',
  'retain-next-order-offer',
  'retain-survey',
  'retain-referral',
  'retain-review-showcase',
];

const styleOf = (el: Element) => el.ownerDocument.defaultView!.getComputedStyle(el);

describe('a right-to-left page', () => {
  const test = usePageTest();
  let page: StorePage;
  beforeEach(async () => {
    page = await openPage({ body: 'phone', db: test.db, width: 480, height: 900 });
    page.doc.documentElement.dir = 'rtl';
    await whenRendered(page, WIDGETS.join(','));
  });

  it('every widget writes its texts left to right, in their language', async () => {
    for (const tag of WIDGETS) {
      const el = page.doc.querySelector(tag)!;
      await shows(el);
      await waitUntil(() => el.shadowRoot!.querySelector('[part~=base]'), `<${tag}> draws`);
      const base = el.shadowRoot!.querySelector('[part~=base]')!;
      expect(styleOf(base).direction, `<${tag}>`).to.equal('ltr');
      expect(base.getAttribute('lang'), `<${tag}>`).to.match(/^(en|hu)$/);
    }
  });

  it('the survey’s scale runs from 0 on the left', async () => {
    const survey = page.doc.querySelector('retain-survey')!;
    await waitUntil(() => survey.shadowRoot!.querySelectorAll('.option').length === 11, 'the scale shows');
    const options = [...survey.shadowRoot!.querySelectorAll('.option')];
    expect(options[0].getBoundingClientRect().left).to.be.below(options[10].getBoundingClientRect().left);
  });

  it('a rating’s fill sits on its stars', async () => {
    const showcase = page.doc.querySelector<RetainReviewShowcase>('retain-review-showcase[view=list]')!;
    await waitUntil(() => showcase.shadowRoot!.querySelector('.summary .stars > span'), 'the figures show');
    const stars = showcase.shadowRoot!.querySelector('.summary .stars')!.getBoundingClientRect();
    const filled = showcase.shadowRoot!.querySelector('.summary .stars > span')!.getBoundingClientRect();
    expect(filled.left).to.be.closeTo(stars.left, 0.5);
  });
});
