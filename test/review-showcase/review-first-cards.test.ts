/**
 * A list's first cards are drawn with Lit's templates already made: the showcase makes them (a sample card,
 * then the list around it) in tasks of their own while its reviews are on their way, so that the task that
 * draws the cards does not also parse some thirty templates (tens of ms on a slow phone). A fresh tab: its
 * own modules, so no template of an earlier test is at hand.
 */
import { expect } from '@open-wc/testing';
import { watchConsole, type ConsoleWatch } from '../support/console-guard.js';
import { deleteDatabases, freshDatabase } from '../support/database.js';
import { openTab, type Tab } from '../support/tabs.js';
import { waitUntil } from '../support/wait.js';

const REVIEWS = {
  product: { id: 'first-cards-tea', name: 'Tea' },
  aggregate: { average: 4.6, count: 5, distribution: [0, 0, 1, 0, 4] },
  reviews: [1, 2, 3, 4, 5].map((n) => ({
    id: `f${n}`,
    rating: n === 3 ? 3 : 5,
    title: `Title ${n}`,
    body: `Lovely ${n}`,
    author: `A${n}`,
    date: `2026-01-0${n}`,
    verified: true,
    language: n === 1 ? 'de' : undefined,
  })),
};

describe('<retain-review-showcase>: its first cards', () => {
  let tab: Tab;
  let consoleWatch: ConsoleWatch;
  beforeEach(async () => {
    consoleWatch = watchConsole();
    tab = await openTab(freshDatabase().name);
  });
  afterEach(async () => {
    tab.close();
    consoleWatch.stop();
    await deleteDatabases();
  });

  it('makes the templates of the cards and the list around them before the reviews come, not in the task that draws them', async () => {
    const win = tab.window as Window & typeof globalThis;
    const doc = win.document;
    // Lit makes each template from a <template> element of the document.
    let made = 0;
    const createElement = doc.createElement.bind(doc);
    doc.createElement = ((tag: string, options?: ElementCreationOptions) => {
      if (tag === 'template') made++;
      return createElement(tag, options);
    }) as Document['createElement'];
    // The reviews are held until the test answers.
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    win.fetch = () => answered.then(() => new win.Response(JSON.stringify(REVIEWS), { headers: { 'content-type': 'application/json' } }));
    await tab.load('/src/review-showcase/review-showcase.ts');
    doc.body.innerHTML = '<retain-review-showcase src="/first-cards.json"></retain-review-showcase>';
    const el = doc.querySelector('retain-review-showcase')!;

    // While the reviews are on their way: the loading state, then the templates made, until no more come.
    await waitUntil(() => el.shadowRoot?.querySelector('.note'), 'the showcase shows it is loading');
    let before = -1;
    await waitUntil(
      async () => {
        const now = made;
        await new Promise((resolve) => win.setTimeout(resolve, 300));
        const still = now === made && now === before;
        before = made;
        return still;
      },
      'no template made for 600 ms',
      { timeout: 15_000 },
    );
    expect(before, 'templates made while the reviews were on their way').to.be.greaterThan(15);

    answer();
    await waitUntil(() => el.shadowRoot!.querySelectorAll('article').length === 5, 'the five cards are drawn');
    expect(made - before, 'templates made once the reviews came').to.equal(0);
    // What was drawn is the reviews', with the list around them.
    const root = el.shadowRoot!;
    expect(root.querySelector('.histogram')).to.not.equal(null);
    expect(root.querySelector('select')).to.not.equal(null);
    expect([...root.querySelectorAll('article .body')].map((body) => body.textContent).sort()).to.deep.equal(
      REVIEWS.reviews.map((review) => review.body),
    );
  });
});
