/**
 * A review summary needs only the aggregate (docs/review-showcase-summary.md): `view="summary"` draws its
 * average and count from `rating`/`count`, a `summary-src`, or the page's AggregateRating JSON-LD, and
 * fetches the whole review JSON only when it has none of these.
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import '../../src/review-showcase/review-showcase.js';
import type { RetainReviewShowcase } from '../../src/review-showcase/review-showcase.js';
import { watchConsole, type ConsoleWatch } from '../support/console-guard.js';
import { deleteDatabases, freshDatabase } from '../support/database.js';
import { waitUntil } from '../support/wait.js';

const SUMMARY = '/test/support/review-summary.json';
/** A src of its own per test: review-source.ts shares one request per URL for the whole page. */
const reviewsSrc = () => `/test-api/reviews?count=12&key=${Math.random()}`;
const text = (el: Element) => (el.shadowRoot?.querySelector('.summary')?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<retain-review-showcase view="summary">: the figures without the reviews', () => {
  let consoleWatch: ConsoleWatch;
  let fetched: string[];
  const realFetch = window.fetch;
  const jsonLd: HTMLScriptElement[] = [];

  beforeEach(() => {
    freshDatabase();
    consoleWatch = watchConsole();
    fetched = [];
    // Recorded when asked (a showcase calls fetch in the task that decides its source), not when answered.
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      fetched.push(new URL(input instanceof Request ? input.url : String(input), location.href).pathname);
      return realFetch(input, init);
    };
  });
  afterEach(async () => {
    window.fetch = realFetch;
    for (const script of jsonLd.splice(0)) script.remove();
    consoleWatch.stop();
    await deleteDatabases();
  });

  function pageJsonLd(value: unknown): void {
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    script.textContent = JSON.stringify(value);
    document.head.append(script);
    jsonLd.push(script);
  }

  async function summary(template: ReturnType<typeof html>): Promise<RetainReviewShowcase> {
    const el = fixtureSync<RetainReviewShowcase>(template);
    el.scrollIntoView({ block: 'nearest' });
    await el.updateComplete;
    return el;
  }

  it('draws rating and count from its attributes and fetches nothing', async () => {
    const el = await summary(
      html`<retain-review-showcase view="summary" rating="4.63" count="128" src=${reviewsSrc()}></retain-review-showcase>`,
    );
    await waitUntil(() => text(el) === '4.6 128 reviews', 'the figures of its attributes');
    expect(fetched).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('made a list after drawing the figures of its attributes, it fetches and shows the reviews', async () => {
    const el = await summary(
      html`<retain-review-showcase view="summary" rating="4.63" count="128" src=${reviewsSrc()}></retain-review-showcase>`,
    );
    await waitUntil(() => text(el) === '4.6 128 reviews', 'the figures of its attributes');
    el.setAttribute('view', 'list');
    await waitUntil(() => el.shadowRoot!.querySelectorAll('article').length > 0, 'the reviews are shown');
    expect(fetched).to.have.length(1);
  });

  it('fetches its small summary-src instead of the reviews', async () => {
    const el = await summary(
      html`<retain-review-showcase view="summary" summary-src=${SUMMARY} src=${reviewsSrc()}></retain-review-showcase>`,
    );
    await waitUntil(() => text(el) === '4.2 87 reviews', 'the figures of the summary JSON');
    expect(fetched).to.deep.equal([SUMMARY]);
  });

  it('reads the AggregateRating of the page’s Product JSON-LD (the one schema-id names) before fetching src', async () => {
    pageJsonLd({
      '@context': 'https://schema.org',
      '@type': 'Product',
      '@id': 'https://shop.example/other#product',
      aggregateRating: { ratingValue: 2, reviewCount: 3 },
    });
    pageJsonLd({
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'Product',
          '@id': 'https://shop.example/tea#product',
          aggregateRating: { ratingValue: '9', bestRating: '10', ratingCount: 40 },
        },
      ],
    });
    const el = await summary(
      html`<retain-review-showcase view="summary" schema-id="https://shop.example/tea#product" src=${reviewsSrc()}></retain-review-showcase>`,
    );
    await waitUntil(() => text(el) === '4.5 40 reviews', 'the figures of the JSON-LD');
    expect(fetched).to.deep.equal([]);
  });

  it('fetches the reviews when the page says nothing of the figures (the list’s data serves both)', async () => {
    const el = await summary(html`<retain-review-showcase view="summary" src=${reviewsSrc()}></retain-review-showcase>`);
    await waitUntil(() => text(el).endsWith('12 reviews'), 'the figures of the review JSON');
    expect(fetched).to.deep.equal(['/test-api/reviews']);
  });

  it('a lone or bad figure warns once, naming it, and the reviews are fetched instead', async () => {
    const el = await summary(
      html`<retain-review-showcase view="summary" rating="lots" count="12" src=${reviewsSrc()}></retain-review-showcase>`,
    );
    await waitUntil(() => text(el).endsWith('12 reviews'), 'the figures of the review JSON');
    const warnings = consoleWatch.take();
    expect(warnings).to.have.length(1);
    expect(warnings[0])
      .to.contain('<retain-review-showcase')
      .and.contain('rating="lots / count 12"')
      .and.contain('the next source of the summary');
    expect(fetched).to.deep.equal(['/test-api/reviews']);
  });

  it('a summary-src that fails warns once and falls back to the reviews', async () => {
    const el = await summary(
      html`<retain-review-showcase view="summary" summary-src="/test-api/reviews?fail=1" src=${reviewsSrc()}></retain-review-showcase>`,
    );
    await waitUntil(() => text(el).endsWith('12 reviews'), 'the figures of the review JSON');
    const warnings = consoleWatch.take();
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('summary-src=').and.contain('could not be loaded (HTTP 500)');
    expect(fetched).to.deep.equal(['/test-api/reviews', '/test-api/reviews']);
    consoleWatch.take('error');
  });
});
