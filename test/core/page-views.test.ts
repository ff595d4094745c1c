/**
 * Page views count on every page the kit runs on, not only on pages with a popup wheel: the loader counts
 * each page at idle, within the store's consent, and a later page's `page-views` trigger sees them.
 */
import { expect } from '@open-wc/testing';
import { closePages, openPage, usePageTest, whenRendered, type StorePage } from '../support/pages.js';
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

describe('page views', () => {
  const test = usePageTest();
  const row = async () => (await test.storage.get('state', KEY)) as Row;

  it('a page with only a loyalty badge counts a page view; a later page with a popup wheel on page-views:2 opens', async () => {
    const first = await openPage({ body: 'badge-only', db: test.db });
    await whenRendered(first, 'retain-loyalty-badge');
    await waitUntil(async () => (await row())?.ever === 1, 'the page view is counted');
    closePages();

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
});
