/**
 * Works on strict pages (DESIGN.md): a store page with every shopper's widget, served with
 * `script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html retainkit`
 * as an HTTP header, shows every widget working (the badge's panel opens, the wheel spins, a review photo
 * opens in the lightbox, the account prompt signs up, the next-order offer shows its code, the survey takes a
 * score and asks its follow-up, the referral shows its link) with no policy violation, no error and no warning.
 * Trusted Types exist in Chromium (and where else an engine has them): their part is asserted there; the
 * CSP part in every engine.
 */
import { expect } from '@open-wc/testing';
import type { RetainAccountRequestEvent } from '../src/account-prompt/account-prompt.action-events.js';
import type { RetainReviewShowcase } from '../src/review-showcase/review-showcase.js';
import { openPage, usePageTest, whenRendered, type StorePage } from './support/pages.js';
import { waitUntil } from './support/wait.js';

const WIDGETS =
  'retain-loyalty-badge, retain-spin-wheel, retain-review-showcase, retain-account-prompt, retain-next-order-offer, retain-survey, retain-referral';

const hasTrustedTypes = (page: StorePage) => 'trustedTypes' in page.win;
const shadow = (page: StorePage, tag: string) => page.doc.querySelector(tag)!.shadowRoot!;
const ownJsonLd = (page: StorePage) => page.doc.head.querySelector('script[type="application/ld+json"][data-retain-review-showcase]');

/** Uses every widget as a shopper would; each step waits for its visible result. */
async function useEveryWidget(page: StorePage): Promise<void> {
  await whenRendered(page, WIDGETS);

  shadow(page, 'retain-loyalty-badge').querySelector<HTMLButtonElement>('[part~=badge]')!.click();
  await waitUntil(() => shadow(page, 'retain-loyalty-badge').querySelector('[part~=progress]'), 'the loyalty panel opens');

  const ended = new Promise((resolve) => page.doc.addEventListener('retain-spin-ended', resolve, { once: true }));
  await waitUntil(() => !shadow(page, 'retain-spin-wheel').querySelector('form.actions')?.hasAttribute('hidden'), 'the spin button shows');
  shadow(page, 'retain-spin-wheel').querySelector<HTMLButtonElement>('[part~=spin-button]')!.click();
  await ended;
  await waitUntil(() => shadow(page, 'retain-spin-wheel').querySelector('[part~=result]'), 'the wheel shows its result');

  const showcase = page.doc.querySelector<RetainReviewShowcase>('retain-review-showcase')!;
  await showcase.updateComplete;
  shadow(page, 'retain-review-showcase').querySelector<HTMLButtonElement>('.photos button')!.click();
  await waitUntil(() => shadow(page, 'retain-review-showcase').querySelector('dialog')?.open, 'the photo opens in the lightbox');

  page.doc.addEventListener('retain-account-request', (event) => (event as RetainAccountRequestEvent).respondWith(Promise.resolve()), {
    once: true,
  });
  await waitUntil(() => shadow(page, 'retain-account-prompt').querySelector('form'), 'the account prompt shows its form');
  shadow(page, 'retain-account-prompt').querySelector<HTMLInputElement>('#password')!.value = 'a long secret';
  shadow(page, 'retain-account-prompt').querySelector<HTMLButtonElement>('[part~=submit]')!.click();
  await waitUntil(() => shadow(page, 'retain-account-prompt').querySelector('.note'), 'the account is created');

  const offer = page.doc.querySelector('retain-next-order-offer') as unknown as { decision: Promise<boolean> };
  expect(await offer.decision, 'the offer shows').to.equal(true);
  expect(shadow(page, 'retain-next-order-offer').querySelector('[part~=code]')!.textContent).to.contain('NEXT-7KQ2');

  // The survey's answer and follow-up are code loaded at the first sign of interest: under the policy too.
  const survey = page.doc.querySelector('retain-survey') as unknown as { decision: Promise<boolean> };
  expect(await survey.decision, 'the survey shows').to.equal(true);
  shadow(page, 'retain-survey').querySelector<HTMLInputElement>('#score-9')!.click();
  shadow(page, 'retain-survey').querySelector<HTMLButtonElement>('[part~=submit]')!.click();
  await waitUntil(() => shadow(page, 'retain-survey').querySelector('[part~=comment]'), 'the survey asks its follow-up');

  await waitUntil(
    () => shadow(page, 'retain-referral').querySelector('[part~=link]')?.textContent?.includes('ref=ANNA10'),
    'the referral shows its link',
  );
}

describe('strict page (CSP and Trusted Types)', () => {
  const test = usePageTest();

  it('every widget renders and works with lit-html and retainkit allowed: no violation, no error, JSON-LD written', async () => {
    const page = await openPage({ body: 'four', csp: 'strict', db: test.db });
    await useEveryWidget(page);
    const jsonLd = ownJsonLd(page);
    expect(jsonLd, 'the JSON-LD script').to.exist;
    const product = JSON.parse(jsonLd!.textContent!);
    expect(product.aggregateRating.ratingCount).to.equal(2);
    // Escaped: a review's "</script>" cannot end the script.
    expect(jsonLd!.textContent).to.contain('\\u003c/script>');
    expect(page.report.violations, 'policy violations').to.deep.equal([]);
    expect(page.report.errors, 'errors').to.deep.equal([]);
    expect(page.report.warnings, 'warnings').to.deep.equal([]);
  });

  it('with only lit-html allowed, every widget works; where Trusted Types hold, the JSON-LD is left out with one warning', async () => {
    const page = await openPage({ body: 'four', csp: 'lit-only', db: test.db });
    await useEveryWidget(page);
    expect(page.report.errors, 'errors').to.deep.equal([]);
    if (!hasTrustedTypes(page)) {
      expect(page.report.violations, 'policy violations').to.deep.equal([]);
      expect(ownJsonLd(page), 'the JSON-LD script, without Trusted Types').to.exist;
      expect(page.report.warnings).to.deep.equal([]);
      return;
    }
    // The page's own reports say what it refused: the kit's policy, and so the JSON-LD's text.
    expect(page.report.violations, 'policy violations').to.have.length.greaterThan(0);
    for (const violation of page.report.violations) expect(violation).to.match(/^(trusted-types|require-trusted-types-for) /);
    expect(ownJsonLd(page), 'no JSON-LD script').to.equal(null);
    expect(page.report.warnings).to.have.length(1);
    expect(page.report.warnings[0]).to.match(/<retain-review-showcase id="reviews"> writes no JSON-LD.*trusted-types lit-html retainkit/);
  });

  it('with no policy allowed, where Trusted Types hold, no widget can render, and the console says once what to allow', async () => {
    const page = await openPage({ body: 'four', csp: 'no-policies', db: test.db });
    if (!hasTrustedTypes(page)) return void (await useEveryWidget(page));
    await waitUntil(() => page.report.errors.length, 'the page reports an error');
    // Every widget's code was fetched (all of them are on screen), and each failed the same way: one error says so.
    const fetched = () => page.win.performance.getEntriesByType('resource').map((entry) => entry.name);
    const folders = [
      '/loyalty-badge/',
      '/spin-wheel/',
      '/review-showcase/',
      '/account-prompt/',
      '/next-order-offer/',
      '/survey/',
      '/referral/',
    ];
    for (const folder of folders) {
      await waitUntil(() => fetched().some((url) => url.includes(folder)), `the code of ${folder} is fetched`);
    }
    await new Promise((resolve) => page.win.requestAnimationFrame(resolve));
    expect(page.report.errors).to.have.length(1);
    expect(page.report.errors[0]).to.match(/^retainkit: no widget can render: .*"lit-html" \(add it: trusted-types lit-html retainkit\)/);
    expect(page.report.warnings).to.deep.equal([]);
  });
});
