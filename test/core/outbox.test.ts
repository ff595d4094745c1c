import { expect, fixture, html } from '@open-wc/testing';
import { addDestination, outboxStats, setConsent } from '../../src/core/delivery.js';
import { dataLayer, endpoint } from '../../src/core/delivery/destinations.js';
import { toRecord, type RetainDetail } from '../../src/core/events.js';
import { MEMO_KEY, queueInTransaction, UNASSIGNED } from '../../src/core/outbox.js';
import { storage } from '../../src/core/storage.js';
import '../../src/forward/forward.js';
import { emitEvent, newSink, readSink, until, useDeliveryTest } from './delivery-helpers.js';
import { makeDetail, RetainEvent } from '../../src/core/events.js';

type Page = Window & { dataLayer?: Record<string, unknown>[]; Shopify?: unknown };
const page = window as Page;
const absolute = (path: string) => new URL(path, location.href).href;

/** Waits for IndexedDB to settle: a read issued now runs after every write transaction issued before it. */
const settled = () => storage().getAll('outbox');

describe('the outbox', () => {
  const warnings = useDeliveryTest(['dataLayer', 'Shopify']);

  describe('consent', () => {
    it('denied: nothing is forwarded or stored, not even once consent is granted later', async () => {
      page.dataLayer = [];
      const url = newSink();
      setConsent('denied');
      addDestination(dataLayer('datalayer'));
      addDestination(endpoint(absolute(url), 'test', { wait: 0 }));
      for (let i = 0; i < 5; i++) emitEvent('retain-spin-end');
      expect(await settled()).to.deep.equal([]);
      expect(await storage().get('state', MEMO_KEY)).to.equal(undefined);
      expect(page.dataLayer).to.deep.equal([]);
      setConsent('granted');
      const { id } = emitEvent('retain-prize-won');
      const sink = await until(async () => {
        const s = await readSink(url);
        return s.received.length > 0 && s;
      }, 'the event after consent');
      expect(sink.received.map((e) => e.id)).to.deep.equal([id]);
      expect(page.dataLayer.map((e) => e.event_id)).to.deep.equal([id]);
    });

    it('denied later: the outbox and delivery memo are emptied', async () => {
      const url = newSink();
      addDestination(endpoint(absolute(url), 'test', { wait: 3_600_000 }));
      for (let i = 0; i < 3; i++) emitEvent('retain-spin-end');
      await until(async () => (await outboxStats()).queued === 3, 'three queued');
      expect(await storage().get('state', MEMO_KEY)).to.have.property('active');
      setConsent('denied');
      await until(async () => (await outboxStats()).queued === 0, 'the outbox emptied');
      expect(await storage().get('state', MEMO_KEY)).to.equal(undefined);
    });

    it('pending: events wait in memory (nothing stored), and go once granted', async () => {
      page.dataLayer = [];
      setConsent('pending');
      addDestination(dataLayer('datalayer'));
      const ids = [emitEvent('retain-spin-end').id, emitEvent('retain-prize-won').id];
      expect(await settled()).to.deep.equal([]);
      expect(page.dataLayer).to.deep.equal([]);
      setConsent('granted');
      expect(page.dataLayer.map((e) => e.event_id)).to.deep.equal(ids);
    });

    it('follows the consent attribute at run time; retainkit.consent() overrides it', async () => {
      page.dataLayer = [];
      const el = await fixture(html`<retain-forward to="datalayer" consent="pending"></retain-forward>`);
      await Promise.resolve();
      const first = emitEvent('retain-spin-end').id;
      expect(page.dataLayer).to.have.length(0);
      el.setAttribute('consent', 'granted');
      await Promise.resolve();
      expect(page.dataLayer.map((e) => e.event_id)).to.deep.equal([first]);
      setConsent('denied');
      emitEvent('retain-spin-end');
      el.setAttribute('consent', 'granted');
      await Promise.resolve();
      emitEvent('retain-spin-end');
      expect(page.dataLayer).to.have.length(1);
    });

    it("follows Shopify's Customer Privacy API, loading it when needed", async () => {
      page.dataLayer = [];
      let analytics = '';
      let loaded: () => void = () => undefined;
      const shopify: { customerPrivacy?: unknown; loadFeatures: (f: unknown, cb: (error?: unknown) => void) => void } = {
        loadFeatures(_features, callback) {
          loaded = () => {
            shopify.customerPrivacy = {
              analyticsProcessingAllowed: () => analytics === 'yes',
              currentVisitorConsent: () => ({ analytics }),
            };
            callback();
          };
        },
      };
      page.Shopify = shopify;
      addDestination(dataLayer('datalayer'));
      const first = emitEvent('retain-spin-end').id;
      loaded();
      // Loaded, but the visitor has not decided in a region that asks: still waiting.
      expect(page.dataLayer).to.have.length(0);
      analytics = 'yes';
      document.dispatchEvent(new CustomEvent('visitorConsentCollected', { detail: { analyticsAllowed: true } }));
      expect(page.dataLayer.map((e) => e.event_id)).to.deep.equal([first]);
      analytics = 'no';
      document.dispatchEvent(new CustomEvent('visitorConsentCollected', { detail: { analyticsAllowed: false } }));
      emitEvent('retain-spin-end');
      expect(page.dataLayer).to.have.length(1);
    });
  });

  describe('limits', () => {
    it('keeps the newest max-events, dropping the oldest with a count and one warning', async () => {
      await fixture(html`<retain-forward to="datalayer" max-events="10"></retain-forward>`);
      await Promise.resolve();
      const ids: string[] = [];
      for (let i = 0; i < 25; i++) ids.push(emitEvent('retain-spin-end', { n: i }).id);
      await until(async () => (await outboxStats()).dropped === 15, '15 dropped');
      for (let i = 0; i < 5; i++) ids.push(emitEvent('retain-spin-end', { n: 25 + i }).id);
      await until(async () => (await outboxStats()).dropped === 20, '20 dropped');
      expect(await outboxStats()).to.deep.equal({ queued: 10, dropped: 20 });
      const said = warnings.take();
      expect(said).to.have.length(1);
      expect(said[0]).to.contain('dropped the 15 oldest');
      page.dataLayer = [];
      await until(() => page.dataLayer!.length === 10, 'the newest ten');
      expect(page.dataLayer.map((e) => e.event_id)).to.deep.equal(ids.slice(20));
    });

    it('drops events older than max-age', async () => {
      const old = Date.now() - 8 * 86_400_000;
      const detail = makeDetail<RetainDetail>('test-widget', 'one', {});
      await storage().put('outbox', {
        id: detail.id,
        name: 'retain-spin-end',
        detail: { ...detail },
        createdAt: old,
        pending: ['datalayer'],
      });
      await fixture(html`<retain-forward to="datalayer" max-age="7d"></retain-forward>`);
      await until(async () => (await outboxStats()).dropped === 1, 'the old event dropped');
      expect((await outboxStats()).queued).to.equal(0);
      expect(warnings.take()).to.have.length(1);
    });
  });

  describe('privacy', () => {
    it('never forwards or stores personal fields, and redacts anything that looks like an email', async () => {
      const url = newSink();
      addDestination(dataLayer('datalayer'));
      addDestination(endpoint(absolute(url), 'test', { wait: 0 }));
      const note = {
        note: 'write to ann.lee+shop@example.co.uk please',
        nested: { to: ['bob@example.com'] },
        // Addresses in other scripts, which a comment may hold.
        other: 'or anna@bücher.de, or алёна@пример.рф.',
      };
      const { id } = emitEvent('retain-account-request', { email: 'ann@example.com', password: 'x', orderId: 'o1', ...note }, [
        'email',
        'password',
      ]);
      // The dataLayer is missing: the event waits in IndexedDB.
      const [row] = await until(async () => {
        const rows = await storage().getAll('outbox');
        return rows.length === 1 && rows;
      }, 'the stored row');
      const sink = await until(async () => {
        const s = await readSink(url);
        return s.received.length === 1 && s;
      }, 'the endpoint');
      page.dataLayer = [];
      await until(() => page.dataLayer!.length === 1, 'the dataLayer');
      for (const payload of [JSON.stringify(row), JSON.stringify(sink.received), JSON.stringify(page.dataLayer)]) {
        expect(payload).to.contain(id);
        expect(payload).to.not.match(/@example|bücher|пример|"email"|"password"/);
        expect(payload).to.contain('[redacted]');
      }
      expect(sink.received[0].detail).to.deep.include({
        note: 'write to [redacted] please',
        nested: { to: ['[redacted]'] },
        other: 'or [redacted], or [redacted].',
        orderId: 'o1',
      });
    });
  });

  describe('queueInTransaction', () => {
    const event = () => new RetainEvent('retain-prize-won', makeDetail<RetainDetail>('test-widget', 'one', {}));

    it('writes nothing while forwarding is not active on this device', async () => {
      const queued = await storage().transact(['state', 'outbox'], (tx) => queueInTransaction(tx, toRecord(event())));
      expect(queued).to.be.false;
      expect(await settled()).to.deep.equal([]);
    });

    it('stores the event with the state change or not at all, once, and delivery takes it over', async () => {
      const url = newSink();
      addDestination(endpoint(absolute(url), 'test', { wait: 0 }));
      await until(async () => (await storage().get('state', MEMO_KEY)) !== undefined, 'forwarding active');
      // A state change that fails: neither it nor the event is kept.
      const lost = event();
      const failing = storage().transact(['state', 'outbox'], async (tx) => {
        await tx.put('state', 'won', 'test-widget/one/prize');
        await queueInTransaction(tx, toRecord(lost));
        throw new Error('the widget changed its mind');
      });
      await failing.catch(() => undefined);
      expect(await settled()).to.deep.equal([]);
      expect(await storage().get('state', 'test-widget/one/prize')).to.equal(undefined);

      const won = event();
      const results = await storage().transact(['state', 'outbox'], async (tx) => {
        await tx.put('state', 'won', 'test-widget/one/prize');
        return [await queueInTransaction(tx, toRecord(won)), await queueInTransaction(tx, toRecord(won))];
      });
      expect(results).to.deep.equal([true, false]);
      const rows = await settled();
      expect(rows.map((r) => [r.id, r.pending])).to.deep.equal([[won.detail.id, [UNASSIGNED]]]);
      // The widget then emits it: delivered once, and the row goes.
      emitEvent('retain-prize-won', { ...won.detail });
      await until(async () => (await outboxStats()).queued === 0, 'the row delivered');
      const sink = await readSink(url);
      expect(sink.received.map((e) => e.id)).to.deep.equal([won.detail.id]);
    });

    it('a row queued on a page without forwarding is delivered by the next page that forwards', async () => {
      page.dataLayer = [];
      const detail = makeDetail<RetainDetail>('test-widget', 'one', {});
      await storage().put('outbox', {
        id: detail.id,
        name: 'retain-prize-won',
        detail: { ...detail },
        createdAt: Date.now() - 10_000,
        pending: [UNASSIGNED],
      });
      addDestination(dataLayer('datalayer'));
      await until(() => page.dataLayer!.length === 1, 'the orphan delivered');
      expect(page.dataLayer[0]).to.include({ event: 'retain_prize_won', event_id: detail.id });
      await until(async () => (await outboxStats()).queued === 0, 'an empty outbox');
    });
  });
});
