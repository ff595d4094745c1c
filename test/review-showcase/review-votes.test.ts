import { expect, fixture, html } from '@open-wc/testing';
import '../../src/review-showcase/review-showcase.js';
import type { RetainReviewShowcase } from '../../src/review-showcase/review-showcase.js';
import { castVote } from '../../src/review-showcase/review-vote.js';
import { readVotes, recordVisit, VISIT_GAP } from '../../src/review-showcase/review-votes.js';
import { watchConsole, type ConsoleWatch } from '../support/console-guard.js';
import { cutShortOnce, deleteDatabases, freshDatabase } from '../support/database.js';
import { openTab, type Tab } from '../support/tabs.js';
import { storage } from '../../src/core/storage.js';
import { waitUntil } from '../support/wait.js';
import { afterWrites } from '../support/writes.js';

/** Opening a fresh database can take seconds on a loaded CI machine; that is not the failure under test. */
const SLOW_MACHINE_MS = 15_000;

type VotesModule = typeof import('../../src/review-showcase/review-vote.js');

const data = {
  product: { id: 'tea', name: 'Tea' },
  reviews: ['a', 'b', 'c'].map((id, i) => ({
    id,
    rating: 5,
    author: id,
    helpful: 2,
    date: new Date(Date.UTC(2025, 0, 3 - i)).toISOString(),
  })),
};

describe('review showcase: helpful votes and visits', () => {
  let db: string;
  let tab: Tab | undefined;
  let consoleWatch: ConsoleWatch;
  beforeEach(() => {
    db = freshDatabase({ openTimeoutMs: SLOW_MACHINE_MS }).name;
    consoleWatch = watchConsole();
  });
  afterEach(async () => {
    tab?.close();
    tab = undefined;
    consoleWatch.stop();
    await deleteDatabases();
  });

  it('taken out of the page while its reviews load, it records no visit; put back, it does', async () => {
    const el = await fixture<RetainReviewShowcase>(
      html`<retain-review-showcase src="/test-api/reviews?count=3&delay=600&key=${Math.random()}"></retain-review-showcase>`,
    );
    const parent = el.parentElement!;
    // As a framework rendering the page again takes it out, while the reviews are on their way.
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await afterWrites();
    const visits = async () => (await storage().getAll('state')).filter((row) => 'seen' in (row as object));
    expect(await visits(), 'no look, no visit').to.deep.equal([]);
    parent.append(el);
    await waitUntil(async () => (await visits()).length === 1, 'the visit is recorded once it is back');
  });

  it('a device votes once per review', async () => {
    expect(await castVote('tea', 'a', 2)).to.equal(true);
    expect(await castVote('tea', 'a', 2)).to.equal(false);
    expect(await castVote('tea', 'b', 0)).to.equal(true);
    expect(await castVote('coffee', 'a', 0)).to.equal(true);
    const votes = await readVotes('tea');
    expect(Object.keys(votes).sort()).to.deep.equal(['a', 'b']);
    expect(votes.a.base).to.equal(2);
  });

  it('two tabs voting on one review at the same time record exactly one vote', async () => {
    tab = await openTab(db);
    const other = await tab.load<VotesModule>('/src/review-showcase/review-vote.ts');
    const here = Array.from({ length: 25 }, () => castVote('tea', 'a', 2));
    const there = Array.from({ length: 25 }, () => other.castVote('tea', 'a', 2));
    const results = await Promise.all([...here, ...there]);
    expect(results.filter(Boolean)).to.have.length(1);
    expect(Object.keys(await readVotes('tea'))).to.deep.equal(['a']);
  });

  it("a showcase shows another tab's vote at once, and does not vote again", async () => {
    // The tab first: in Firefox a read-modify-write transaction of this page still in flight while the
    // second tab opens is cut short ("Transaction is already committing or done"; seen with the visit and "seen" count).
    tab = await openTab(db);
    const other = await tab.load<VotesModule>('/src/review-showcase/review-vote.ts');
    const el = await fixture<RetainReviewShowcase>(html`<retain-review-showcase no-schema .data=${data}></retain-review-showcase>`);
    const events: Event[] = [];
    el.addEventListener('retain-review-voted', (e) => events.push(e));
    const button = () => el.shadowRoot!.querySelector<HTMLButtonElement>('article[data-id="b"] .vote')!;
    expect(await other.castVote('tea', 'b', 2)).to.equal(true);
    await waitUntil(() => button().getAttribute('aria-pressed') === 'true', 'the broadcast vote shows');
    expect(button().textContent!.trim()).to.equal('Helpful · 3');
    button().click();
    // A vote's event would follow its vote's and its counter's writes.
    await afterWrites();
    expect(events).to.have.length(0);
  });

  it('a click racing a vote in another tab: one of them records it, the store hears it once', async () => {
    // The tab first: in Firefox a read-modify-write transaction of this page still in flight while the
    // second tab opens is cut short ("Transaction is already committing or done"; seen with the visit and "seen" count).
    tab = await openTab(db);
    const other = await tab.load<VotesModule>('/src/review-showcase/review-vote.ts');
    const el = await fixture<RetainReviewShowcase>(html`<retain-review-showcase no-schema .data=${data}></retain-review-showcase>`);
    const events: Event[] = [];
    el.addEventListener('retain-review-voted', (e) => events.push(e));
    const there = other.castVote('tea', 'c', 2);
    el.shadowRoot!.querySelector<HTMLButtonElement>('article[data-id="c"] .vote')!.click();
    const recordedThere = await there;
    await waitUntil(() => el.shadowRoot!.querySelector('article[data-id="c"] .vote')!.getAttribute('aria-pressed') === 'true');
    // The event goes out once the engagement counter is written, which a loaded WebKit did after the
    // button was drawn pressed: wait for the one record, then for the writes a second would follow.
    await waitUntil(() => events.length + Number(recordedThere) > 0, 'neither the click nor the other tab recorded the vote');
    await afterWrites();
    expect(events.length + Number(recordedThere)).to.equal(1);
  });

  it('the last visit: none on the first, kept across reloads within a visit, moved on after a gap', async () => {
    const t0 = Date.UTC(2025, 0, 1);
    expect((await recordVisit('tea', t0)).since).to.equal(undefined);
    expect((await recordVisit('tea', t0 + 60_000)).since).to.equal(undefined);
    // A new visit after the gap: the previous one was last seen at t0 + 1 min.
    const t1 = t0 + 60_000 + VISIT_GAP + 1;
    expect((await recordVisit('tea', t1)).since).to.equal(t0 + 60_000);
    // Reloads within this visit keep the same marker.
    expect((await recordVisit('tea', t1 + 5 * 60_000)).since).to.equal(t0 + 60_000);
    expect((await recordVisit('coffee', t1)).since).to.equal(undefined);
  });

  it('a visit and a vote whose transaction the engine ended before they wrote are recorded a little later, once', async () => {
    const t0 = Date.UTC(2025, 0, 1);
    await recordVisit('tea', t0);
    let cut = cutShortOnce();
    try {
      expect((await recordVisit('tea', t0 + 60_000 + VISIT_GAP + 1)).since, 'the visit before').to.equal(t0);
    } finally {
      cut.restore();
    }
    expect(cut.tries(), 'tried again').to.equal(2);
    expect((await recordVisit('tea', t0 + 2 * (60_000 + VISIT_GAP))).since, 'the visit recorded').to.equal(t0 + 60_000 + VISIT_GAP + 1);

    cut = cutShortOnce();
    try {
      expect(await castVote('tea', 'a', 2), 'the vote recorded').to.equal(true);
    } finally {
      cut.restore();
    }
    expect(cut.tries(), 'tried again').to.equal(2);
    expect(await castVote('tea', 'a', 2), 'a second vote').to.equal(false);
  });

  it('a visit reads this device’s votes on the product with it (one transaction, one render for both)', async () => {
    expect((await recordVisit('tea')).votes).to.deep.equal({});
    await castVote('tea', 'b', 2);
    await castVote('coffee', 'a', 0);
    const { votes } = await recordVisit('tea');
    expect(Object.keys(votes)).to.deep.equal(['b']);
    expect(votes.b.base).to.equal(2);
  });
});
