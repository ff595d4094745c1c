/**
 * Showcases of one `src` at page load: they share one answer, and each shows it in a task of its own, the
 * first on the page first (no one task draws them all: a long task on a slow phone). A summary with
 * nothing to read its figures from fetches the reviews without loading the summary's code.
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import '../../src/review-showcase/review-showcase.js';
import type { RetainReviewShowcase } from '../../src/review-showcase/review-showcase.js';
import { watchConsole, type ConsoleWatch } from '../support/console-guard.js';
import { deleteDatabases, freshDatabase } from '../support/database.js';
import { waitUntil } from '../support/wait.js';

const REVIEWS = {
  product: { id: 'shared-tea', name: 'Tea' },
  reviews: [1, 2, 3].map((n) => ({ id: `s${n}`, rating: 5, body: `Lovely ${n}`, author: `A${n}`, date: `2026-01-0${n}` })),
};
const cards = (el: Element) => el.shadowRoot?.querySelectorAll('article').length ?? 0;

describe('<retain-review-showcase>: one src, several showcases', () => {
  let consoleWatch: ConsoleWatch;
  const realFetch = window.fetch;
  let requested: string[];
  /** Answers the fetches held so far. */
  let answer: () => void;

  beforeEach(() => {
    freshDatabase();
    consoleWatch = watchConsole();
    requested = [];
    const held: (() => void)[] = [];
    answer = () => held.splice(0).forEach((go) => go());
    // Held until the test answers: both showcases are waiting for it by then.
    window.fetch = (input: RequestInfo | URL) => {
      requested.push(new URL(input instanceof Request ? input.url : String(input), location.href).pathname);
      return new Promise<Response>((resolve) =>
        held.push(() => resolve(new Response(JSON.stringify(REVIEWS), { headers: { 'content-type': 'application/json' } }))),
      );
    };
  });
  afterEach(async () => {
    window.fetch = realFetch;
    consoleWatch.stop();
    await deleteDatabases();
  });

  it('a summary that nothing gives figures to fetches the reviews without loading the summary’s code', async () => {
    const src = `/shared-${Math.random()}.json`;
    const el = fixtureSync<RetainReviewShowcase>(html`<retain-review-showcase view="summary" src=${src}></retain-review-showcase>`);
    await waitUntil(() => requested.length === 1, 'the summary asks for the reviews');
    answer();
    await waitUntil(() => el.shadowRoot?.querySelector('.summary')?.textContent?.includes('3'), 'the summary shows the count');
    const loaded = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('review-summary'));
    expect(loaded.map((entry) => entry.name)).to.deep.equal([]);
  });

  it('each shows the shared answer in a task of its own, the one higher on the page first', async () => {
    const src = `/shared-${Math.random()}.json`;
    const box = fixtureSync<HTMLElement>(html`<div></div>`);
    // The lower one asks first (the answer would reach it first); the upper one joins the same request.
    const lower = Object.assign(document.createElement('retain-review-showcase'), { src, id: 'lower' });
    box.append(lower);
    await waitUntil(() => requested.length === 1, 'the lower showcase asks for the reviews');
    const upper = Object.assign(document.createElement('retain-review-showcase'), { src, id: 'upper' });
    box.prepend(upper);
    await upper.updateComplete;
    expect(requested).to.have.length(1);

    // What the other showed when one first showed cards, in the same task (a mutation observer's
    // callback runs in the task of the render that it reports).
    const order: { who: string; otherCards: number }[] = [];
    const observers = [upper, lower].map((el) => {
      const other = el === upper ? lower : upper;
      const observer = new MutationObserver(() => {
        if (cards(el) && !order.some((o) => o.who === el.id)) order.push({ who: el.id, otherCards: cards(other) });
      });
      observer.observe(el.shadowRoot!, { childList: true, subtree: true });
      return observer;
    });
    answer();
    await waitUntil(() => order.length === 2, 'both show the reviews');
    for (const observer of observers) observer.disconnect();
    expect(order).to.deep.equal([
      { who: 'upper', otherCards: 0 },
      { who: 'lower', otherCards: 3 },
    ]);
  });
});
