import { aTimeout, expect, fixture, fixtureSync, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/review-showcase/review-showcase.js';
import type { RetainReviewShowcase } from '../../src/review-showcase/review-showcase.js';
import { storage } from '../../src/core/storage.js';
import { watchConsole, type ConsoleWatch } from '../support/console-guard.js';
import { startPageTasks, type PageTasks } from '../support/page-tasks.js';
import { deleteDatabases, freshDatabase } from '../support/database.js';
import { waitUntil } from '../support/wait.js';
import { afterWrites } from '../support/writes.js';

/** Opening a fresh database can take seconds on a loaded CI machine; that is not the failure under test. */
const SLOW_MACHINE_MS = 15_000;

const PHOTO = '/demo/data/photos/cup-amber.svg';
const RATINGS = [5, 5, 4, 5, 3, 5, 4, 2, 5, 1];
const HOUR = 3_600_000;
// Local midnight: a card shows its review's day where the shopper is (UTC's midnight is Dec 31 in the Americas).
const START = new Date(2025, 0, 1).getTime();

/** n reviews: r1 is the newest; ratings cycle through RATINGS; every 5th has a photo. */
function makeData(n: number, extra: Record<string, unknown> = {}, each: (i: number) => Record<string, unknown> = () => ({})) {
  return {
    product: { id: 'mug', name: 'Mug' },
    reviews: Array.from({ length: n }, (_, i) => ({
      id: `r${i + 1}`,
      rating: RATINGS[i % 10],
      title: `Review ${i + 1}`,
      body: `Body of review ${i + 1}`,
      author: { name: `Person ${i + 1}`, location: 'Szeged' },
      date: new Date(START + (n - i) * HOUR).toISOString(),
      verified: i % 3 === 0,
      helpful: i % 4,
      media:
        i % 5 === 0
          ? [
              { url: PHOTO, alt: `Cup photo ${i + 1}`, width: 400, height: 300 },
              { url: PHOTO, alt: `Second photo ${i + 1}` },
            ]
          : [],
      language: 'en',
      ...each(i),
    })),
    ...extra,
  };
}

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const ids = (el: Element) => $$(el, 'article').map((a) => a.dataset.id);
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const histogram = (el: Element, star: number) => $$<HTMLButtonElement>(el, '.histogram button')[5 - star];

function record<K extends keyof GlobalEventHandlersEventMap>(el: Element, type: K): GlobalEventHandlersEventMap[K][] {
  const seen: GlobalEventHandlersEventMap[K][] = [];
  el.addEventListener(type, (e) => seen.push(e as GlobalEventHandlersEventMap[K]));
  return seen;
}

async function settle(el: RetainReviewShowcase): Promise<void> {
  await el.updateComplete;
  await aTimeout(0);
  await el.updateComplete;
}

/** Two frames: the sizes laid out in the last one have been reported (a ResizeObserver reports after layout). */
const aFrameMore = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** The showcase's quiet time before "Loading reviews…" (QUIET_LOADING_MS), less a timer's own slack. */
const QUIET_MS = 990;

/**
 * Watches a showcase from before it is in the page: when the loading note appeared (ms after the first render
 * drew its section), and the heights it was laid out at, in turn. `drawnHeights` leaves out the frames before it
 * drew anything: on a loaded machine, reading even a few reviews can outlast a slice and yield a frame (height 0).
 */
function watchLoading(el: RetainReviewShowcase) {
  const heights: number[] = [];
  const times: { first?: number; note?: number } = {};
  const look = () => {
    const now = performance.now();
    const root = el.shadowRoot;
    if (!root?.querySelector('section')) return;
    times.first ??= now;
    if (root.querySelector('.note')) times.note ??= now;
  };
  const mutations = new MutationObserver(look);
  const sizes = new ResizeObserver(() => {
    const height = Math.round(el.getBoundingClientRect().height);
    if (heights.at(-1) !== height) heights.push(height);
  });
  sizes.observe(el);
  // The shadow root is made when the element is connected; its first render comes later.
  const attach = () =>
    el.shadowRoot ? mutations.observe(el.shadowRoot, { childList: true, subtree: true }) : requestAnimationFrame(attach);
  requestAnimationFrame(attach);
  queueMicrotask(attach);
  return {
    heights,
    drawnHeights: () => heights.slice(heights.findIndex((height) => height > 0)),
    noteAfter: () => (times.note === undefined ? undefined : times.note - times.first!),
    stop: () => (mutations.disconnect(), sizes.disconnect()),
  };
}

async function showcase(template: ReturnType<typeof html>): Promise<RetainReviewShowcase> {
  const el = fixtureSync<RetainReviewShowcase>(template);
  // A showcase renders once near the viewport: one test's later fixtures may sit screens below its first.
  el.scrollIntoView({ block: 'nearest' });
  await settle(el);
  return el;
}

describe('<retain-review-showcase>', () => {
  let consoleWatch: ConsoleWatch;
  beforeEach(() => {
    freshDatabase({ openTimeoutMs: SLOW_MACHINE_MS });
    consoleWatch = watchConsole();
  });
  afterEach(async () => {
    consoleWatch.stop();
    await emulateMedia({ reducedMotion: 'no-preference' });
    await deleteDatabases();
  });

  describe('figures', () => {
    it('shows the aggregate, the distribution and the first page from inline JSON', async () => {
      const el = await showcase(html`<retain-review-showcase page-size="4">
        <script type="application/json">
          ${JSON.stringify(makeData(10))}
        </script>
      </retain-review-showcase>`);
      expect(text($(el, '.summary'))).to.equal('3.9 10 reviews');
      expect($(el, '.summary .stars').getAttribute('aria-label')).to.equal('Rated 3.9 out of 5');
      expect($$(el, '.histogram button').map((b) => b.getAttribute('aria-label'))).to.deep.equal([
        '5 stars: 5 reviews',
        '4 stars: 2 reviews',
        '3 stars: 1 review',
        '2 stars: 1 review',
        '1 star: 1 review',
      ]);
      expect($$(el, '.histogram .bar > span').map((s) => s.style.width)).to.deep.equal(['50%', '20%', '10%', '10%', '10%']);
      expect(ids(el)).to.deep.equal(['r1', 'r2', 'r3', 'r4']);
      expect(text($(el, '.status'))).to.equal('4 of 10 shown');
      expect($(el, '[part~="selection"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('takes the store aggregate over all reviews even when it shows a few', async () => {
      const data = makeData(3, { aggregate: { average: 4.6, count: 187, distribution: [5, 7, 15, 30, 130] } });
      const el = await showcase(html`<retain-review-showcase .data=${data}></retain-review-showcase>`);
      expect(text($(el, '.summary'))).to.equal('4.6 187 reviews');
      expect(histogram(el, 5).getAttribute('aria-label')).to.equal('5 stars: 130 reviews');
      // Only 3 of 187 are at hand, and no way to page: labelled as part of the reviews.
      expect(text($(el, '[part~="selection"]'))).to.equal('3 of 187 shown');
    });

    it('a card shows stars, title, author, location, date, verified badge, photos, store reply, helpful count and its language', async () => {
      const data = makeData(1, {}, () => ({
        reply: { body: 'Thanks, Person!', author: 'Mug Shop', date: '2025-02-01' },
        helpful: 3,
        language: 'hu',
      }));
      const el = await showcase(html`<retain-review-showcase .data=${data}></retain-review-showcase>`);
      const card = $(el, 'article');
      expect($(el, 'article .stars').getAttribute('aria-label')).to.equal('Rated 5.0 out of 5');
      expect(text(card.querySelector('h3'))).to.equal('Review 1');
      expect(card.querySelector('h3')!.getAttribute('lang')).to.equal('hu');
      expect(card.querySelector('.body')!.getAttribute('lang')).to.equal('hu');
      expect(text(card.querySelector('.meta'))).to.equal('Person 1 · Szeged · Jan 1, 2025 · ✓ Verified buyer');
      expect(card.querySelector('time')!.getAttribute('datetime')).to.equal(new Date(START + HOUR).toISOString());
      const imgs = [...card.querySelectorAll('img')];
      expect(imgs.map((i) => [i.alt, i.getAttribute('loading'), i.width, i.height])).to.deep.equal([
        ['Cup photo 1', 'lazy', 72, 72],
        ['Second photo 1', 'lazy', 72, 72],
      ]);
      expect(text(card.querySelector('[part="reply"]'))).to.equal('Mug Shop · Feb 1, 2025 Thanks, Person!');
      expect(text(card.querySelector('.vote'))).to.equal('Helpful · 3');
      await expect(el).to.be.accessible();
    });

    it("shows dates written `2025-02-01 09:15:00 UTC` (Ruby's way) in every engine, and a day alone as that day", async () => {
      // WebKit's Date.parse gives NaN for these: its shoppers saw no dates, and "newest" put the reviews last.
      const data = makeData(2, {}, (i) =>
        i === 0
          ? { date: '2025-02-01 09:15:00 UTC', reply: { body: 'Thanks!', date: '2025-02-02 10:00:00 +0000' } }
          : { date: '2025-01-20' },
      );
      const el = await showcase(html`<retain-review-showcase .data=${data}></retain-review-showcase>`);
      const [first, second] = $$(el, 'article');
      expect(first.querySelector('time')!.getAttribute('datetime')).to.equal('2025-02-01T09:15:00.000Z');
      expect(text(first.querySelector('time'))).to.equal(
        new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(Date.UTC(2025, 1, 1, 9, 15)),
      );
      expect(text(first.querySelector('[part="reply"] .meta'))).to.contain(
        new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(Date.UTC(2025, 1, 2, 10)),
      );
      expect(text(second.querySelector('time'))).to.equal('Jan 20, 2025');
    });

    it('shows a review dated past what a Date holds, without a date (its card threw, and the list with it)', async () => {
      const data = makeData(2, {}, (i) => (i === 0 ? { date: 1e20 } : {}));
      const el = await showcase(html`<retain-review-showcase .data=${data}></retain-review-showcase>`);
      expect($$(el, 'article')).to.have.length(2);
      expect($$(el, 'article time')).to.have.length(1);
    });

    it('shows an empty state when the product has no reviews', async () => {
      const el = await showcase(
        html`<retain-review-showcase .data=${{ product: { id: 'x', name: 'X' }, reviews: [] }}></retain-review-showcase>`,
      );
      expect(text($(el, '.note'))).to.equal('No reviews yet.');
      expect($(el, '.histogram')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('sort and filter', () => {
    it('filters by a histogram click, labels the selection next to the real figures, and "see all" clears it', async () => {
      const el = await showcase(html`<retain-review-showcase .data=${makeData(20)}></retain-review-showcase>`);
      const filters = record(el, 'retain-review-filtered');
      histogram(el, 5).click();
      await settle(el);
      expect(ids(el)).to.deep.equal(['r1', 'r2', 'r4', 'r6', 'r9', 'r11', 'r12', 'r14', 'r16', 'r19']);
      expect(histogram(el, 5).getAttribute('aria-pressed')).to.equal('true');
      expect(text($(el, '[part~="selection"]'))).to.equal('Showing reviews: 5★ (10) · 3.9 from 20 reviews · See all reviews');
      // The figures stay over all reviews.
      expect(text($(el, '.summary'))).to.equal('3.9 20 reviews');
      histogram(el, 4).click();
      await settle(el);
      expect(text($(el, '[part~="selection"]'))).to.equal('Showing reviews: 4★ and 5★ (14) · 3.9 from 20 reviews · See all reviews');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[part~="selection"] button').click();
      await settle(el);
      expect($(el, '[part~="selection"]')).to.equal(null);
      expect(ids(el)).to.have.length(10);
      await waitUntil(() => filters.length === 3);
      expect(filters.map((e) => e.detail.stars)).to.deep.equal([[5], [4, 5], []]);
      expect(filters[1].detail).to.include({
        widget: 'review-showcase',
        instance: 'default',
        productId: 'mug',
        photos: false,
        keyword: '',
        featured: false,
        matches: 14,
      });
      expect(filters[1].detail.counters).to.deep.equal({ interacted: 2 });
    });

    it('a store selection (min-rating, featured) is labelled from the start, with the figures over all reviews, and fires no event', async () => {
      const el = document.createElement('retain-review-showcase');
      const filters = record(el, 'retain-review-filtered');
      el.setAttribute('min-rating', '4');
      el.data = makeData(20);
      document.body.append(el);
      try {
        await settle(el);
        expect(text($(el, '[part~="selection"]'))).to.equal('Showing reviews: 4★ and 5★ (14) · 3.9 from 20 reviews · See all reviews');
        expect(ids(el).every((id) => [1, 2, 3, 4, 6, 7, 9].includes(((Number(id!.slice(1)) - 1) % 10) + 1))).to.equal(true);
        el.featured = true;
        await settle(el);
        expect(text($(el, '[part~="selection"]'))).to.equal(
          'Showing reviews: 4★ and 5★, featured (0) · 3.9 from 20 reviews · See all reviews',
        );
        expect(text($(el, '.note'))).to.equal('No reviews match.');
        expect(filters).to.have.length(0);
      } finally {
        el.remove();
      }
    });

    it('sorts by each order; the shopper choice fires one event, an attribute set none', async () => {
      const data = makeData(6, {}, (i) => ({ helpful: [0, 1, 40, 3, 0, 9][i], unhelpful: [0, 0, 5, 0, 0, 9][i] }));
      const el = await showcase(html`<retain-review-showcase .data=${data}></retain-review-showcase>`);
      const sorts = record(el, 'retain-review-sorted');
      expect(ids(el)).to.deep.equal(['r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
      const select = $<HTMLSelectElement>(el, 'select');
      const expected: Record<string, string[]> = {
        highest: ['r1', 'r2', 'r4', 'r6', 'r3', 'r5'],
        lowest: ['r5', 'r3', 'r1', 'r2', 'r4', 'r6'],
        // 40 of 45 > 3 of 3 > 9 of 18 > 1 of 1 > no votes (newest first)
        helpful: ['r3', 'r4', 'r6', 'r2', 'r1', 'r5'],
        photos: ['r1', 'r6', 'r2', 'r3', 'r4', 'r5'],
        newest: ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'],
      };
      for (const [sort, order] of Object.entries(expected)) {
        select.value = sort;
        select.dispatchEvent(new Event('change'));
        await settle(el);
        expect(ids(el), sort).to.deep.equal(order);
      }
      await waitUntil(() => sorts.length === 5);
      expect(sorts.map((e) => e.detail.sort)).to.deep.equal(Object.keys(expected));
      el.sort = 'lowest';
      await settle(el);
      expect(ids(el)).to.deep.equal(expected.lowest);
      expect($<HTMLSelectElement>(el, 'select').value).to.equal('lowest');
      // A sort event follows its counter's write: once the writes are done, a sixth would be here.
      await afterWrites();
      expect(sorts).to.have.length(5);
    });

    it('filters with photos and by keyword (typing filters; the committed keyword fires the event)', async () => {
      const el = await showcase(html`<retain-review-showcase .data=${makeData(20)}></retain-review-showcase>`);
      const filters = record(el, 'retain-review-filtered');
      $<HTMLInputElement>(el, 'input[type="checkbox"]').click();
      await waitUntil(() => filters.length === 1);
      expect(ids(el)).to.deep.equal(['r1', 'r6', 'r11', 'r16']);
      expect(text($(el, '[part~="selection"]'))).to.equal('Showing reviews: with photos (4) · 3.9 from 20 reviews · See all reviews');
      const search = $<HTMLInputElement>(el, 'input[type="search"]');
      search.focus();
      await sendKeys({ type: 'REVIEW 1' });
      await settle(el);
      // "review 1" matches 1, 10–19; with photos: r1, r11, r16.
      expect(ids(el)).to.deep.equal(['r1', 'r11', 'r16']);
      await afterWrites();
      expect(filters).to.have.length(1);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => filters.length === 2);
      expect(filters[1].detail).to.include({ keyword: 'REVIEW 1', photos: true, matches: 3 });
      expect(text($(el, '[part~="selection"]'))).to.equal(
        'Showing reviews: with photos, “REVIEW 1” (3) · 3.9 from 20 reviews · See all reviews',
      );
      await expect(el).to.be.accessible();
    });

    it('a search that finds nothing is said in the same status line that counted the reviews shown', async () => {
      const el = await showcase(html`<retain-review-showcase page-size="4" .data=${makeData(10)}></retain-review-showcase>`);
      const status = $(el, '[role="status"]');
      expect(text(status)).to.equal('4 of 10 shown');
      $<HTMLInputElement>(el, 'input[type="search"]').focus();
      await sendKeys({ type: 'zzzqqq' });
      await settle(el);
      expect(ids(el)).to.deep.equal([]);
      // The live region a screen reader already follows: the same element, now saying there is no match.
      expect($$(el, '[role="status"]')).to.deep.equal([status]);
      expect(text(status)).to.equal('No reviews match.');
      await expect(el).to.be.accessible();
    });
  });

  describe('the shopper’s language first', () => {
    // r1 is the newest: uk, hu, en, (none), en, uk.
    const LANGUAGES = ['uk', 'hu', 'en', undefined, 'en-GB', 'uk'];
    const mixed = () => makeData(6, {}, (i) => ({ language: LANGUAGES[i] }));
    const languageBox = (el: Element) =>
      $$<HTMLLabelElement>(el, '[part="controls"] label').find((label) => / reviews first$|^Спершу|^Сначала|^Előbb/.test(text(label)));

    it('on an English page, English (and untagged) reviews come first, labelled, and the shopper can turn it off', async () => {
      const page = await fixture<HTMLElement>(html`<div lang="en-US">
        <retain-review-showcase .data=${mixed()}></retain-review-showcase>
      </div>`);
      const el = page.firstElementChild as RetainReviewShowcase;
      await settle(el);
      const sorts = record(el, 'retain-review-sorted');
      expect(ids(el)).to.deep.equal(['r3', 'r4', 'r5', 'r1', 'r2', 'r6']);
      const label = languageBox(el)!;
      expect(text(label)).to.equal('English reviews first');
      const box = label.querySelector('input')!;
      expect(box.checked).to.equal(true);
      await expect(el).to.be.accessible();

      box.click();
      await waitUntil(() => sorts.length === 1, 'one sort event');
      expect(ids(el)).to.deep.equal(['r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
      expect(sorts[0].detail).to.include({ productId: 'mug', sort: 'newest', languageFirst: null });
      expect(box.checked).to.equal(false);

      box.click();
      await waitUntil(() => sorts.length === 2, 'a second sort event');
      expect(ids(el)).to.deep.equal(['r3', 'r4', 'r5', 'r1', 'r2', 'r6']);
      expect(sorts[1].detail.languageFirst).to.equal('en');
      // Another order keeps the language first.
      const select = $<HTMLSelectElement>(el, 'select');
      select.value = 'lowest';
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => sorts.length === 3, 'a third sort event');
      expect(sorts[2].detail).to.include({ sort: 'lowest', languageFirst: 'en' });
      // Ratings 4 (r3), 3 (r5), 5 (r4); then 5 (r1), 5 (r2), 5 (r6): lowest first within each group.
      expect(ids(el)).to.deep.equal(['r5', 'r3', 'r4', 'r1', 'r2', 'r6']);
    });

    it('follows the page’s language: Ukrainian reviews first on a Ukrainian page', async () => {
      const uk = await showcase(html`<retain-review-showcase lang="uk" .data=${mixed()}></retain-review-showcase>`);
      expect(ids(uk)).to.deep.equal(['r1', 'r4', 'r6', 'r2', 'r3', 'r5']);
      expect(text(languageBox(uk)!)).to.equal('Спершу відгуки українською');
    });

    it('follows the page’s language where the interface has none: German reviews first on a German page', async () => {
      const german = makeData(3, {}, (i) => ({ language: ['en', 'de', 'de'][i] }));
      const de = await showcase(html`<retain-review-showcase lang="de-AT" .data=${german}></retain-review-showcase>`);
      expect(ids(de)).to.deep.equal(['r2', 'r3', 'r1']);
      // The interface falls back to English; the order and its label follow the page.
      expect(text(languageBox(de)!)).to.equal('German reviews first');
    });

    it('no-language-first keeps the sort’s order and shows no control', async () => {
      const el = await showcase(html`<retain-review-showcase lang="en" no-language-first .data=${mixed()}></retain-review-showcase>`);
      expect(ids(el)).to.deep.equal(['r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
      expect(languageBox(el)).to.equal(undefined);
    });

    it('shows no control when it changes nothing (every review in one language)', async () => {
      const el = await showcase(html`<retain-review-showcase lang="ru" .data=${makeData(3)}></retain-review-showcase>`);
      expect(ids(el)).to.deep.equal(['r1', 'r2', 'r3']);
      expect(languageBox(el)).to.equal(undefined);
    });

    it('a paged source is asked for the shopper’s language first (lang), and its order is kept', async () => {
      const key = `k${Math.random()}`;
      const src = `/test-api/reviews?count=6&per=3&languages=uk,en&key=${key}`;
      const el = await showcase(html`<retain-review-showcase lang="en" src=${src}></retain-review-showcase>`);
      await waitUntil(() => $$(el, 'article').length === 3);
      expect(ids(el)).to.deep.equal(['p2', 'p4', 'p6']);
      const off = await showcase(html`<retain-review-showcase lang="en" no-language-first src=${`${src}&off=1`}></retain-review-showcase>`);
      await waitUntil(() => $$(off, 'article').length === 3);
      expect(ids(off)).to.deep.equal(['p1', 'p2', 'p3']);
      const requests: string[] = await (await fetch(`/test-api/reviews/requests?key=${key}`)).json();
      expect(requests.map((q) => new URLSearchParams(q).get('lang'))).to.have.members(['en', null]);
    });
  });

  describe('paging', () => {
    it('"show more" appends a page and moves focus to its first card', async () => {
      const el = await showcase(html`<retain-review-showcase page-size="3" .data=${makeData(7)}></retain-review-showcase>`);
      expect(ids(el)).to.deep.equal(['r1', 'r2', 'r3']);
      $<HTMLButtonElement>(el, '[part="more"]').focus();
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(ids(el)).to.deep.equal(['r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
      expect(root(el).activeElement?.getAttribute('data-id')).to.equal('r4');
      expect(text($(el, '.status'))).to.equal('6 of 7 shown');
      $<HTMLButtonElement>(el, '[part="more"]').click();
      await settle(el);
      expect(ids(el)).to.have.length(7);
      expect($(el, '[part="more"]')).to.equal(null);
    });

    it('10,000 reviews keep only a page of cards in the DOM', async () => {
      const el = await showcase(html`<retain-review-showcase .data=${makeData(10_000)}></retain-review-showcase>`);
      expect($$(el, 'article')).to.have.length(10);
      expect($$(el, 'img')).to.have.length(4);
      expect(text($(el, '.summary'))).to.equal('3.9 10,000 reviews');
      $<HTMLButtonElement>(el, '[part="more"]').click();
      await settle(el);
      expect($$(el, 'article')).to.have.length(20);
      histogram(el, 1).click();
      await settle(el);
      expect($$(el, 'article')).to.have.length(10);
      expect(text($(el, '.status'))).to.equal('10 of 1,000 shown');
    });

    it('10,000 inline reviews are read in slices, between the page’s other tasks, then a page of cards in one batch', async () => {
      const json = JSON.stringify(makeData(10_000)).replace(/</g, '\\u003c');
      // The page's own work, from the first piece of the reviews parsed until the cards are drawn: reading in
      // one long task would let none of it run between pieces. (Tasks, not frames: WebKit on a loaded machine
      // may draw a single frame in that time.)
      let tasks: PageTasks | undefined;
      const parse = JSON.parse;
      /** How many of the page's tasks had run at each piece parsed. */
      const parsedAfter = new Set<number>();
      JSON.parse = function (this: JSON, ...args: Parameters<JSON['parse']>) {
        if (args[0].length > 10_000) {
          tasks ??= startPageTasks();
          parsedAfter.add(tasks.count);
        }
        return parse.apply(this, args);
      } as JSON['parse'];
      const el = document.createElement('retain-review-showcase');
      el.append(Object.assign(document.createElement('script'), { type: 'application/json', textContent: json }));
      const drawn = new MutationObserver(() => {
        if (el.shadowRoot!.querySelector('article')) tasks?.stop();
      });
      try {
        fixtureSync<HTMLElement>(html`<div></div>`).append(el);
        drawn.observe(el.shadowRoot!, { childList: true, subtree: true });
        await waitUntil(() => $$(el, 'article').length > 0, 'the first cards show', { timeout: 10_000 });
      } finally {
        JSON.parse = parse;
        drawn.disconnect();
        tasks?.stop();
      }
      // The page's cards come in one batch (cards off screen skip layout), not a few a frame.
      expect($$(el, 'article').length).to.equal(10);
      await settle(el);
      expect($$(el, 'article')).to.have.length(10);
      expect(text($(el, '.summary'))).to.equal('3.9 10,000 reviews');
      expect(parsedAfter.size, 'the page’s tasks run between the pieces parsed').to.be.at.least(2);
      expect(tasks?.count, 'the page’s tasks run while the reviews are read').to.be.at.least(3);
    });
  });

  describe('carousel', () => {
    it('moves by keyboard and buttons, one page in the DOM, turning pages at the ends', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      await setViewport({ width: 800, height: 700 });
      const el = await showcase(
        html`<retain-review-showcase view="carousel" page-size="4" style="--retain-review-showcase-card-width: 300px" .data=${makeData(6)}></retain-review-showcase>`,
      );
      const track = $(el, '.track');
      expect(track.getAttribute('aria-roledescription')).to.equal('carousel');
      expect(ids(el)).to.deep.equal(['r1', 'r2', 'r3', 'r4']);
      track.focus();
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => track.scrollLeft > 0, 'ArrowRight scrolls');
      const next = $<HTMLButtonElement>(el, '.next');
      next.focus();
      for (let i = 0; i < 6 && ids(el)[0] === 'r1'; i++) {
        await sendKeys({ press: 'Enter' });
        await settle(el);
      }
      expect(ids(el)).to.deep.equal(['r5', 'r6']);
      expect(root(el).activeElement).to.equal(next);
      $<HTMLButtonElement>(el, '.prev').click();
      await settle(el);
      expect(ids(el)).to.deep.equal(['r1', 'r2', 'r3', 'r4']);
      await expect(el).to.be.accessible();
      await setViewport({ width: 800, height: 600 });
    });
  });

  describe('photos', () => {
    it('open in a modal lightbox by keyboard, step with arrows, close with Escape and give focus back', async () => {
      const el = await showcase(html`<retain-review-showcase .data=${makeData(3)}></retain-review-showcase>`);
      const opens = record(el, 'retain-review-photo-opened');
      const thumb = $<HTMLButtonElement>(el, '.photos button');
      thumb.focus();
      await sendKeys({ press: 'Enter' });
      // Opened once the lightbox's code is here and the photo rendered: tasks later on a loaded machine.
      await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'the lightbox opens');
      const dialog = $<HTMLDialogElement>(el, 'dialog');
      expect(dialog.matches(':modal')).to.equal(true);
      expect(root(el).activeElement?.classList.contains('close')).to.equal(true);
      expect(dialog.getAttribute('aria-label')).to.equal('Photo 1 of 2');
      expect(dialog.querySelector('img')!.alt).to.equal('Cup photo 1');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'ArrowRight' });
      await settle(el);
      expect(dialog.querySelector('img')!.alt).to.equal('Second photo 1');
      expect(dialog.getAttribute('aria-label')).to.equal('Photo 2 of 2');
      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(dialog.open).to.equal(false);
      expect(root(el).activeElement).to.equal(thumb);
      await waitUntil(() => opens.length === 1);
      expect(opens[0].detail).to.include({ productId: 'mug', reviewId: 'r1', index: 0 });
      expect(opens[0].detail.counters).to.deep.equal({ opened: 1 });
    });
  });

  describe('helpful votes', () => {
    it('count once per review per device, fire one event, and survive a reload', async () => {
      const data = makeData(2, {}, () => ({ helpful: 4 }));
      const el = await showcase(html`<retain-review-showcase .data=${data}></retain-review-showcase>`);
      const votes = record(el, 'retain-review-voted');
      const button = () => $<HTMLButtonElement>(el, 'article .vote');
      button().click();
      await waitUntil(() => votes.length === 1);
      await settle(el);
      expect(text(button())).to.equal('Helpful · 5');
      expect(button().getAttribute('aria-pressed')).to.equal('true');
      expect(votes[0].detail).to.include({ productId: 'mug', reviewId: 'r1' });
      expect(votes[0].detail.counters).to.deep.equal({ voted: 1 });
      button().click();
      button().click();
      // A vote's event follows its vote's and its counter's writes.
      await afterWrites();
      expect(votes).to.have.length(1);
      expect(text(button())).to.equal('Helpful · 5');
      // "Reload": a new element reads the vote back from IndexedDB.
      el.remove();
      const again = await showcase(html`<retain-review-showcase .data=${data}></retain-review-showcase>`);
      await waitUntil(() => $(again, 'article .vote').getAttribute('aria-pressed') === 'true');
      expect(text($(again, 'article .vote'))).to.equal('Helpful · 5');
      // Once the store's own count includes the vote, it is not added twice.
      again.data = makeData(2, {}, () => ({ helpful: 9 }));
      await settle(again);
      expect(text($(again, 'article .vote'))).to.equal('Helpful · 9');
      const more = record(again, 'retain-review-voted');
      $<HTMLButtonElement>(again, 'article .vote').click();
      await afterWrites();
      expect(more).to.have.length(0);
      await expect(again).to.be.accessible();
    });

    it('another product on the same element (a single-page store) starts with its own votes', async () => {
      const data = makeData(2, {}, () => ({ helpful: 4 }));
      const el = await showcase(html`<retain-review-showcase .data=${data}></retain-review-showcase>`);
      const votes = record(el, 'retain-review-voted');
      $<HTMLButtonElement>(el, 'article .vote').click();
      await waitUntil(() => votes.length === 1);
      // The teapot's reviews share the mug's ids (r1, r2), as two products' numbering may.
      el.data = makeData(2, { product: { id: 'teapot', name: 'Teapot' } }, () => ({ helpful: 4 }));
      await settle(el);
      expect($(el, 'article .vote').getAttribute('aria-pressed'), 'not the mug’s vote').to.equal('false');
      expect(text($(el, 'article .vote'))).to.equal('Helpful · 4');
      $<HTMLButtonElement>(el, 'article .vote').click();
      await waitUntil(() => votes.length === 2, 'the teapot’s review is voted for');
      expect(votes[1].detail).to.include({ productId: 'teapot', reviewId: 'r1' });
    });

    it('keeps working in memory when IndexedDB is missing (one warning)', async () => {
      const descriptor = Object.getOwnPropertyDescriptor(window, 'indexedDB')!;
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
      try {
        freshDatabase({ openTimeoutMs: SLOW_MACHINE_MS });
        const el = await showcase(html`<retain-review-showcase .data=${makeData(2)}></retain-review-showcase>`);
        const votes = record(el, 'retain-review-voted');
        $<HTMLButtonElement>(el, 'article .vote').click();
        await waitUntil(() => votes.length === 1);
        expect(storage().mode).to.equal('memory');
        const warnings = consoleWatch.take();
        expect(warnings).to.have.length(1);
        expect(warnings[0]).to.match(/IndexedDB is unavailable/);
      } finally {
        Object.defineProperty(window, 'indexedDB', descriptor);
      }
    });
  });

  describe('new since the last visit', () => {
    it('marks reviews dated after the previous visit', async () => {
      // The previous visit saw the page an hour after the 3rd newest of 5 reviews was written.
      await storage().put('state', { seen: START + 3 * HOUR + 1 }, 'review-showcase/mug/visit');
      const el = await showcase(html`<retain-review-showcase .data=${makeData(5)}></retain-review-showcase>`);
      await waitUntil(() => $$(el, '.new').length > 0);
      expect(
        $$(el, 'article')
          .filter((a) => a.querySelector('.new'))
          .map((a) => a.dataset.id),
      ).to.deep.equal(['r1', 'r2']);
      await expect(el).to.be.accessible();
    });

    it('marks nothing on the first visit', async () => {
      const el = await showcase(html`<retain-review-showcase .data=${makeData(5)}></retain-review-showcase>`);
      // The marks would follow the visit's record (read and written in one transaction).
      await waitUntil(() => storage().get('state', 'review-showcase/mug/visit'), 'the visit recorded');
      await settle(el);
      expect($$(el, '.new')).to.have.length(0);
    });
  });

  describe('events', () => {
    it('reports reviews seen once each, when they come into view', async () => {
      const el = document.createElement('retain-review-showcase');
      const seen = record(el, 'retain-review-seen');
      el.pageSize = '3';
      el.data = makeData(6);
      document.body.append(el);
      const all = () => seen.flatMap((e) => e.detail.reviewIds);
      try {
        await el.updateComplete;
        await waitUntil(() => seen.length > 0);
        expect(seen[0].detail.productId).to.equal('mug');
        // Only the cards at least half in view count as seen.
        const visible = $$(el, 'article')
          .filter((a) => a.getBoundingClientRect().top + a.offsetHeight / 2 <= innerHeight)
          .map((a) => a.dataset.id);
        expect(all()).to.deep.equal(visible);
        expect(visible.length).to.be.lessThan(3);
        $(el, '[part="more"]').scrollIntoView();
        await waitUntil(() => all().length === 3);
        $<HTMLButtonElement>(el, '[part="more"]').click();
        await settle(el);
        $$(el, 'article')[5].scrollIntoView();
        await waitUntil(() => all().length === 6);
        // Back to the top: the widget's observer hears of the first card before this one (observers are told
        // in the order they were made), and a "seen" event goes out in its callback.
        const back = new Promise<void>((resolve) => {
          const observer = new IntersectionObserver(
            (entries) => {
              if (entries.some((entry) => entry.isIntersecting)) resolve(observer.disconnect());
            },
            { threshold: 0.5 },
          );
          observer.observe($$(el, 'article')[0]);
        });
        window.scrollTo(0, 0);
        await back;
        expect(all()).to.deep.equal(['r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
        expect(seen[0].detail.counters).to.equal(undefined);
      } finally {
        el.remove();
      }
    });

    it('fires nothing on programmatic changes', async () => {
      const el = await showcase(html`<retain-review-showcase .data=${makeData(6)}></retain-review-showcase>`);
      const fired: string[] = [];
      for (const type of ['retain-review-filtered', 'retain-review-sorted', 'retain-review-voted', 'retain-review-photo-opened'] as const)
        el.addEventListener(type, () => fired.push(type));
      el.setAttribute('min-rating', '5');
      el.setAttribute('sort', 'lowest');
      el.featured = true;
      el.view = 'grid';
      await settle(el);
      expect(fired).to.deep.equal([]);
    });
  });

  describe('configuration', () => {
    it('a bad attribute warns once and falls back', async () => {
      const el = await showcase(
        html`<retain-review-showcase view="tiles" page-size="0" sort="best" min-rating="9" .data=${makeData(12)}></retain-review-showcase>`,
      );
      const warnings = consoleWatch.take();
      expect(warnings).to.have.length(4);
      expect(warnings.join('\n')).to.match(/view="tiles" is not one of list, grid, carousel, summary/);
      expect(warnings.join('\n')).to.match(/page-size="0" is below the minimum 1/);
      expect(warnings.join('\n')).to.match(/sort="best"/);
      expect(warnings.join('\n')).to.match(/min-rating="9" is above the maximum 5/);
      expect(ids(el)).to.have.length(10);
      expect($(el, '[part~="selection"]')).to.equal(null);
      el.requestUpdate();
      await settle(el);
      expect(consoleWatch.take()).to.have.length(0);
    });

    it('an unsafe src is refused with one warning', async () => {
      const el = await showcase(html`<retain-review-showcase src="javascript:alert(1)"></retain-review-showcase>`);
      const warnings = consoleWatch.take();
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/src="javascript:alert\(1\)" is not an https: or relative URL/);
      // No src: falls back to inline JSON, of which there is none.
      expect(text($(el, '.note'))).to.equal('Reviews could not be loaded.');
    });

    it('data with problems shows the valid reviews and warns once', async () => {
      const data = makeData(3);
      data.reviews.push({ id: 'bad', rating: 11 } as never, { rating: 3 } as never);
      const el = await showcase(html`<retain-review-showcase .data=${data}></retain-review-showcase>`);
      expect(ids(el)).to.deep.equal(['r1', 'r2', 'r3']);
      const warnings = consoleWatch.take();
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/2 problem\(s\) in the review data, the first: review bad has no rating from 1 to 5/);
    });

    it('reserves space before the reviews arrive, and says it is loading after a second of waiting', async () => {
      const el = document.createElement('retain-review-showcase') as RetainReviewShowcase;
      el.style.setProperty('--retain-review-showcase-min-height', '800px');
      el.src = '/test-api/reviews?delay=4000&count=2';
      const loading = watchLoading(el);
      const below = document.createElement('p');
      below.textContent = 'after the reviews';
      document.body.append(el, below);
      try {
        el.scrollIntoView({ block: 'nearest' });
        const top = below.getBoundingClientRect().top;
        expect(el.getBoundingClientRect().height).to.equal(800);
        await waitUntil(() => $(el, '.note'), 'the note', { timeout: SLOW_MACHINE_MS });
        expect(text($(el, '.note'))).to.equal('Loading reviews…');
        expect($(el, 'section').getAttribute('aria-busy')).to.equal('true');
        expect(loading.noteAfter(), 'ms from the first render to the note').to.be.at.least(QUIET_MS);
        await waitUntil(() => $$(el, 'article').length === 2, 'loaded', { timeout: SLOW_MACHINE_MS });
        // Two cards fit in the reserved space: nothing below moved.
        expect(el.getBoundingClientRect().height).to.equal(800);
        expect(below.getBoundingClientRect().top).to.equal(top);
      } finally {
        loading.stop();
        el.remove();
        below.remove();
      }
    });

    it('draws nothing while its reviews come within a second: from no height to its cards in one step, no "Loading" note', async () => {
      const el = document.createElement('retain-review-showcase') as RetainReviewShowcase;
      el.src = '/test-api/reviews?delay=100&count=2';
      const loading = watchLoading(el);
      document.body.append(el);
      try {
        el.scrollIntoView({ block: 'nearest' });
        await waitUntil(() => $$(el, 'article').length === 2, 'loaded', { timeout: SLOW_MACHINE_MS });
        await aFrameMore();
        const note = loading.noteAfter();
        // On a machine so loaded that the reviews took over a second, the note rightly came (not before then).
        if (note !== undefined) expect(note, 'ms from the first render to the note').to.be.at.least(QUIET_MS);
        else expect(loading.heights, 'heights, in turn').to.deep.equal([0, Math.round(el.getBoundingClientRect().height)]);
      } finally {
        loading.stop();
        el.remove();
      }
    });
  });

  describe('out of view', () => {
    it('drawn one screen ahead, it lays out its cards a frame after its figures: no one frame lays out both', async () => {
      const spacer = document.createElement('div');
      spacer.style.height = `${innerHeight + 50}px`;
      const el = document.createElement('retain-review-showcase') as RetainReviewShowcase;
      el.setAttribute('loading', 'eager');
      el.data = makeData(3);
      const loading = watchLoading(el);
      window.scrollTo(0, 0);
      document.body.prepend(spacer, el);
      try {
        expect(el.getBoundingClientRect().top, 'below the viewport').to.be.greaterThan(innerHeight);
        await waitUntil(() => $$(el, 'article').length === 3, 'the cards', { timeout: SLOW_MACHINE_MS });
        const figures = Math.round($(el, '.summary').getBoundingClientRect().height);
        await waitUntil(() => !$(el, '.reviews').hasAttribute('data-later'), 'laid out', { timeout: SLOW_MACHINE_MS });
        await aFrameMore();
        // Its data is the page's own: the first render has it (no empty render before).
        const [withoutCards, all] = loading.drawnHeights();
        expect(loading.drawnHeights(), 'heights once drawn, in turn').to.have.length(2);
        expect(withoutCards, 'the figures and controls, no cards').to.be.within(figures, all - 100);
        expect(all).to.equal(Math.round(el.getBoundingClientRect().height));
      } finally {
        loading.stop();
        el.remove();
        spacer.remove();
      }
    });

    it('on screen, its figures and cards come in one frame', async () => {
      const el = document.createElement('retain-review-showcase') as RetainReviewShowcase;
      el.setAttribute('loading', 'eager');
      el.data = makeData(3);
      const loading = watchLoading(el);
      window.scrollTo(0, 0);
      document.body.prepend(el);
      try {
        await waitUntil(() => $$(el, 'article').length === 3, 'the cards', { timeout: SLOW_MACHINE_MS });
        await aFrameMore();
        expect($(el, '.reviews').hasAttribute('data-later')).to.equal(false);
        expect(loading.drawnHeights(), 'heights once drawn, in turn').to.deep.equal([Math.round(el.getBoundingClientRect().height)]);
      } finally {
        loading.stop();
        el.remove();
      }
    });
  });

  describe('heading level', () => {
    const levels = (el: Element) => $$(el, 'article .title').map((h) => h.localName);

    it('review titles are <h3> by default, and heading-level="2" makes them <h2> right under the page’s <h1>', async () => {
      const plain = await showcase(html`<retain-review-showcase page-size="2" .data=${makeData(3)}></retain-review-showcase>`);
      expect(levels(plain)).to.deep.equal(['h3', 'h3']);
      const page = await fixture<HTMLElement>(html`<main>
        <h1>Stoneware mug</h1>
        <retain-review-showcase heading-level="2" page-size="2" .data=${makeData(3)}></retain-review-showcase>
      </main>`);
      const el = page.querySelector<RetainReviewShowcase>('retain-review-showcase')!;
      await settle(el);
      expect(levels(el)).to.deep.equal(['h2', 'h2']);
      expect(text($(el, 'article .title'))).to.equal('Review 1');
      // axe's heading-order: h1 then h2, no level skipped (with the default h3 it reports the skip).
      await expect(page).to.be.accessible();
    });

    it('follows the property set from script', async () => {
      const el = await showcase(html`<retain-review-showcase page-size="1" .data=${makeData(2)}></retain-review-showcase>`);
      el.headingLevel = '4';
      await settle(el);
      expect(levels(el)).to.deep.equal(['h4']);
    });

    for (const bad of ['1', '7', '2.5', 'h2']) {
      it(`heading-level="${bad}" warns once and uses 3`, async () => {
        const el = await showcase(
          html`<retain-review-showcase heading-level=${bad} page-size="1" .data=${makeData(2)}></retain-review-showcase>`,
        );
        const warnings = consoleWatch.take();
        expect(warnings).to.have.length(1);
        expect(warnings[0]).to.contain(`heading-level="${bad}"`).and.contain('using 3 instead').and.contain('<retain-review-showcase');
        expect(levels(el)).to.deep.equal(['h3']);
      });
    }
  });

  describe('views', () => {
    it('the summary shows stars, average and count, links to the reviews, and writes no JSON-LD', async () => {
      const data = makeData(10);
      const before = document.querySelectorAll('script[type="application/ld+json"]').length;
      const el = await showcase(html`<retain-review-showcase view="summary" href="#reviews" .data=${data}></retain-review-showcase>`);
      expect(text($(el, '[part~="summary"]'))).to.equal('3.9 10 reviews');
      expect($<HTMLAnchorElement>(el, 'a').href).to.equal(`${location.href.split('#')[0]}#reviews`);
      expect($$(el, 'article')).to.have.length(0);
      expect(document.querySelectorAll('script[type="application/ld+json"]').length).to.equal(before);
      await expect(el).to.be.accessible();
      expect(el.getBoundingClientRect().height).to.be.greaterThan(0);
    });

    it('the grid lays cards out in columns', async () => {
      await setViewport({ width: 1000, height: 700 });
      const el = await showcase(
        html`<retain-review-showcase view="grid" page-size="4" style="--retain-review-showcase-card-width: 200px" .data=${makeData(4)}></retain-review-showcase>`,
      );
      const tops = $$(el, 'article').map((a) => Math.round(a.getBoundingClientRect().top));
      expect(new Set(tops).size).to.equal(1);
      await expect(el).to.be.accessible();
      await setViewport({ width: 800, height: 600 });
    });

    it('speaks Ukrainian and Hungarian too, following the nearest lang', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div lang="uk-UA">
        <retain-review-showcase .data=${makeData(21)}></retain-review-showcase>
        <retain-review-showcase lang="hu" .data=${makeData(1)}></retain-review-showcase>
      </div>`);
      const [uk, hu] = [...wrapper.querySelectorAll('retain-review-showcase')];
      await waitUntil(
        () => text($(uk, '.summary')) === '4,0 21 відгук' && text($(hu, '.summary')) === '5,0 1 értékelés',
        'texts load on demand',
      );
      await Promise.all([uk.updateComplete, hu.updateComplete]);
      expect(histogram(uk, 5).getAttribute('aria-label')).to.equal('5 зірок: 11 відгуків');
      expect(histogram(uk, 4).getAttribute('aria-label')).to.equal('4 зірки: 4 відгуки');
      expect(text($(uk, '.status'))).to.equal('Показано 10 з 21');
      expect(text($(hu, 'select option:checked'))).to.equal('Legújabb elöl');
      expect(text($(hu, 'article .vote'))).to.equal('Hasznos');
      expect(text($(hu, 'article time'))).to.equal('2025. jan. 1.');
      await expect(uk).to.be.accessible();
    });

    it('speaks the page language (ru) with its plurals and dates; each review keeps its own lang', async () => {
      const el = await showcase(html`<retain-review-showcase lang="ru" .data=${makeData(2)}></retain-review-showcase>`);
      expect(text($(el, '.summary'))).to.equal('5,0 2 отзыва');
      expect(histogram(el, 5).getAttribute('aria-label')).to.equal('5 звёзд: 2 отзыва');
      expect(text($(el, 'article time'))).to.match(/янв\. 2025/);
      expect($(el, 'article .body').getAttribute('lang')).to.equal('en');
      histogram(el, 5).click();
      await settle(el);
      expect(text($(el, '[part~="selection"]'))).to.equal('Показаны отзывы: 5★ (2) · 5,0 на основе 2 отзывов · Все отзывы');
    });
  });

  describe('src', () => {
    it('loads pages from the store, passing sort and filters, and keeps the aggregate over all', async () => {
      const key = `k${Math.random()}`;
      const el = await showcase(
        html`<retain-review-showcase lang="en" page-size="10" src="/test-api/reviews?count=45&per=10&delay=200&key=${key}"></retain-review-showcase>`,
      );
      await waitUntil(() => $$(el, 'article').length === 10);
      // 178 stars over 45 reviews: 3.96, shown with one decimal.
      expect(text($(el, '.summary'))).to.equal('4.0 45 reviews');
      expect(text($(el, '.status'))).to.equal('10 of 45 shown');
      $<HTMLButtonElement>(el, '[part="more"]').click();
      await waitUntil(() => $$(el, 'article').length === 20);
      expect(ids(el).slice(9, 11)).to.deep.equal(['p10', 'p11']);
      histogram(el, 5).click();
      await waitUntil(() => $(el, '[part~="base"]').getAttribute('aria-busy') === 'true', 'the store is asked');
      // While the store is asked, the old count is not shown as the selection's.
      expect(text($(el, '[part~="selection"]'))).to.equal('Showing reviews: 5★ · 4.0 from 45 reviews · See all reviews');
      await waitUntil(() => text($(el, '[part~="selection"]')).includes('(23)'));
      expect(text($(el, '[part~="selection"]'))).to.equal('Showing reviews: 5★ (23) · 4.0 from 45 reviews · See all reviews');
      await el.updateComplete;
      expect(ids(el).slice(0, 3)).to.deep.equal(['p1', 'p2', 'p4']);
      const select = $<HTMLSelectElement>(el, 'select');
      select.value = 'lowest';
      select.dispatchEvent(new Event('change'));
      histogram(el, 5).click();
      await waitUntil(() => ids(el)[0] === 'p10');
      const requests: string[] = await (await fetch(`/test-api/reviews/requests?key=${key}`)).json();
      expect(requests.map((q) => Object.fromEntries(new URLSearchParams(q)))).to.deep.include.members([
        { count: '45', per: '10', delay: '200', key, sort: 'newest', lang: 'en' },
        { count: '45', per: '10', delay: '200', key, sort: 'newest', lang: 'en', page: '2' },
        { count: '45', per: '10', delay: '200', key, sort: 'newest', lang: 'en', rating: '5' },
        { count: '45', per: '10', delay: '200', key, sort: 'lowest', lang: 'en' },
      ]);
      await expect(el).to.be.accessible();
    });

    it('two showcases of the same src (a summary and a list) ask the store once', async () => {
      const key = `k${Math.random()}`;
      const src = `/test-api/reviews?count=12&per=10&delay=100&key=${key}`;
      const root = await fixture<HTMLElement>(
        html`<div>
          <retain-review-showcase view="summary" src=${src}></retain-review-showcase>
          <retain-review-showcase src=${src}></retain-review-showcase>
        </div>`,
      );
      const [summary, list] = root.querySelectorAll<RetainReviewShowcase>('retain-review-showcase');
      await waitUntil(() => $$(list, 'article').length === 10 && text($(summary, '.summary')).includes('12 reviews'));
      expect(text($(list, '.summary'))).to.equal(text($(summary, '.summary')));
      const requests: string[] = await (await fetch(`/test-api/reviews/requests?key=${key}`)).json();
      expect(requests).to.have.length(1);
    });

    it('says when the reviews could not be loaded, and retries', async () => {
      const el = await showcase(html`<retain-review-showcase src="/test-api/reviews?fail=1"></retain-review-showcase>`);
      await waitUntil(() => text($(el, '.note')).startsWith('Reviews could not be loaded.'));
      const warnings = consoleWatch.take();
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/could not be loaded \(HTTP 500\)/);
      await expect(el).to.be.accessible();
      el.src = '/test-api/reviews?count=3';
      await waitUntil(() => $$(el, 'article').length === 3);
      consoleWatch.take('error');
    });

    it('a moving page waits for its response: one event per change', async () => {
      const el = await showcase(html`<retain-review-showcase src="/test-api/reviews?count=12&per=5"></retain-review-showcase>`);
      await waitUntil(() => $$(el, 'article').length === 5);
      const filters = record(el, 'retain-review-filtered');
      const event = oneEvent(el, 'retain-review-filtered');
      $<HTMLInputElement>(el, 'input[type="checkbox"]').click();
      await event;
      await waitUntil(() => ids(el).every((id) => (Number(id!.slice(1)) - 1) % 4 === 0));
      expect(filters).to.have.length(1);
      expect(filters[0].detail.matches).to.equal(undefined);
    });
  });
});
