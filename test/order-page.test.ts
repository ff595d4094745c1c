/**
 * Nothing until seen on an order page (issue 12): the survey and the referral below the fold load no code
 * while the widgets above them get theirs and render, and the header's reminder of a next-order code loads
 * none for a shopper who was never handed one. Each page is a fresh tab running the loader, as a store's
 * page does; the offer is handed out on this page (the test's own), as on an earlier order page.
 */
import { expect } from '@open-wc/testing';
import '../src/next-order-offer/next-order-offer.js';
import type { RetainNextOrderOffer } from '../src/next-order-offer/next-order-offer.js';
import { watchConsole, type ConsoleWatch } from './support/console-guard.js';
import { deleteDatabases, freshDatabase } from './support/database.js';
import { openTab, type Tab } from './support/tabs.js';
import { fetchedFrom, settle } from './support/tab-loads.js';
import { waitUntil } from './support/wait.js';

const rendered = (el: Element | null) => (el?.shadowRoot?.childElementCount ?? 0) > 0;

/**
 * An order page: a widget on screen whose space the store reserves before its code comes and which then
 * holds as much (through its part), then, just over one screen below the fold, the survey and the referral
 * with their reserved space. Only if the widget on screen lost its space between its code's arrival and its
 * first render would they come near.
 */
const ORDER_PAGE = `<style>
    retain-loyalty-badge:not(:defined) { display: block; min-height: 100vh; }
    retain-loyalty-badge::part(base) { display: block; min-height: 100vh; }
    retain-survey:not(:defined) { display: block; min-height: 15rem; }
    retain-referral:not(:defined) { display: block; min-height: 24rem; }
  </style>
  <retain-loyalty-badge points="120"></retain-loyalty-badge>
  <div style="height: calc(100vh + 3rem)"></div>
  <retain-survey order-id="N-1"></retain-survey>
  <retain-referral link="https://store.example/?ref=ANNA10" friend-gets="10%"></retain-referral>`;

/** A header with the next-order offer's reminder, and a badge on screen that shows the loader is working. */
const HEADER = `<header>
    <retain-next-order-offer reminder></retain-next-order-offer>
    <retain-loyalty-badge points="120"></retain-loyalty-badge>
  </header>`;

describe('nothing until seen on the order page', () => {
  let tab: Tab;
  let console: ConsoleWatch;
  let database: string;
  beforeEach(async () => {
    console = watchConsole();
    database = freshDatabase().name;
    tab = await openTab(database);
  });
  afterEach(async () => {
    tab.close();
    for (const el of document.querySelectorAll('retain-next-order-offer')) el.remove();
    await deleteDatabases();
    console.stop();
  });

  it('loads no code for the survey and the referral below the fold while the widget above renders, then each once scrolled near', async () => {
    const doc = tab.window.document;
    doc.body.innerHTML = ORDER_PAGE;
    await tab.load('/src/retainkit.ts');
    const badge = doc.querySelector('retain-loyalty-badge');
    await waitUntil(() => rendered(badge), 'the badge on screen renders');
    await settle(tab.window);
    expect(badge!.getBoundingClientRect().height, 'the badge holds the space reserved for it').to.be.at.least(tab.window.innerHeight);
    for (const [tag, folder] of [
      ['retain-survey', 'survey'],
      ['retain-referral', 'referral'],
    ]) {
      expect(fetchedFrom(tab.window, folder), `<${tag}> code fetched`).to.deep.equal([]);
      expect(tab.window.customElements.get(tag), `<${tag}> defined`).to.equal(undefined);
    }

    for (const [tag, folder] of [
      ['retain-survey', 'survey'],
      ['retain-referral', 'referral'],
    ]) {
      const el = doc.querySelector(tag)!;
      el.scrollIntoView();
      await waitUntil(() => rendered(el), `<${tag}> renders once near`);
      expect(fetchedFrom(tab.window, folder).length, `<${tag}> code fetched`).to.be.greaterThan(0);
    }
  });

  /** The header in the tab, with the loader, once the badge beside the reminder has rendered and the page settled. */
  async function headerPage(): Promise<Document> {
    const doc = tab.window.document;
    doc.body.innerHTML = HEADER;
    await tab.load('/src/retainkit.ts');
    await waitUntil(() => rendered(doc.querySelector('retain-loyalty-badge')), 'the badge beside it renders');
    await settle(tab.window);
    return doc;
  }

  it('loads no reminder code for a shopper who was never handed a code', async () => {
    await headerPage();
    expect(fetchedFrom(tab.window, 'next-order-offer')).to.deep.equal([]);
    expect(tab.window.customElements.get('retain-next-order-offer')).to.equal(undefined);
  });

  /**
   * An order page's card on this page (the test's own tab) with `attributes`, until it has decided: resolves to
   * the code it handed out, or null.
   */
  async function orderPageCard(attributes: Record<string, string>): Promise<string | null> {
    const card = document.createElement('retain-next-order-offer') as RetainNextOrderOffer;
    for (const [name, value] of Object.entries(attributes)) card.setAttribute(name, value);
    document.body.append(card);
    const shown = await card.decision;
    const code = shown ? card.shadowRoot!.querySelector('[part~=code]')!.textContent!.trim() : null;
    card.remove();
    return code;
  }

  const reminderCode = (el: Element) => el.shadowRoot?.querySelector('[part~=code]')?.textContent?.trim();

  it('shows the reminder of a code handed out in another tab, and after a reload', async () => {
    const doc = await headerPage();
    expect(fetchedFrom(tab.window, 'next-order-offer'), 'before any code was handed out').to.deep.equal([]);

    // Handed out in this tab: the header of the other one loads the reminder and shows it.
    const code = await orderPageCard({ 'order-id': 'N-1', codes: 'NEXT-1 NEXT-2' });
    let reminder = doc.querySelector('retain-next-order-offer')!;
    await waitUntil(() => reminder.shadowRoot?.querySelector('[part~=reminder-button]'), 'the other tab reminds of the code');
    (reminder.shadowRoot!.querySelector('[part~=reminder-button]') as HTMLButtonElement).click();
    await waitUntil(() => reminderCode(reminder) === code, 'the reminder shows the code handed out');

    await tab.reload();
    reminder = (await headerPage()).querySelector('retain-next-order-offer')!;
    await waitUntil(() => reminder.shadowRoot?.querySelector('[part~=reminder-button]'), 'the reminder after a reload');
  });

  it('loads no reminder code once the code it held was used', async () => {
    const code = await orderPageCard({ 'order-id': 'N-1', codes: 'NEXT-1 NEXT-2' });
    expect(code, 'a code was handed out').to.be.a('string');
    // The next order used it (the order page's card hears so from `order-codes`), and the store gave no new one.
    const offerSrc = '/test-api/next-offer?key=order-page&refuse=1';
    expect(await orderPageCard({ 'order-id': 'N-2', 'offer-src': offerSrc, 'order-codes': code! }), 'a second code').to.equal(null);

    await headerPage();
    expect(fetchedFrom(tab.window, 'next-order-offer')).to.deep.equal([]);
  });
});
