import { expect } from '@open-wc/testing';
import {
  addDestination,
  backoff,
  onDeliveryState,
  outboxStats,
  settings,
  stopDelivery,
  type DeliveryState,
} from '../../src/core/delivery.js';
import { CLAIM_MS } from '../../src/core/delivery/defaults.js';
import { endpoint } from '../../src/core/delivery/destinations.js';
import type { RetainDetail } from '../../src/core/events.js';
import { MEMO_KEY, type DeliveryMemo } from '../../src/core/outbox.js';
import { storage } from '../../src/core/storage.js';
import { deleteDatabases, freshDatabase } from '../support/database.js';
import { watchConsole, type ConsoleWatch } from '../support/console-guard.js';
import { openTab, type Tab } from '../support/tabs.js';
import {
  delayLocalStorage,
  emitEvent,
  loadKit,
  newSink,
  openBlocker,
  readSink,
  setSink,
  until,
  type SinkState,
  type TabKit,
} from './delivery-helpers.js';

const absolute = (path: string) => new URL(path, location.href).href;

/** Distinct ids received, and those received more than once. */
function tally(sink: SinkState): { ids: Set<string>; twice: string[] } {
  const ids = new Set<string>();
  const twice: string[] = [];
  for (const event of sink.received) {
    if (ids.has(event.id)) twice.push(event.id);
    ids.add(event.id);
  }
  return { ids, twice };
}

/**
 * Waits until the sink has received every event of `produced` and the outbox owes `key` nothing, then expects each
 * event received once (a duplicate's message lists the requests, batch by batch).
 */
async function expectEachDeliveredOnce(url: string, key: string, produced: string[]): Promise<void> {
  await until(
    async () => {
      const received = tally(await readSink(url)).ids;
      return produced.every((id) => received.has(id)) && !(await storage().getAll('outbox')).some((row) => row.pending.includes(key));
    },
    'every event delivered and the outbox owing nothing',
    20_000,
  );
  const sink = await readSink(url);
  const { ids, twice } = tally(sink);
  const requests = sink.requests.map((r) => `${r.type} ${r.status} batch ${r.batch} of ${r.ids.length}`);
  expect(twice, `duplicates in ${JSON.stringify(requests)}`).to.deep.equal([]);
  expect([...ids].sort()).to.deep.equal([...produced].sort());
}

describe('delivery to an endpoint', () => {
  let db: string;
  let warnings: ConsoleWatch;
  const tabs: Tab[] = [];
  beforeEach(() => {
    db = freshDatabase().name;
    warnings = watchConsole();
  });
  afterEach(async () => {
    stopDelivery();
    for (const tab of tabs.splice(0)) tab.close();
    delete (navigator as { locks?: unknown }).locks;
    warnings.stop();
    await deleteDatabases();
  });

  async function visit(): Promise<Awaited<ReturnType<typeof loadKit>> & { tab: Tab }> {
    const tab = await openTab(db);
    tabs.push(tab);
    const kit = await loadKit(tab);
    // A tab closed during a request keeps its lease until it runs out: a short one keeps the test short.
    kit.delivery.settings.lease = 3000;
    return { tab, ...kit };
  }

  it('posts batches as JSON with keepalive, each event with its id, and reports queued → sent → acknowledged', async () => {
    const url = newSink();
    const calls: RequestInit[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      if (init?.method === 'POST') calls.push(init);
      return realFetch(input, init);
    };
    const states: Record<string, DeliveryState[]> = {};
    onDeliveryState((id, state) => (states[id] ??= []).push(state));
    try {
      addDestination(endpoint(absolute(url), 'test', { wait: 0 }));
      const ids = [emitEvent('retain-spin-end', { prize: 'ten' }).id, emitEvent('retain-prize-won').id];
      const sink = await until(async () => {
        const s = await readSink(url);
        return s.received.length >= 2 && s;
      }, 'the batch');
      expect(sink.received.map((e) => e.id)).to.have.members(ids);
      expect(sink.received.find((e) => e.id === ids[0])).to.deep.include({ name: 'retain-spin-end', cancelled: false });
      expect(sink.received.find((e) => e.id === ids[0])!.detail).to.include({ id: ids[0], prize: 'ten', widget: 'test-widget' });
      expect(calls[0]).to.include({ method: 'POST', keepalive: true });
      const body = JSON.parse(calls[0].body as string) as { batch: unknown; events: unknown[] };
      expect(body.events).to.have.length(2);
      expect(body.batch).to.be.a('string').and.not.be.empty;
      await until(async () => (await outboxStats()).queued === 0, 'an empty outbox');
      for (const id of ids) expect(states[id]).to.deep.equal(['queued', 'sent', 'acknowledged']);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('200 events produced while the endpoint is down, over 3 reloads, arrive exactly once when it is back up', async () => {
    const url = newSink();
    await setSink(url, { status: 503 });
    const produced: string[] = [];
    for (const count of [70, 70, 60]) {
      const page = await visit();
      page.declare({ to: 'endpoint', url, 'batch-wait': '0' });
      const before = (await readSink(url)).requests.length;
      for (let i = 0; i < count; i++) produced.push(page.emit('retain-spin-end', { n: produced.length }));
      // Each visit tries, fails, and keeps everything (nothing leaves by beacon while the endpoint is down).
      await until(async () => (await readSink(url)).requests.length > before, 'a failed attempt');
      await until(async () => (await page.delivery.outboxStats()).queued === produced.length, 'the outbox to hold every event');
      page.tab.close();
    }
    expect((await readSink(url)).received).to.have.length(0);
    await setSink(url, { status: 200 });
    const last = await visit();
    last.declare({ to: 'endpoint', url, 'batch-wait': '0' });
    await until(async () => (await last.delivery.outboxStats()).queued === 0, 'the outbox to empty');
    const sink = await readSink(url);
    const { ids, twice } = tally(sink);
    expect(twice).to.deep.equal([]);
    expect(sink.received).to.have.length(200);
    expect([...ids].sort()).to.deep.equal([...produced].sort());
  });

  it('at pagehide the rest leaves by beacons of at most 60 KB; what did not fit arrives on the next visit', async () => {
    const url = newSink();
    const page = await visit();
    // Gather for an hour: nothing is sent before the tab closes.
    page.declare({ to: 'endpoint', url, 'batch-wait': '1h', 'batch-size': '500' });
    const produced: string[] = [];
    for (let i = 0; i < 150; i++) produced.push(page.emit('retain-review-voted', { text: `${i} `.padEnd(1000, 'x') }));
    await until(async () => (await page.delivery.outboxStats()).queued === 150, 'the outbox to hold every event');
    expect((await readSink(url)).requests).to.have.length(0);
    // The shopper leaves for another page (pagehide). Closing the tab works the same in Chromium and Firefox;
    // WebKitGTK loses localStorage writes made while a window closes (the beacons still go; see delivery.ts).
    page.tab.window.location.href = `/test/support/tab.html?db=${encodeURIComponent(db)}`;

    // The beacons arrive, and the outbox no longer owes what they carried (noted at pagehide in
    // localStorage, as IndexedDB cannot commit then; the next visit applies the note).
    const beaconed = await until(async () => {
      const sink = await readSink(url);
      const note = JSON.parse(localStorage.getItem(`retainkit:${db}:beaconed`) ?? '{}') as Record<string, string[]>;
      const noted = note[`endpoint ${absolute(url)}`] ?? [];
      const received = sink.received.map((e) => e.id);
      return received.length > 0 && noted.length === received.length && noted.every((id) => received.includes(id)) && sink;
    }, 'the beacons');
    expect(beaconed.requests.length).to.be.greaterThan(0);
    for (const request of beaconed.requests) {
      expect(request.bytes).to.be.at.most(60_000);
      expect(request.type).to.match(/^text\/plain/);
    }
    expect(beaconed.received.length, 'the browser takes at most 64 KiB of beacons at once').to.be.lessThan(150);

    const next = await visit();
    next.declare({ to: 'endpoint', url, 'batch-wait': '0', 'batch-size': '500' });
    await until(async () => (await next.delivery.outboxStats()).queued === 0, 'the outbox to empty');
    const sink = await readSink(url);
    const { ids, twice } = tally(sink);
    expect(twice).to.deep.equal([]);
    expect([...ids].sort()).to.deep.equal([...produced].sort());
    for (const request of sink.requests) expect(request.bytes).to.be.at.most(60_000);
  });

  for (const mode of ['Web Locks', 'the IndexedDB lease (no Web Locks)']) {
    it(`two tabs producing and flushing at once never send an event twice (${mode})`, async () => {
      const url = newSink();
      // A flaky endpoint: both tabs have failures and retries to race on.
      await setSink(url, { fail: 3 });
      settings.retryBase = 50;
      const other = await openTab(db);
      tabs.push(other);
      if (mode !== 'Web Locks') {
        for (const nav of [navigator, other.window.navigator])
          Object.defineProperty(nav, 'locks', { value: undefined, configurable: true });
      }
      const there = await loadKit(other);
      there.delivery.settings.retryBase = 50;
      addDestination(endpoint(absolute(url), 'test', { wait: 0, batch: 7 }));
      there.declare({ to: 'endpoint', url, 'batch-wait': '0', 'batch-size': '7' });
      const produced: string[] = [];
      for (let round = 0; round < 20; round++) {
        for (let i = 0; i < 5; i++) produced.push(emitEvent('retain-spin-end').id, there.emit('retain-spin-end'));
        // Yield on the other tab's clock: this page is in the background now, and its timers may be slowed to 1/s.
        await new Promise((resolve) => other.window.setTimeout(resolve, 5));
      }
      await until(async () => (await readSink(url)).received.length >= 200 && (await outboxStats()).queued === 0, 'all 200 delivered');
      const sink = await readSink(url);
      const { ids, twice } = tally(sink);
      expect(twice).to.deep.equal([]);
      expect(ids.size).to.equal(200);
      expect([...ids].sort()).to.deep.equal([...produced].sort());
    });
  }

  it('an event a widget queued before its tab forwarded, claimed meanwhile by another tab, reaches each destination once', async () => {
    const url = newSink();
    type Layered = Window & { dataLayer?: Record<string, unknown>[] };
    const [a, b] = [await visit(), await visit()];
    // An earlier page in tab B forwarded: from then on, widgets queue their events in their own transactions.
    b.declare({ to: 'endpoint', url, 'batch-wait': '0' });
    await until(async () => ((await storage().get('state', MEMO_KEY)) as DeliveryMemo | undefined)?.active, 'forwarding active');
    const reloaded = b.tab.reload();
    // Tab A, before its <retain-forward> has loaded: a widget queues each event with its state change, then emits it.
    const outbox = await a.tab.load<typeof import('../../src/core/outbox.js')>('/src/core/outbox.ts');
    const kitStorage = await a.tab.load<typeof import('../../src/core/storage.js')>('/src/core/storage.ts');
    const events = await a.tab.load<typeof import('../../src/core/events.js')>('/src/core/events.ts');
    const ids: string[] = [];
    for (const name of ['retain-spin-end', 'retain-prize-won'] as const) {
      const event = new events.RetainEvent(name, events.makeDetail<RetainDetail>('test-widget', 'a', {}));
      const queued = await kitStorage
        .storage()
        .transact(['state', 'outbox'], (tx) => outbox.queueInTransaction(tx, events.toRecord(event)));
      expect(queued, 'queued in the transaction').to.be.true;
      events.emit(a.tab.window.document.body, event);
      ids.push(event.detail.id);
    }
    const queuedAt = Date.now();
    // Tab B's next page forwards once the rows are old enough to claim (its dataLayer takes only spin events).
    await reloaded;
    const next = await loadKit(b.tab);
    await new Promise((resolve) => b.tab.window.setTimeout(resolve, queuedAt + CLAIM_MS + 50 - Date.now()));
    const [aLayer, bLayer]: Record<string, unknown>[][] = [[], []];
    (a.tab.window as Layered).dataLayer = aLayer;
    (b.tab.window as Layered).dataLayer = bLayer;
    next.declare({ to: 'datalayer', events: 'retain-spin-*' });
    next.declare({ to: 'endpoint', url, 'batch-wait': '0' });
    await until(
      async () => bLayer.length === 1 && tally(await readSink(url)).ids.size === 2 && (await storage().getAll('outbox')).length === 0,
      "tab B's deliveries",
    );
    // Tab A's forwarders load (at idle): the same destinations, its dataLayer taking every event.
    a.declare({ to: 'datalayer' });
    a.declare({ to: 'endpoint', url, 'batch-wait': '0' });
    // The event tab B's dataLayer did not take reaches tab A's; whatever tab A queued is delivered.
    await until(() => aLayer.some((entry) => entry.event_id === ids[1]), "the prize event in tab A's dataLayer");
    await until(async () => (await storage().getAll('outbox')).length === 0, 'an empty outbox');
    const { ids: received, twice } = tally(await readSink(url));
    expect({
      "tab A's dataLayer": aLayer.map((entry) => entry.event_id),
      "tab B's dataLayer": bLayer.map((entry) => entry.event_id),
      'endpoint, twice': twice,
      endpoint: [...received].sort(),
    }).to.deep.equal({ "tab A's dataLayer": [ids[1]], "tab B's dataLayer": [ids[0]], 'endpoint, twice': [], endpoint: [...ids].sort() });
  });

  /** A tab with the kit and an endpoint; in the lease mode without Web Locks. */
  async function sender(tab: Tab, mode: string, url: string, lease: number): Promise<TabKit> {
    if (mode !== 'Web Locks') Object.defineProperty(tab.window.navigator, 'locks', { value: undefined, configurable: true });
    const kit = await loadKit(tab);
    Object.assign(kit.delivery.settings, { retryBase: 50, lease });
    kit.declare({ to: 'endpoint', url, 'batch-wait': '0', 'batch-size': '50' });
    return kit;
  }

  /**
   * A sink that answers the first request half a second after it arrives (the tab that sent it leaves before the
   * answer; the later requests, sent after it left, are answered at once), a transaction the test can hold on
   * the outbox (a leaving tab's last writes then wait behind it), and two tabs whose localStorage writes land in
   * the other tabs only when the test says (`notes.deliver()`), as tabs in separate processes may see each
   * other's writes late.
   */
  async function twoTabsThatMayLeave() {
    const url = newSink();
    await setSink(url, { delay: 500, delayed: 1 });
    await storage().getAll('outbox'); // the database exists, at the kit's version
    const blocker = await openBlocker(db);
    const tabsWithNotes: { tab: Tab; notes: { deliver(): void } }[] = [];
    for (let i = 0; i < 2; i++) {
      const tab = await openTab(db);
      tabs.push(tab);
      tabsWithNotes.push({ tab, notes: delayLocalStorage(tab) });
    }
    return { url, key: `endpoint ${absolute(url)}`, blocker, tabsWithNotes };
  }

  for (const mode of ['Web Locks', 'the IndexedDB lease (no Web Locks)']) {
    it(`a tab that leaves before the answer, its last writes lost and its note late: the next tab does not send its batch again (${mode})`, async () => {
      const { url, key, blocker, tabsWithNotes } = await twoTabsThatMayLeave();
      // Whichever tab sends first leaves at once, before the answer.
      let leaving: { tab: Tab; reloaded: Promise<void> } | undefined;
      const kits: TabKit[] = [];
      for (const { tab } of tabsWithNotes) {
        const kit = await sender(tab, mode, url, 3000);
        kit.delivery.onDeliveryState((_id, state) => {
          if (state !== 'sent' || leaving) return;
          // Its IndexedDB writes at pagehide wait behind this, and its page is gone before they can land.
          blocker.hold('outbox');
          leaving = { tab, reloaded: tab.reload() };
        });
        kits.push(kit);
      }
      const produced = [0, 1, 2, 3, 4].map(() => kits[0].emit('retain-spin-end'));
      await until(() => !!leaving, 'a tab to send and leave');
      await leaving!.reloaded;
      await sender(leaving!.tab, mode, url, 3000);
      // Whichever tab flushes next starts reading the outbox now, while the note is still on its way.
      for (const { tab } of tabsWithNotes) tab.window.dispatchEvent(new Event('online'));
      for (const { notes } of tabsWithNotes) notes.deliver();
      await blocker.release();
      // A later event goes after whatever the next holder sends first (a batch it took over would).
      const stayed = kits[tabsWithNotes.findIndex(({ tab }) => tab !== leaving!.tab)];
      produced.push(stayed.emit('retain-spin-end', { later: true }));
      await expectEachDeliveredOnce(url, key, produced);
    });

    it(`a tab closed with a request in flight, its note and last writes lost: the other tab does not send its batch again (${mode})`, async () => {
      // WebKit drops the localStorage writes of a window being closed (CI run 34: a batch of 8 sent twice, 4.4 s apart).
      const { url, key, blocker, tabsWithNotes } = await twoTabsThatMayLeave();
      let closed: Tab | undefined;
      const kits: TabKit[] = [];
      for (const { tab } of tabsWithNotes) {
        const kit = await sender(tab, mode, url, 3000);
        kit.delivery.onDeliveryState((_id, state) => {
          if (state !== 'sent' || closed) return;
          blocker.hold('outbox');
          closed = tab;
          tab.close();
        });
        kits.push(kit);
      }
      const produced = [0, 1, 2, 3, 4].map(() => kits[0].emit('retain-spin-end'));
      await until(() => !!closed, 'a tab to send and close');
      // The closed tab's note never lands; the other tab's writes do.
      const stayed = tabsWithNotes.find(({ tab }) => tab !== closed)!;
      stayed.notes.deliver();
      await blocker.release();
      const stayedKit = kits[tabsWithNotes.indexOf(stayed)];
      produced.push(stayedKit.emit('retain-spin-end', { later: true }));
      await expectEachDeliveredOnce(url, key, produced);
    });

    it(`a tab closed right after its answer came (its attempt before had failed), its record lost but its note kept: the other tab does not send its batch again (${mode})`, async () => {
      // The signature of a duplicate the two-tab test below once showed in Chromium under load: the sender closed
      // right after an answer whose record never landed, and the other tab took that batch over one lease later,
      // same batch id. After a failure the sender counts the endpoint as down until that record is done, and its
      // note at pagehide left out the batch whose answer had come. (With no failure first, the beacons' note held the
      // batch on the old code too: that case is left to the tests above.)
      await closedAtARequest(mode, { fail: 1 }, 'the answer');
    });

    it(`a tab closed while its request is out, which Chromium then fails with no answer though it arrives: the other tab does not send its batch again (${mode})`, async () => {
      // The two-tab test below, in Chromium under load (2 runs in 30 here, 1 in CI run 92): the sender sent a batch as
      // its window was closing; Chromium failed the request ("Failed to fetch") just before pagehide, and the browser
      // carried it to the endpoint. The tab counted that as the endpoint down, so its note at pagehide left the
      // batch out, and the other tab sent it again one lease later, same batch id.
      await closedAtARequest(mode, {}, 'a network error');
    });

    it(`a tab closed as its request timed out, its record lost: the other tab sends that batch, nothing lost (${mode})`, async () => {
      // The other side of the test above: a request ended by its timeout was cancelled by the browser. Counted as in
      // flight at pagehide, as a network error is, its events would be noted as delivered, and never arrive.
      await closedAtARequest(mode, {}, 'a timeout');
    });
  }

  /**
   * Two tabs sending to an endpoint set as `sink` says. At the first request the endpoint answers with a success, its
   * tab closes, and its fetch gives `outcome`: the answer, or a network error as Chromium gives a keepalive request
   * as its page closes (the browser carries it on); or, with `a timeout`, its first request times out unsent and its
   * tab closes. The tab's last writes wait behind a blocker and go with its page. Then every event arrives once.
   */
  async function closedAtARequest(
    mode: string,
    sink: Parameters<typeof setSink>[1],
    outcome: 'the answer' | 'a network error' | 'a timeout',
  ) {
    const url = newSink();
    await setSink(url, sink);
    const key = `endpoint ${absolute(url)}`;
    await storage().getAll('outbox'); // the database exists, at the kit's version
    const blocker = await openBlocker(db);
    let closed: Tab | undefined;
    const kits: TabKit[] = [];
    for (let i = 0; i < 2; i++) {
      const tab = await openTab(db);
      tabs.push(tab);
      const kit = await sender(tab, mode, url, 3000);
      const win = tab.window as unknown as { fetch: typeof fetch };
      const real = win.fetch.bind(win);
      const close = () => {
        blocker.hold('outbox');
        closed = tab;
        tab.close();
      };
      win.fetch = async (...args: Parameters<typeof fetch>) => {
        if (!closed && outcome === 'a timeout') {
          close();
          throw new DOMException('The operation timed out.', 'TimeoutError');
        }
        const response = await real(...args);
        if (!closed && response.ok) {
          close();
          if (outcome === 'a network error') throw new TypeError('Failed to fetch');
        }
        return response;
      };
      kits.push(kit);
    }
    const produced = [0, 1, 2, 3].map(() => kits[0].emit('retain-spin-end'));
    await until(() => closed?.window.closed, 'a tab to be answered and close');
    // Its page gone, its last writes (the answer's record, pagehide's) are dropped once the blocker goes. Not
    // asserted: on a slow machine the page may still be there, its record lands, and the run proves less (each
    // test failed on its old code here all the same, in all three engines).
    await new Promise((resolve) => setTimeout(resolve, 500));
    await blocker.release();
    const stayed = kits[1 - tabs.slice(-2).indexOf(closed!)];
    produced.push(stayed.emit('retain-spin-end', { later: true }));
    await expectEachDeliveredOnce(url, key, produced);
  }

  it('without Web Locks, a tab reads the outbox only under the lease: rows another tab sent meanwhile are not sent again', async function () {
    // Before the fix the lease's fixed 20 s had to run out here.
    this.timeout(60_000);
    const url = newSink();
    // The answer comes after the other tab has read the outbox.
    await setSink(url, { delay: 300 });
    const key = `endpoint ${absolute(url)}`;
    await storage().getAll('outbox'); // the database exists, at the kit's version
    const blocker = await openBlocker(db);
    const kits: TabKit[] = [];
    for (let i = 0; i < 2; i++) {
      const tab = await openTab(db);
      tabs.push(tab);
      kits.push(await sender(tab, 'lease', url, 3000));
    }
    let stalled: TabKit | undefined;
    for (const [i, kit] of kits.entries()) {
      kit.delivery.onDeliveryState((_id, state) => {
        if (state !== 'sent' || stalled) return;
        stalled = kits[1 - i];
        // IndexedDB is slow for delivery's bookkeeping (another tab's long transaction on it) …
        blocker.hold('state');
        // … while the other tab starts a flush: it reads the rows still owed, then waits.
        tabs[1 - i].window.dispatchEvent(new Event('online'));
      });
    }
    const produced = [0, 1, 2, 3, 4].map(() => kits[0].emit('retain-spin-end'));
    await until(() => !!stalled, 'a tab to send');
    // The sender's answer comes; the stall outlasts its lease.
    await until(async () => tally(await readSink(url)).ids.size === produced.length, 'the batch to arrive');
    await until(
      async () => {
        const memo = (await blocker.read(MEMO_KEY)) as DeliveryMemo | undefined;
        return Date.now() > (memo?.lease?.[key]?.[1] ?? 0) + 100;
      },
      'the lease to run out',
      30_000,
    );
    await blocker.release();
    // The stalled tab's next event goes after its stalled flush, and after whatever that flush sends.
    produced.push(stalled!.emit('retain-spin-end', { later: true }));
    await expectEachDeliveredOnce(url, key, produced);
  });

  /**
   * Without Web Locks: a holder whose request is answered after two leases (6 s; lease 3 s), held back as
   * `holdBack` says once its request is out, and another tab that emits an event meanwhile. Every event
   * arrives, and none twice: the other tab does not take over the batch in flight.
   *
   * Two leases: the other tab, started just after the request went out, would take the batch over one whole
   * lease after it first saw it (`unchangedFor` in lease.ts) if it did not hear the holder; the second lease is
   * the margin for a loaded machine. Only that first request is answered late: the requests after it (what is
   * left, and the other tab's event) are not what the test is about, and are answered at once (each took
   * another 6 s, half of each test).
   */
  async function heldBackHolder(holdBack: { beforeSending?: (tab: Tab) => void; onceSent?: (tab: Tab, key: string) => void }) {
    const url = newSink();
    await setSink(url, { delay: 6000, delayed: 1 });
    const key = `endpoint ${absolute(url)}`;
    const [first, second] = [await openTab(db), await openTab(db)];
    tabs.push(first, second);
    const holder = await sender(first, 'lease', url, 3000);
    holdBack.beforeSending?.(first);
    const sent = new Promise<void>((resolve) => holder.delivery.onDeliveryState((_id, state) => state === 'sent' && resolve()));
    const produced = [holder.emit('retain-spin-end'), holder.emit('retain-spin-end')];
    await sent;
    holdBack.onceSent?.(first, key);
    const other = await sender(second, 'lease', url, 3000);
    produced.push(other.emit('retain-spin-end'));
    await until(
      async () => {
        const { ids } = tally(await readSink(url));
        return produced.every((id) => ids.has(id)) && (await outboxStats()).queued === 0;
      },
      'every event delivered',
      30_000,
    );
    const { twice } = tally(await readSink(url));
    expect(twice, 'duplicates').to.deep.equal([]);
  }

  it('without Web Locks, a holder whose timers are held back past its lease: the other tab does not send its batch again', async function () {
    // Issue 18 item 15's flake: a background tab's timers may be throttled for seconds (more under load). The
    // holder's renewals came after its lease's end, and the other tab sent the batch in flight a second time.
    this.timeout(60_000);
    // The holder's timers never fire (a throttled background tab): only being asked renews its lease.
    await heldBackHolder({ beforeSending: (tab) => ((tab.window as unknown as { setInterval: () => number }).setInterval = () => 0) });
  });

  it('without Web Locks, a live holder whose renewals do not reach IndexedDB (a loaded machine): the other tab does not send its batch again', async function () {
    // CI's one duplicate under load: the holder's renewals, queued behind other tabs' work in IndexedDB, landed
    // after a whole lease, and the other tab took over the batch still in flight. A live holder answers itself.
    this.timeout(60_000);
    await heldBackHolder({
      // Its renewals fail (they still name its batch in flight); its answer's record does not.
      onceSent: (tab, key) => {
        const stores = (tab.window as unknown as { IDBObjectStore: typeof IDBObjectStore }).IDBObjectStore.prototype;
        const put = stores.put;
        stores.put = function (this: IDBObjectStore, value: DeliveryMemo, ...rest: [IDBValidKey?]) {
          if (this.name === 'state' && value?.sending?.[key]) throw new Error('held up behind other work');
          return put.call(this, value, ...rest);
        };
      },
    });
  });

  it('without Web Locks, two tabs, failures, reloads and a close during delivery: 0 duplicates, 0 lost', async function () {
    // Five rounds of two tabs on a loaded machine.
    this.timeout(120_000);
    const url = newSink();
    interface Live {
      tab: Tab;
      kit: TabKit;
      /** Ids this tab emitted that it has not yet stored (reported queued). */
      unstored: Set<string>;
      gone?: Promise<void>;
    }
    /** Where the sending tab leaves: at its `skip + 1`-th report of `state` (only the sending tab reports these). */
    interface Leave {
      state: DeliveryState;
      skip: number;
      how: 'reload' | 'close';
    }
    const produced: string[] = [];
    // Events a page had not stored when it left may go with it: not delivery's doing, and not counted lost.
    const leftUnstored = new Set<string>();
    let leave: (Leave & { left: (entry: Live) => void }) | undefined;
    const start = async (tab: Tab): Promise<Live> => {
      const kit = await sender(tab, 'lease', url, 3000);
      const entry: Live = { tab, kit, unstored: new Set() };
      // Called once per event: the events of one request are reported together, in one task.
      let reported: DeliveryState | undefined;
      kit.delivery.onDeliveryState((id, state) => {
        if (state === 'queued') entry.unstored.delete(id);
        if (!leave || leave.state !== state || reported === state) return;
        reported = state;
        tab.window.queueMicrotask(() => (reported = undefined));
        if (leave.skip-- > 0) return;
        const { how, left } = leave;
        leave = undefined;
        for (const unstored of entry.unstored) leftUnstored.add(unstored);
        // At once, once the delivery path's current step is done, as a shopper's reload or close would.
        const going = new Promise<void>((resolve, reject) =>
          tab.window.queueMicrotask(() => (how === 'reload' ? tab.reload() : (tab.close(), Promise.resolve())).then(resolve, reject)),
        );
        entry.gone = going;
        left(entry);
      });
      return entry;
    };
    const open = async () => {
      const tab = await openTab(db);
      tabs.push(tab);
      return start(tab);
    };
    let live = [await open(), await open()];

    /** Both tabs produce events until the sending one leaves, and the other a little longer; then all arrive. */
    /** Each round as it began: its leave, and when (the sink's clock: Date.now()). */
    const rounds: [string, number][] = [];
    const round = async (how: Leave) => {
      rounds.push([JSON.stringify(how), Date.now()]);
      let gone: Live | undefined;
      leave = { ...how, left: (entry) => (gone = entry) };
      // Bounded by time, not by bursts: after a tab left, the other takes over only when the lease has stood
      // unchanged for a whole lease (3 s here), and bursts can be much quicker than that.
      const began = performance.now();
      for (let burst = 0, after = 0; after < 4 && live.some((entry) => !entry.gone); burst++) {
        if (gone) after++;
        else if (performance.now() - began > 30_000) throw new Error(`the sending tab never reached ${how.state}`);
        for (const entry of live) {
          if (entry.gone) continue;
          for (let i = 0; i < 2; i++) {
            const id = entry.kit.emit('retain-spin-end', { burst });
            entry.unstored.add(id);
            produced.push(id);
          }
        }
        // Paced by the tabs' own work (this page's timers may be slowed to 1/s in the background).
        await until(() => gone || live.every((entry) => entry.gone || !entry.unstored.size), 'the events stored');
      }
      await gone!.gone;
      // A reloaded tab starts again; a closed one is not replaced (a window opened right after a close may be
      // given the remaining tab's place in Firefox).
      live = await Promise.all(
        live.flatMap<Live | Promise<Live>>((entry) => (entry !== gone ? [entry] : how.how === 'reload' ? [start(entry.tab)] : [])),
      );
      await setSink(url, {});
      await until(
        async () => {
          const { ids } = tally(await readSink(url));
          return produced.every((id) => ids.has(id) || leftUnstored.has(id)) && (await outboxStats()).queued === 0;
        },
        `every event delivered after ${JSON.stringify(how)}`,
        30_000,
      );
    };

    // Right after an answer (the other tab is reading the outbox meanwhile).
    await round({ state: 'acknowledged', skip: 0, how: 'reload' });
    // Before the answer: the request in flight is counted as delivered, the rest goes by beacon.
    await setSink(url, { delay: 300 });
    await round({ state: 'sent', skip: 0, how: 'reload' });
    // Three failures, then the tab reloads at the first answer.
    await setSink(url, { fail: 3 });
    await round({ state: 'acknowledged', skip: 0, how: 'reload' });
    // The endpoint down: the tab leaves during its second attempt, which fails too; those events wait.
    await setSink(url, { status: 503 });
    await round({ state: 'sent', skip: 1, how: 'reload' });
    // Closed right after an answer: the other tab delivers the rest.
    await round({ state: 'acknowledged', skip: 1, how: 'close' });

    const sink = await readSink(url);
    const { ids, twice } = tally(sink);
    const lost = produced.filter((id) => !ids.has(id) && !leftUnstored.has(id));
    const summary = `${produced.length} events in ${sink.requests.length} requests`;
    // Where each repeat came from: the round, and the requests that carried it (ms since the first request).
    const first = sink.requests[0]?.at ?? 0;
    const carried = twice.map((id) => ({
      id,
      round: rounds.filter(([, at]) => at <= (sink.requests.find((r) => r.ids.includes(id))?.at ?? 0)).at(-1)?.[0],
      requests: sink.requests
        .filter((r) => r.ids.includes(id))
        .map((r) => `${r.at - first} ms ${r.type} ${r.status} batch ${r.batch} of ${r.ids.length}`),
    }));
    expect(twice, `duplicates of ${summary}: ${JSON.stringify(carried)}`).to.deep.equal([]);
    expect(lost, `lost of ${summary}`).to.deep.equal([]);
  });

  it('honours Retry-After on 429, also after a reload', async () => {
    const url = newSink();
    await setSink(url, { fail: 1, failStatus: 429, retryAfter: 2 });
    const key = `endpoint ${absolute(url)}`;
    addDestination(endpoint(absolute(url), 'test', { wait: 0 }));
    emitEvent('retain-spin-end');
    await until(
      async () => ((await storage().get('state', MEMO_KEY)) as DeliveryMemo | undefined)?.down?.[key],
      'the deadline to be stored',
    );
    // A reload: a fresh delivery path that knows only what is stored.
    stopDelivery();
    addDestination(endpoint(absolute(url), 'test', { wait: 0 }));
    const sink = await until(async () => {
      const s = await readSink(url);
      return s.received.length === 1 && s;
    }, 'the retry');
    expect(sink.requests.map((r) => r.status)).to.deep.equal([429, 200]);
    expect(sink.requests[1].at - sink.requests[0].at).to.be.at.least(1950);
  });

  it('retry delays double from retryBase up to retryMax, and jitter takes up to half off', () => {
    const realRandom = Math.random;
    try {
      settings.retryBase = 200;
      settings.retryMax = 1000;
      for (const [random, factor] of [
        [0, 0.5],
        [0.5, 0.75],
        [1 - 1e-9, 1],
      ]) {
        Math.random = () => random;
        const delays = [1, 2, 3, 4, 5].map((attempts) => backoff(attempts));
        const full = [200, 400, 800, 1000, 1000];
        delays.forEach((delay, i) => expect(delay, `attempt ${i + 1} at random ${random}`).to.be.closeTo(full[i] * factor, 0.01));
      }
    } finally {
      Math.random = realRandom;
    }
  });

  it('retries after each failure with the doubled delay until a 2xx, then removes the event', async () => {
    const url = newSink();
    await setSink(url, { fail: 4 });
    settings.retryBase = 200;
    // No jitter off (the jitter's range is the test above): each wait is the full doubled delay.
    const realRandom = Math.random;
    Math.random = () => 1 - 1e-9;
    try {
      addDestination(endpoint(absolute(url), 'test', { wait: 0 }));
      emitEvent('retain-spin-end');
      const sink = await until(async () => {
        const s = await readSink(url);
        return s.received.length === 1 && s;
      }, 'the delivery');
      const at = sink.requests.map((r) => r.at);
      expect(sink.requests.map((r) => r.status)).to.deep.equal([503, 503, 503, 503, 200]);
      for (let i = 1; i < at.length; i++) {
        const full = 200 * 2 ** (i - 1);
        // The timer starts only after the failed answer arrived, so a gap is never shorter than the delay
        // (20 ms for clock granularity). Above, the loaded machine's overhead (a request and a few IndexedDB
        // transactions per attempt, on pages whose timers may be throttled) is bounded loosely, but below
        // twice the delay plus 2 s: a delay that quadruples instead of doubling goes over it by the 4th gap.
        expect(at[i] - at[i - 1], `gap ${i}`).to.be.within(full - 20, 2 * full + 2000);
      }
    } finally {
      Math.random = realRandom;
    }
    await until(async () => (await outboxStats()).queued === 0, 'an empty outbox');
  });

  it('offline: keeps the events without a warning, and sends them as soon as the browser is back online', async () => {
    const url = newSink();
    // Only the online event can bring the retry forward.
    settings.retryBase = 60_000;
    const realFetch = window.fetch;
    let offline = true;
    let attempts = 0;
    window.fetch = (input, init) => {
      if (!offline || init?.method !== 'POST') return realFetch(input, init);
      attempts++;
      return Promise.reject(new TypeError('Failed to fetch'));
    };
    try {
      addDestination(endpoint(absolute(url), 'test', { wait: 0 }));
      const { id } = emitEvent('retain-spin-end');
      await until(() => attempts === 1, 'the failed attempt');
      expect((await outboxStats()).queued).to.equal(1);
      offline = false;
      window.dispatchEvent(new Event('online'));
      const sink = await until(async () => {
        const s = await readSink(url);
        return s.received.length === 1 && s;
      }, 'the delivery once online');
      expect(sink.received[0].id).to.equal(id);
      expect(attempts).to.equal(1);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('keeps the events while an endpoint answers 4xx, warning once', async () => {
    const url = newSink();
    await setSink(url, { status: 404 });
    // A request still in flight when delivery stops is answered after it, and its warning would come after the
    // test (stopping forgets what was warned): the test waits for its requests' answers, and a moment more.
    const inFlight = new Set<Promise<unknown>>();
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      const request = realFetch(input, init);
      inFlight.add(request);
      return request.finally(() => inFlight.delete(request));
    };
    try {
      settings.retryBase = 20;
      addDestination(endpoint(absolute(url), 'the test endpoint', { wait: 0 }));
      emitEvent('retain-spin-end');
      await until(async () => (await readSink(url)).requests.length >= 3, 'three attempts');
      expect(warnings.take()).to.have.length(1);
      expect((await outboxStats()).queued).to.equal(1);
    } finally {
      stopDelivery();
      window.fetch = realFetch;
      await Promise.allSettled([...inFlight]);
      await new Promise((resolve) => setTimeout(resolve, 500));
      warnings.take();
    }
  });
});
