/**
 * Consent on the device: under `denied` or `pending`, the widgets work as always, and nothing that is not
 * strictly necessary for what the shopper asked reaches IndexedDB, localStorage or sessionStorage:
 * counters, page views, visits, orders, the outbox. The shopper's own state (a won code) is kept.
 * Checked in the browser's storage itself, not through the kit.
 */
import { expect, fixture, fixtureSync, html, oneEvent } from '@open-wc/testing';
import { openDB } from 'idb';
import { consent as apiConsent } from '../../src/api.js';
import { consent } from '../../src/core/consent.js';
import { readCounters } from '../../src/core/counters.js';
import { stopDelivery } from '../../src/core/delivery.js';
import { MEMO_KEY, toRow } from '../../src/core/outbox.js';
import { storage } from '../../src/core/storage.js';
import { pageViews } from '../../src/core/triggers.js';
import '../../src/forward/forward.js';
import '../../src/next-order-offer/next-order-offer.js';
import '../../src/order/order.js';
import '../../src/referral/referral.js';
import type { RetainOrder } from '../../src/order/order.js';
import '../../src/review-showcase/review-showcase.js';
import type { RetainReviewShowcase } from '../../src/review-showcase/review-showcase.js';
import '../../src/spin-wheel/spin-wheel.js';
import type { RetainSpinWheel } from '../../src/spin-wheel/spin-wheel.js';
import '../../src/survey/survey.js';
import { until } from './delivery-helpers.js';
import { stubClipboard } from '../support/clipboard.js';
import { watchConsole, type ConsoleWatch } from '../support/console-guard.js';
import { deleteDatabases, freshDatabase } from '../support/database.js';
import { waitUntil } from '../support/wait.js';

type Page = Window & { dataLayer?: unknown[]; Shopify?: unknown };
const page = window as Page;

/** What the browser holds for the kit: every IndexedDB store of the database, and web storage. */
async function onDevice(name: string) {
  const db = await openDB(name);
  try {
    const stateKeys = (await db.getAllKeys('state')).map(String);
    return {
      state: Object.fromEntries(await Promise.all(stateKeys.map(async (key) => [key, await db.get('state', key)]))) as Record<
        string,
        unknown
      >,
      counters: await db.getAll('counters'),
      orders: await db.getAll('orders'),
      outbox: await db.getAll('outbox'),
      local: Object.keys(localStorage).filter((key) => key.startsWith('retainkit')),
      session: Object.keys(sessionStorage).filter((key) => key.startsWith('retainkit')),
    };
  } finally {
    db.close();
  }
}

/** What no state but `granted` may leave on the device. */
function expectNothingKept(device: Awaited<ReturnType<typeof onDevice>>): void {
  expect(device.counters, 'counters').to.deep.equal([]);
  expect(device.orders, 'orders').to.deep.equal([]);
  expect(device.outbox, 'outbox rows').to.deep.equal([]);
  // The note of a next-order code handed out (core/held-note.ts) is the shopper's own, as the code in IndexedDB.
  expect(
    device.local.filter((key) => !key.startsWith('retainkit:held:')),
    'localStorage',
  ).to.deep.equal([]);
  expect(device.session, 'sessionStorage').to.deep.equal([]);
  const visits = Object.keys(device.state).filter((key) => /page-views|\/visit$|\/seen$|^delivery\//.test(key));
  expect(visits, 'page views, visits, delivery bookkeeping').to.deep.equal([]);
}

const REVIEWS = {
  product: { id: 'mug', name: 'Mug' },
  reviews: [{ id: 'r1', rating: 5, title: 'Good', body: 'A good mug', author: { name: 'Ann' }, date: '2025-01-01', helpful: 2 }],
};

/** The shopper spins, votes, orders and views a page; resolves when the kit has done all of it (in memory or not). */
async function shop(): Promise<{ code: string | null }> {
  const wheel = fixtureSync<RetainSpinWheel>(html`
    <retain-spin-wheel instance="consent" style="--retain-spin-wheel-duration: 40ms">
      <retain-slice code="WIN-1">10% off</retain-slice>
      <retain-slice code="WIN-2">Free shipping</retain-slice>
    </retain-spin-wheel>
  `);
  wheel.scrollIntoView({ block: 'nearest' });
  await wheel.loaded;
  const button = () => wheel.shadowRoot!.querySelector<HTMLButtonElement>('[part~=spin-button]');
  await waitUntil(() => button() && !button()!.disabled, 'the wheel is ready');
  const ended = oneEvent(wheel, 'retain-spin-ended');
  button()!.click();
  const { code } = (await ended).detail;

  // Below the wheel, perhaps more than a screen down: scrolled to before its first render is awaited.
  const showcase = fixtureSync<RetainReviewShowcase>(html`<retain-review-showcase .data=${REVIEWS}></retain-review-showcase>`);
  showcase.scrollIntoView({ block: 'nearest' });
  await waitUntil(() => showcase.shadowRoot!.querySelector('article .vote'), 'the review card');
  const voted = oneEvent(showcase, 'retain-review-voted');
  showcase.shadowRoot!.querySelector<HTMLButtonElement>('article .vote')!.click();
  await voted;
  // The visit is remembered after the showcase's first frame.
  await until(() => storage().get('state', 'review-showcase/mug/visit'), 'the visit, remembered (in memory or not)');

  const order = await fixture<RetainOrder>(html`<retain-order order-id="A-1" total="20" currency="EUR"></retain-order>`);
  expect(await order.recorded).to.equal(true);

  expect(await pageViews()).to.deep.equal({ session: 1, ever: 1 });
  // The kit works on what it holds: counters read back through it.
  expect(await readCounters('spin-wheel', 'consent')).to.include({ spun: 1 });
  expect(await readCounters('review-showcase')).to.include({ voted: 1 });
  return { code };
}

/** Resolves once every write the kit queued before now has committed (IndexedDB runs them in order). */
async function settled(): Promise<void> {
  await storage().put('state', { at: Date.now() }, 'test/sentinel');
}

describe('consent on the device', () => {
  let warnings: ConsoleWatch;
  let name: string;
  beforeEach(() => {
    name = freshDatabase().name;
    warnings = watchConsole();
    sessionStorage.removeItem('retainkit:session');
    // What earlier test files' databases left (delivery's notes of beaconed rows): this test looks at its own page.
    for (const key of Object.keys(localStorage)) if (key.startsWith('retainkit')) localStorage.removeItem(key);
    page.dataLayer = [];
  });
  afterEach(async () => {
    stopDelivery();
    delete page.dataLayer;
    delete page.Shopify;
    warnings.stop();
    await deleteDatabases();
  });

  const sources: [string, () => Promise<unknown>][] = [
    ['the consent attribute', () => fixture(html`<retain-forward to="datalayer" consent="denied"></retain-forward>`)],
    [
      'retainkit.consent()',
      async () => {
        await fixture(html`<retain-forward to="datalayer"></retain-forward>`);
        await apiConsent('denied');
      },
    ],
    [
      "Shopify's Customer Privacy API",
      async () => {
        page.Shopify = { customerPrivacy: { currentVisitorConsent: () => ({ analytics: 'no' }), analyticsProcessingAllowed: () => false } };
        await fixture(html`<retain-forward to="datalayer"></retain-forward>`);
      },
    ],
  ];
  for (const [source, deny] of sources) {
    it(`denied by ${source}: after a spin, a vote, an order and page views, nothing but the shopper's own state is stored`, async () => {
      await deny();
      const { code } = await shop();
      await settled();
      const device = await onDevice(name);
      expectNothingKept(device);
      // What the shopper asked for stays: the code they won is shown again on return.
      expect(device.state['spin-wheel/consent/won']).to.include({ code });
      expect(device.state['review-showcase/mug/votes']).to.have.property('r1');
      expect(page.dataLayer, 'nothing forwarded').to.deep.equal([]);
    });
  }

  // Denied from the page's start is no change of consent, yet what an earlier page stored for delivery goes too.
  for (const [source, deny] of sources) {
    it(`denied by ${source} from the page's start: the outbox and delivery's bookkeeping an earlier page left are deleted`, async () => {
      // An earlier page, consent granted, its endpoint down: an event waiting, and delivery's memo.
      const row = toRow(
        {
          name: 'retain-spin-ended',
          detail: { id: 'earlier-1', widget: 'spin-wheel', instance: 'old', timestamp: Date.now() - 60_000 },
          cancelled: false,
        },
        ['endpoint /x'],
      );
      await storage().transact(['outbox', 'state'], async (tx) => {
        await tx.put('outbox', row);
        await tx.put('state', { active: Date.now() + 86_400_000, down: { 'endpoint /x': 0 } }, MEMO_KEY);
      });
      expect((await onDevice(name)).outbox).to.have.length(1);
      await deny();
      const device = await until(
        async () => {
          const now = await onDevice(name);
          return !now.outbox.length && !(MEMO_KEY in now.state) && now;
        },
        'the outbox and memo deleted',
        2000,
      ).catch(() => onDevice(name));
      const left = { outbox: device.outbox.map((r: { id: string }) => r.id), memo: device.state[MEMO_KEY] ?? null };
      expect(left, 'what the earlier page left').to.deep.equal({ outbox: [], memo: null });
    });
  }

  it('pending, then granted: what the page held is written, counters added to what other tabs stored', async () => {
    delete page.dataLayer; // events wait in the outbox for a dataLayer that is not there
    const forward = await fixture(html`<retain-forward to="datalayer" consent="pending"></retain-forward>`);
    await shop();
    await settled();
    expectNothingKept(await onDevice(name));
    // Meanwhile another tab, with consent, counted the same wheel.
    const other = await openDB(name);
    await other.put('counters', { key: 'spin-wheel|consent|spun', count: 4, updated: 0 });
    other.close();

    forward.setAttribute('consent', 'granted');
    const device = await until(async () => {
      const now = await onDevice(name);
      return now.orders.length && now.outbox.length && now.counters.length && now;
    }, 'the held writes');
    expect(device.orders.map((row) => row.orderId)).to.deep.equal(['A-1']);
    const counters = Object.fromEntries(device.counters.map((row) => [row.key, row.count]));
    expect(counters['spin-wheel|consent|spun']).to.equal(5);
    expect(counters['review-showcase|*|voted']).to.equal(1);
    expect(device.state['triggers/page-views']).to.deep.include({ ever: 1 });
    expect(device.state).to.have.property('review-showcase/mug/visit');
    const names = device.outbox.map((row) => row.name);
    for (const event of ['retain-spin-ended', 'retain-review-voted', 'retain-order-recorded']) expect(names).to.include(event);
    // The session id is now written, the one the page counted under: its page views stay this session's.
    expect(await pageViews()).to.deep.equal({ session: 1, ever: 1 });
    const session = sessionStorage.getItem('retainkit:session');
    expect(Object.keys((device.state['triggers/page-views'] as { sessions: object }).sessions)).to.deep.equal([session]);
  });

  it('denied: on the order page, the offer shown, the survey answered and the referral copied leave no counter, event or visit', async () => {
    await fixture(html`<retain-forward to="datalayer" consent="denied"></retain-forward>`);
    const clipboard = stubClipboard();
    const fired: string[] = [];
    const record = (event: Event) => fired.push(event.type);
    const names = [
      'retain-offer-shown',
      'retain-survey-shown',
      'retain-referral-shown',
      'retain-survey-answered',
      'retain-referral-copied',
    ];
    for (const name of names) document.addEventListener(name, record);
    const hasFired = (name: string) => waitUntil(() => fired.includes(name), name);
    try {
      const page = await fixture(html`<div>
        <retain-next-order-offer loading="eager" order-id="C-1" codes="NEXT-1"></retain-next-order-offer>
        <retain-survey loading="eager" order-id="C-1"></retain-survey>
        <retain-referral loading="eager" link="https://store.example/?ref=ANNA10"></retain-referral>
      </div>`);
      const part = (tag: string, name: string) => page.querySelector(tag)!.shadowRoot!.querySelector<HTMLElement>(`[part~=${name}]`);
      // Each counts and emits once half of it is on screen.
      for (const [tag, event] of [
        ['retain-next-order-offer', 'retain-offer-shown'],
        ['retain-survey', 'retain-survey-shown'],
        ['retain-referral', 'retain-referral-shown'],
      ]) {
        page.querySelector(tag)!.scrollIntoView({ block: 'nearest' });
        await hasFired(event);
      }
      page.querySelector('retain-survey')!.shadowRoot!.querySelector<HTMLInputElement>('#score-9')!.click();
      part('retain-survey', 'submit')!.click();
      await hasFired('retain-survey-answered');
      await waitUntil(() => part('retain-referral', 'copy-button'), 'the copy button');
      part('retain-referral', 'copy-button')!.click();
      await hasFired('retain-referral-copied');
      expect(clipboard.written).to.deep.equal(['https://store.example/?ref=ANNA10']);
      // The kit counted it all, in memory for the page.
      expect(await readCounters('next-order-offer')).to.include({ seen: 1 });
      expect(await readCounters('referral')).to.include({ copied: 1 });
      await settled();
      expectNothingKept(await onDevice(name));
      expect((window as Page).dataLayer, 'nothing forwarded').to.deep.equal([]);
    } finally {
      clipboard.restore();
      for (const name of names) document.removeEventListener(name, record);
    }
  });

  it('pending, then denied: nothing is written, ever', async () => {
    const forward = await fixture(html`<retain-forward to="datalayer" consent="pending"></retain-forward>`);
    await shop();
    forward.setAttribute('consent', 'denied');
    await until(() => consent() === 'denied', 'consent denied');
    await settled();
    expectNothingKept(await onDevice(name));
    // A later grant writes what the page still holds, but never the events of the denied period.
    forward.setAttribute('consent', 'granted');
    const device = await until(async () => {
      const now = await onDevice(name);
      return now.counters.length && now;
    }, 'the held counters');
    expect(device.outbox).to.deep.equal([]);
    expect(page.dataLayer).to.deep.equal([]);
  });
});
