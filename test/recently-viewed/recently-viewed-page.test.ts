/**
 * `<retain-recently-viewed>` on whole store pages, the loader pasted by a script tag: under a strict
 * Content-Security-Policy with Trusted Types, on a 320 px phone (no sideways scroll of the page; the strip
 * scrolls inside its own box and Tab reaches every card), in two pages at once, and nothing until seen.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { recordView } from '../../src/recently-viewed/viewed.js';
import type { RetainRecentlyViewed } from '../../src/recently-viewed/recently-viewed.js';
import type { RetainProduct } from '../../src/recently-viewed/product.js';
import { watchConsole, type ConsoleWatch } from '../support/console-guard.js';
import { deleteDatabases, freshDatabase } from '../support/database.js';
import { openPage, usePageTest, type StorePage } from '../support/pages.js';
import { openTab, type Tab } from '../support/tabs.js';
import { waitUntil } from '../support/wait.js';

const TEAS = [
  'Milk Oolong from the Alishan mountains',
  'Sencha Kabuse, shaded for a week',
  'Ripe Pu-erh, a 2012 cake',
  'Darjeeling First Flush',
  'Genmaicha with matcha',
  'Earl Grey Crème',
];

/** Views of six teas in the test's database, as earlier pages would have recorded them. */
async function viewedEarlier(): Promise<void> {
  const now = Date.now();
  for (const [i, name] of TEAS.entries()) {
    await recordView(
      { id: `tea-${i}`, name, url: `/teas/${i}`, image: '/demo/data/photos/leaves.svg', price: 10 + i, currency: 'EUR' },
      now - (TEAS.length - i) * 1000,
    );
  }
}

/** Waits for the page's `<retain-product>` to be defined (at idle), then for its view to be recorded. */
async function recorded(page: StorePage): Promise<void> {
  await page.win.customElements.whenDefined('retain-product');
  expect(await (page.doc.querySelector('retain-product') as RetainProduct).recorded).to.equal(true);
}

const strip = (page: StorePage) => page.doc.querySelector('retain-recently-viewed') as RetainRecentlyViewed;
const shadow = (page: StorePage) => strip(page).shadowRoot!;
const cardsOf = (page: StorePage) => [...(strip(page).shadowRoot?.querySelectorAll<HTMLAnchorElement>('[part~=card]') ?? [])];

describe('<retain-recently-viewed> on a store page', () => {
  const test = usePageTest();

  it('works under a strict CSP with Trusted Types on a 320 px phone: no violation, no warning, no sideways page scroll, every card reached by Tab', async () => {
    await viewedEarlier();
    const page = await openPage({ body: 'recently-viewed', csp: 'strict', db: test.db, width: 320, height: 640 });
    await waitUntil(() => cardsOf(page).length === TEAS.length, 'the strip shows the earlier views', { timeout: 15_000 });
    const root = page.doc.documentElement;
    expect(root.scrollWidth, 'the page does not scroll sideways').to.be.at.most(root.clientWidth);
    const list = shadow(page).querySelector<HTMLElement>('[part~=list]')!;
    expect(list.scrollWidth, 'the strip scrolls in its own box').to.be.greaterThan(list.clientWidth);

    // Tab from the first card through every card, each scrolled wholly into the strip's view, to "Clear".
    const box = () => list.getBoundingClientRect();
    const cards = cardsOf(page);
    // Keys go to the window with the system's focus: an earlier test's tab or frame may have kept it.
    window.focus();
    page.win.focus();
    cards[0].focus();
    for (const [i, card] of cards.entries()) {
      if (i > 0) await sendKeys({ press: 'Tab' });
      expect(shadow(page).activeElement, `card ${i + 1} has the focus`).to.equal(card);
      const inView = () => {
        const { left, right } = card.getBoundingClientRect();
        return left >= box().left - 1 && right <= box().right + 1;
      };
      await waitUntil(inView, `card ${i + 1} is scrolled into view when focused`).catch((error: Error) => {
        throw new Error(`${error.message}: ${JSON.stringify([list.scrollLeft, card.getBoundingClientRect(), box()])}`);
      });
    }
    await sendKeys({ press: 'Tab' });
    expect(shadow(page).activeElement, '"Clear" after the cards').to.equal(shadow(page).querySelector('[part~=clear-button]'));
    expect(root.scrollWidth).to.be.at.most(root.clientWidth);

    // This page's own product is recorded, and "Clear" works on the strict page too.
    await recorded(page);
    shadow(page).querySelector<HTMLButtonElement>('[part~=clear-button]')!.click();
    await waitUntil(() => shadow(page).querySelector('[part~=status]')!.textContent!.trim().length > 0, 'cleared');
    expect(page.report.violations, 'policy violations').to.deep.equal([]);
    expect(page.report.errors, 'errors').to.deep.equal([]);
    expect(page.report.warnings, 'warnings').to.deep.equal([]);
  });

  /** The heights the strip was laid out at, in turn, from before the kit's code (the page's probe). */
  const heights = (page: StorePage) => page.report.heights['retain-recently-viewed'];

  it('with nothing viewed yet, it takes no space at any moment: nothing below it moves', async () => {
    const page = await openPage({ body: 'recently-viewed', db: test.db });
    await page.win.customElements.whenDefined('retain-recently-viewed');
    await strip(page).loaded;
    await strip(page).updateComplete;
    expect(strip(page).hidden).to.equal(true);
    // A frame more, for the last size to be reported.
    await new Promise((resolve) => page.win.requestAnimationFrame(() => page.win.requestAnimationFrame(resolve)));
    expect(heights(page)).to.deep.equal([0]);
  });

  it('keeps the space the theme reserved until it has read the device, then takes its list’s: one move, not two', async () => {
    await viewedEarlier();
    const page = await openPage({ body: 'recently-viewed', style: 'reserve-strip', db: test.db });
    await waitUntil(() => cardsOf(page).length === TEAS.length, 'the strip shows the earlier views', { timeout: 15_000 });
    await new Promise((resolve) => page.win.requestAnimationFrame(() => page.win.requestAnimationFrame(resolve)));
    const reserved = 18 * 16;
    const listed = Math.round(strip(page).getBoundingClientRect().height);
    expect(listed, 'the list is as high as the theme reserved').not.to.equal(reserved);
    expect(heights(page)).to.deep.equal([reserved, listed]);
  });

  it('two pages: the product viewed in one shows in the other, and its own is left out', async () => {
    const first = await openPage({ body: 'recently-viewed', db: test.db });
    await recorded(first);
    // Seen before the second page opens: once the second page records its tea, the first page shows it.
    await waitUntil(
      () => strip(first).shadowRoot && cardsOf(first).length === 0 && strip(first).hidden,
      'the first page shows nothing: its own tea is left out',
      { timeout: 15_000 },
    );
    // A second page of the same store, for another tea.
    const second = await openPage({ body: 'recently-viewed', db: test.db });
    const product = second.doc.querySelector('retain-product')!;
    product.setAttribute('id', 'darjeeling');
    product.setAttribute('name', 'Darjeeling First Flush');
    await recorded(second);
    await waitUntil(
      () =>
        cardsOf(first)
          .map((card) => card.querySelector('[part~=name]')!.textContent)
          .join() === 'Darjeeling First Flush',
      'the other page’s view shows',
      {
        timeout: 15_000,
      },
    );
    expect(first.report.warnings.concat(second.report.warnings, first.report.errors, second.report.errors)).to.deep.equal([]);
  });
});

describe('<retain-recently-viewed>: nothing until seen', () => {
  let tab: Tab;
  let console: ConsoleWatch;
  beforeEach(async () => {
    console = watchConsole();
    const { name } = freshDatabase();
    await viewedEarlier();
    tab = await openTab(name);
  });
  afterEach(async () => {
    tab.close();
    await deleteDatabases();
    console.stop();
  });

  const fetched = (win: Window) =>
    win.performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.startsWith('/src/recently-viewed/recently-viewed'));

  it('loads no code far below the fold, and renders once scrolled near', async () => {
    const doc = tab.window.document;
    const spacer = doc.createElement('div');
    spacer.setAttribute('style', 'height: 400vh');
    doc.body.append(spacer, doc.createElement('retain-recently-viewed'));
    await tab.load('/src/retainkit.ts');
    // The loader has started (it counts the page view at idle): by then an eager kit would have loaded the strip.
    await new Promise((resolve) => tab.window.requestAnimationFrame(resolve));
    await new Promise<void>((resolve) =>
      tab.window.requestIdleCallback
        ? tab.window.requestIdleCallback(() => resolve(), { timeout: 3000 })
        : tab.window.setTimeout(resolve, 200),
    );
    expect(tab.window.customElements.get('retain-recently-viewed')).to.equal(undefined);
    expect(fetched(tab.window)).to.deep.equal([]);
    const el = doc.querySelector('retain-recently-viewed') as RetainRecentlyViewed;
    el.scrollIntoView();
    await tab.window.customElements.whenDefined('retain-recently-viewed');
    await waitUntil(() => el.shadowRoot?.querySelectorAll('[part~=card]').length === TEAS.length, 'rendered once near');
  });

  it('opens IndexedDB only after its first render, and renders at most twice', async () => {
    const win = tab.window;
    const doc = win.document;
    let renderedAtOpen: boolean | undefined;
    const open = win.indexedDB.open.bind(win.indexedDB);
    win.indexedDB.open = (...args: Parameters<IDBFactory['open']>) => {
      // Its first render done (before the device is read it draws nothing of its own: no content to look for).
      renderedAtOpen ??= (doc.querySelector('retain-recently-viewed') as RetainRecentlyViewed | null)?.hasUpdated === true;
      return open(...args);
    };
    doc.body.append(doc.createElement('retain-recently-viewed'));
    await tab.load('/src/retainkit.ts');
    await win.customElements.whenDefined('retain-recently-viewed');
    const el = doc.querySelector('retain-recently-viewed') as RetainRecentlyViewed;
    let renders = 0;
    const proto = win.customElements.get('retain-recently-viewed')!.prototype as { update(changed: unknown): void };
    const update = proto.update;
    proto.update = function (this: Element, changed: unknown) {
      renders++;
      update.call(this, changed);
    };
    await waitUntil(() => renderedAtOpen !== undefined, 'IndexedDB is opened');
    expect(renderedAtOpen, 'rendered when IndexedDB was opened').to.equal(true);
    await el.loaded;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part~=card]')).to.have.length(TEAS.length);
    expect(renders).to.be.within(1, 2);
  });
});
