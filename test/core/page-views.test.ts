/**
 * Page views count on every page the kit runs on, not only on pages with a popup wheel: the loader counts
 * each page at idle, within the store's consent, and a later page's `page-views` trigger sees them. A page
 * whose widgets are all far below the fold notes its view in localStorage when the shopper leaves it (nothing
 * at load, and no storage code), and the next count stores it.
 */
import { expect } from '@open-wc/testing';
import { closePages, openPage, rendered, usePageTest, whenRendered, type StorePage } from '../support/pages.js';
import { waitUntil } from '../support/wait.js';

const KEY = 'triggers/page-views';
type Row = { ever: number; sessions: Record<string, { count: number }> } | undefined;

/** This page load's count, as the kit keeps it per database (resolves once counted, written or not). */
function counted(page: StorePage, db: string): Promise<unknown> | undefined {
  const memo = (page.win as unknown as Record<symbol, Map<string, { figures: Promise<unknown> }> | undefined>)[
    Symbol.for('retainkit.page-view')
  ];
  return memo?.get(db)?.figures;
}

/** Whether the page fetched the count's code (with the storage code; the test page's probe fetches storage.ts itself). */
const fetchedCount = (page: StorePage) =>
  page.win.performance.getEntriesByType('resource').some((entry) => entry.name.includes('/src/core/page-views.ts'));

describe('page views', () => {
  const test = usePageTest();
  const row = async () => (await test.storage.get('state', KEY)) as Row;
  /** The localStorage key of the noted views, and the name of the lock they are moved under. */
  const notesKey = () => `retainkit:page-views-pending:${test.db}`;
  /** The views noted for this test's database and not yet stored. */
  const noted = () => localStorage.getItem(notesKey());
  afterEach(() => localStorage.removeItem(notesKey()));

  /** A second page of the session, with a popup wheel on page-views:2: it opens, and two views are stored. */
  async function secondPageOpensPopup(): Promise<void> {
    const second = await openPage({ body: 'popup-page-views', db: test.db });
    const wheel = second.doc.querySelector('retain-spin-wheel')!;
    // A popup wheel loads at idle, then its triggers' code: longer than the usual wait on a loaded machine.
    await waitUntil(() => wheel.shadowRoot?.querySelector('dialog')?.open, 'the popup opens on the second page view', { timeout: 15_000 });
    // The loader and the trigger both asked: the page counted once.
    await counted(second, test.db);
    const views = (await row())!;
    expect(views.ever).to.equal(2);
    expect(Object.values(views.sessions).map((session) => session.count)).to.deep.equal([2]);
    expect(second.report.errors).to.deep.equal([]);
    expect(second.report.warnings).to.deep.equal([]);
  }

  it('a page with only a loyalty badge counts a page view; a later page with a popup wheel on page-views:2 opens', async () => {
    const first = await openPage({ body: 'badge-only', db: test.db });
    await whenRendered(first, 'retain-loyalty-badge');
    // Counted at idle after the badge's first frame, with the storage code: as long as the popup's wait.
    await waitUntil(async () => (await row())?.ever === 1, 'the page view is counted', { timeout: 15_000 });
    closePages();

    await secondPageOpensPopup();
  });

  it('within consent: nothing is written while the store says pending; the page is written once consent is granted', async () => {
    const page = await openPage({ body: 'consent-pending', db: test.db });
    await waitUntil(() => counted(page, test.db), 'the page view is counted');
    expect(await counted(page, test.db), 'in memory: this page').to.deep.equal({ session: 1, ever: 1 });
    expect(await row(), 'nothing written').to.equal(undefined);
    page.doc.querySelector('retain-forward')!.setAttribute('consent', 'granted');
    await waitUntil(async () => (await row())?.ever === 1, 'the page view is written once consent is granted');
    expect(page.report.errors).to.deep.equal([]);
  });

  /** Holds the lock that counts take to move the noted views for this test's database, until the returned function is called. */
  async function holdNotedLock(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await new Promise<void>((granted) => {
      void navigator.locks.request(notesKey(), () => {
        granted();
        return held;
      });
    });
    return release;
  }

  /** Whether a page (of this origin, as another tab's would) waits for that lock. */
  const waitsForNotedLock = async () => (await navigator.locks.query()).pending?.some((lock) => lock.name === notesKey());

  /** This page's view, while it goes by the note: `later` until the page is left (page-view-note.ts). */
  const note = (page: StorePage) =>
    (page.win as unknown as Record<symbol, Map<string, string> | undefined>)[Symbol.for('retainkit.page-view-note')]?.get(test.db);

  it('a page whose widgets are all far below writes nothing at load, notes its view when left, and the next count stores it', async () => {
    const first = await openPage({ body: 'far-below', db: test.db });
    await waitUntil(() => note(first) === 'later', 'the view is to be noted when the page is left');
    expect(noted(), 'noted at load').to.equal(null);
    expect(fetchedCount(first), 'the count loaded').to.equal(false);
    // Leaving the page (its frame goes, as a tab navigating away): noted then, at once.
    closePages();
    expect(JSON.parse(noted()!)).to.deep.equal({ [sessionStorage.getItem('retainkit:session')!]: 1 });
    expect(await row(), 'nothing stored yet').to.equal(undefined);

    await secondPageOpensPopup();
    expect(noted(), 'the noted view is stored, not noted any more').to.equal(null);
  });

  it('a page whose widgets are all far below asks for nothing once its viewport check has answered: no idle callback, no timer', async () => {
    const page = await openPage({ body: 'far-below', db: test.db });
    const badge = page.doc.querySelector('retain-loyalty-badge')!;
    // The kit has decided how to count this view (the loader before this change decided at idle, having asked
    // for an idle callback first).
    await waitUntil(() => note(page) === 'later', 'the view is to be noted when the page is left');
    // A task more, for anything asked right after.
    await new Promise((resolve) => page.win.setTimeout(resolve, 0));
    expect(page.report.scheduled, 'what the kit asked for').to.deep.equal([]);
    expect(fetchedCount(page), 'the count loaded').to.equal(false);
    expect(rendered(badge), 'the badge far below rendered').to.equal(false);
  });

  it('a page navigated away from notes its view as it goes, once, keeping what other tabs noted', async () => {
    localStorage.setItem(notesKey(), JSON.stringify({ 'other-tab': 1 }));
    const page = await openPage({ body: 'far-below', db: test.db });
    await waitUntil(() => note(page) === 'later', 'the view is to be noted when the page is left');
    // Another tab moves its notes meanwhile (page-views.ts holds their lock): the page going cannot wait for it.
    const release = await holdNotedLock();
    const session = sessionStorage.getItem('retainkit:session') ?? '';
    const noteOnLeave = new Promise<void>((resolve) => page.win.addEventListener('pagehide', () => resolve(), { once: true }));
    await page.reload();
    await noteOnLeave;
    const sessionNow = sessionStorage.getItem('retainkit:session')!;
    expect(session === '' || session === sessionNow, 'one session').to.equal(true);
    expect(JSON.parse(noted()!)).to.deep.equal({ 'other-tab': 1, [sessionNow]: 1 });
    release();
  });

  it('a count on the page before it is left takes its view over: counted once, not noted too', async () => {
    const page = await openPage({ body: 'far-below', db: test.db });
    await waitUntil(() => note(page) === 'later', 'the view is to be noted when the page is left');
    // The store's script adds a popup wheel on page-views:1 after load: its trigger counts this page.
    page.doc.body.insertAdjacentHTML(
      'beforeend',
      '<retain-spin-wheel mode="popup" instance="late" trigger="page-views:1" cooldown="0"><retain-slice code="TEN">10% off</retain-slice><retain-slice type="none">Not this time</retain-slice></retain-spin-wheel>',
    );
    const wheel = page.doc.querySelector('retain-spin-wheel')!;
    await waitUntil(() => wheel.shadowRoot?.querySelector('dialog')?.open, 'the popup opens on this page view', { timeout: 15_000 });
    await waitUntil(async () => (await row())?.ever === 1, 'this page view is stored');
    expect(note(page), 'the note called off').to.equal(undefined);
    closePages();
    expect(noted(), 'noted as well').to.equal(null);
  });

  it('tabs counting at once move the noted views once: a count moves them under the notes’ lock', async () => {
    localStorage.setItem(notesKey(), JSON.stringify({ 'earlier-tab': 2 }));
    const release = await holdNotedLock();
    const page = await openPage({ body: 'badge-only', db: test.db });
    await whenRendered(page, 'retain-loyalty-badge');
    await waitUntil(waitsForNotedLock, 'the page’s count waits for the lock');
    expect(await row(), 'nothing stored while another tab moves the notes').to.equal(undefined);
    release();
    await waitUntil(async () => (await row())?.ever === 3, 'this page and the two noted views are stored');
    expect(noted(), 'the noted views moved').to.equal(null);
    expect(page.report.errors).to.deep.equal([]);
  });

  it('notes nothing where consent may not be granted (a Shopify page before its consent API): the view counts in memory only', async () => {
    const page = await openPage({ body: 'far-below-shopify', db: test.db });
    await waitUntil(() => counted(page, test.db), 'the page view is counted');
    expect(await counted(page, test.db)).to.deep.equal({ session: 1, ever: 1 });
    expect(noted(), 'noted').to.equal(null);
    expect(await row(), 'stored').to.equal(undefined);
    expect(page.report.errors).to.deep.equal([]);
  });
});
