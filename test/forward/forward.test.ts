import { expect, fixture, html } from '@open-wc/testing';
import { forward as apiForward } from '../../src/api.js';
import { onDeliveryState, outboxStats, settings } from '../../src/core/delivery.js';
import { MEMO_KEY, type DeliveryMemo } from '../../src/core/outbox.js';
import { storage } from '../../src/core/storage.js';
import '../../src/forward/forward.js';
import { emitEvent, newSink, readSink, until, useDeliveryTest } from '../core/delivery-helpers.js';

type Page = Window & {
  dataLayer?: Record<string, unknown>[];
  gtag?: (...args: unknown[]) => void;
  analytics?: { track(...args: unknown[]): void };
  Shopify?: { analytics?: { publish(...args: unknown[]): void } };
};
const page = window as Page;

/**
 * What Google Tag Manager's data model holds as it processes each event push: every push merged into one
 * model (a key pushed as undefined is unset; `ecommerce: null` clears it), a snapshot per `event`.
 */
function gtmModelAtEachEvent(pushes: Record<string, unknown>[]): Record<string, unknown>[] {
  const model: Record<string, unknown> = {};
  const snapshots: Record<string, unknown>[] = [];
  for (const push of pushes) {
    for (const [key, value] of Object.entries(push)) {
      if (value === undefined || value === null) delete model[key];
      else model[key] = value;
    }
    if ('event' in push) snapshots.push({ ...model });
  }
  return snapshots;
}

describe('<retain-forward>', () => {
  const warnings = useDeliveryTest(['dataLayer', 'gtag', 'analytics', 'Shopify']);

  it('renders nothing', async () => {
    const el = await fixture<HTMLElement>(html`<retain-forward to="datalayer"></retain-forward>`);
    expect(el.hidden).to.be.true;
    expect(el.getBoundingClientRect().height).to.equal(0);
  });

  it('dataLayer created after the kit loaded gets every event, in order, with GA4 names and flat parameters', async () => {
    await fixture(html`<retain-forward to="datalayer"></retain-forward>`);
    await Promise.resolve();
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const name = (['retain-spin-end', 'retain-prize-won', 'retain-code-copied'] as const)[i % 3];
      ids.push(emitEvent(name, { n: i, prize: { label: '10% off', kind: 'discount' }, counters: { seen: i }, codes: ['A', 'B'] }).id);
    }
    // What a page with Google Tag Manager does, later.
    page.dataLayer = page.dataLayer || [];
    await until(() => page.dataLayer!.length === 30, 'every event in the dataLayer');
    expect(page.dataLayer.map((entry) => entry.event_id)).to.deep.equal(ids);
    expect(page.dataLayer.slice(0, 3).map((entry) => entry.event)).to.deep.equal([
      'retain_spin_end',
      'retain_prize_won',
      'retain_code_copied',
    ]);
    expect(page.dataLayer[0]).to.include({
      event: 'retain_spin_end',
      event_id: ids[0],
      widget: 'test-widget',
      instance: 'one',
      n: 0,
      prize_label: '10% off',
      prize_kind: 'discount',
      counters_seen: 0,
      codes: 'A,B',
    });
    for (const entry of page.dataLayer) {
      for (const value of Object.values(entry)) expect(value === null || typeof value !== 'object', JSON.stringify(entry)).to.be.true;
    }
    await until(async () => (await outboxStats()).queued === 0, 'an empty outbox');

    // Once the dataLayer exists, an event is pushed at once (synchronously, in the emitting tab).
    const id = emitEvent('retain-review-voted', { helpful: true }).id;
    expect(page.dataLayer.at(-1)).to.include({ event: 'retain_review_voted', event_id: id, helpful: true });
    // GTM's data model keeps keys across pushes: parameters of earlier events are unset.
    expect(page.dataLayer.at(-1)).to.have.property('prize_label', undefined);
  });

  // The keys pushed are the dataLayer's, not one forwarder's: unset whichever forwarder pushed them, and after
  // the forwarder is re-made.
  it("dataLayer: after the forwarder is re-added, an earlier event's parameters are still unset", async () => {
    page.dataLayer = [];
    const wrapper = await fixture<HTMLElement>(html`<div><retain-forward to="datalayer"></retain-forward></div>`);
    const el = wrapper.querySelector('retain-forward')!;
    emitEvent('retain-spin-ended', { prize: '10% off', code: 'TEA10-7KQ' });
    // The theme re-renders its section: the same element goes out and back in.
    el.remove();
    wrapper.append(el);
    await Promise.resolve();
    await Promise.resolve();
    emitEvent('retain-review-voted', { reviewId: 'r1' });
    expect(page.dataLayer.map((entry) => entry.event)).to.deep.equal(['retain_spin_ended', 'retain_review_voted']);
    expect(gtmModelAtEachEvent(page.dataLayer).at(-1), "GTM's model at retain_review_voted").not.to.have.any.keys('code', 'prize');
  });

  it("dataLayer: after `events` changes at run time, an earlier event's parameters are still unset", async () => {
    page.dataLayer = [];
    const el = await fixture<HTMLElement>(html`<retain-forward to="datalayer" events="retain-spin-*"></retain-forward>`);
    emitEvent('retain-spin-ended', { prize: '10% off', code: 'TEA10-7KQ' });
    el.setAttribute('events', 'retain-spin-* retain-review-*');
    await Promise.resolve();
    emitEvent('retain-review-voted', { reviewId: 'r2' });
    expect(page.dataLayer.map((entry) => entry.event)).to.deep.equal(['retain_spin_ended', 'retain_review_voted']);
    expect(gtmModelAtEachEvent(page.dataLayer).at(-1), "GTM's model at retain_review_voted").not.to.have.any.keys('code', 'prize');
  });

  it('dataLayer: two forwarders (kit names and naming="ga4") unset each other\'s parameters and ecommerce', async () => {
    page.dataLayer = [];
    await fixture(html`<div>
      <retain-forward to="datalayer"></retain-forward>
      <retain-forward to="datalayer" naming="ga4"></retain-forward>
    </div>`);
    emitEvent('retain-spin-shown', { mode: 'inline', trigger: null });
    emitEvent('retain-points-changed', { from: 90, to: 540, delta: 450, source: 'store' });
    emitEvent('retain-order-recorded', { orderId: '1001', total: 59.9, currency: 'EUR' });
    const models = gtmModelAtEachEvent(page.dataLayer);
    expect(models.map((model) => model.event)).to.deep.equal([
      'retain_spin_shown',
      'view_promotion',
      'retain_points_changed',
      'earn_virtual_currency',
      'retain_order_recorded',
      'retain_order_recorded',
    ]);
    // The kit-named points event does not carry the wheel's promotion the ga4 push before it set.
    expect(models[2], 'at retain_points_changed').not.to.have.property('ecommerce');
    // A recorded order carries no `value` (the ga4 points event's), under either naming.
    for (const model of models.slice(4)) {
      expect(model, 'at retain_order_recorded').not.to.have.any.keys('value', 'virtual_currency_name', 'delta');
    }
  });

  it('gtag gets gtag("event", name, params)', async () => {
    const calls: unknown[][] = [];
    page.gtag = (...args) => calls.push(args);
    await fixture(html`<retain-forward to="gtag"></retain-forward>`);
    const { id } = emitEvent('retain-tier-reached', { tier: 'Gold', pointsNeeded: 0 });
    expect(calls).to.have.length(1);
    expect(calls[0][0]).to.equal('event');
    expect(calls[0][1]).to.equal('retain_tier_reached');
    expect(calls[0][2]).to.include({ event_id: id, tier: 'Gold', points_needed: 0, widget: 'test-widget' });
  });

  it('Shopify gets Shopify.analytics.publish(name, params), also when the storefront defines it later', async () => {
    await fixture(html`<retain-forward to="shopify"></retain-forward>`);
    await Promise.resolve();
    const first = emitEvent('retain-spin-end', { prize: { label: 'Free shipping' }, code: 'SHIP-1' });
    const calls: unknown[][] = [];
    // Shopify's storefront script defines its analytics object on its own schedule.
    page.Shopify = { analytics: { publish: (...args) => calls.push(args) } };
    const acknowledged = new Set<string>();
    onDeliveryState((id, state) => state === 'acknowledged' && acknowledged.add(id));
    // Published, and recorded as such: until then a fresh event waits behind it, to keep the order.
    await until(() => calls.length === 1 && acknowledged.has(first.id), 'the earlier event published');
    const second = emitEvent('retain-review-voted', { reviewId: 'r-1' });
    expect(calls).to.have.length(2);
    expect(calls.map((call) => call[0])).to.deep.equal(['retain_spin_end', 'retain_review_voted']);
    expect(calls[0][1]).to.include({ event_id: first.id, prize_label: 'Free shipping', code: 'SHIP-1', widget: 'test-widget' });
    expect(calls[1][1]).to.include({ event_id: second.id, review_id: 'r-1' });
  });

  it('Segment gets analytics.track(name, properties, { messageId })', async () => {
    const calls: unknown[][] = [];
    page.analytics = { track: (...args) => calls.push(args) };
    await fixture(html`<retain-forward to="segment"></retain-forward>`);
    const detail = emitEvent('retain-account-created', { invited: true });
    expect(calls).to.deep.equal([['retain-account-created', { ...detail }, { messageId: detail.id }]]);
  });

  it('filters by event name (prefixes with *, snake_case accepted), several destinations at once', async () => {
    const gtagCalls: unknown[][] = [];
    page.gtag = (...args) => gtagCalls.push(args);
    page.dataLayer = [];
    await fixture(
      html`<div>
        <retain-forward to="gtag" events="retain-spin-*"></retain-forward>
        <retain-forward to="datalayer" events="retain_points_changed, retain-review-voted"></retain-forward>
      </div>`,
    );
    emitEvent('retain-spin-started');
    emitEvent('retain-spin-ended');
    emitEvent('retain-points-changed');
    emitEvent('retain-review-voted');
    emitEvent('retain-review-sorted');
    expect(gtagCalls.map((call) => call[1])).to.deep.equal(['retain_spin_started', 'retain_spin_ended']);
    expect(page.dataLayer.map((entry) => entry.event)).to.deep.equal(['retain_points_changed', 'retain_review_voted']);
  });

  it('sends to an endpoint declared in HTML', async () => {
    const url = newSink();
    await fixture(html`<retain-forward to="endpoint" url=${url} batch-wait="0"></retain-forward>`);
    const { id } = emitEvent('retain-spin-end');
    const sink = await until(async () => {
      const s = await readSink(url);
      return s.received.length === 1 && s;
    }, 'the event');
    expect(sink.received[0].id).to.equal(id);
  });

  it('two forwarders on a page mark forwarding active on the device in one write', async () => {
    // Counted where IndexedDB is asked: a transaction over the state store alone is the memo's edit.
    const transaction = IDBDatabase.prototype.transaction;
    let memoWrites = 0;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      if ([args[0]].flat().join() === 'state' && args[1] === 'readwrite') memoWrites++;
      return transaction.apply(this, args);
    } as IDBDatabase['transaction'];
    try {
      await fixture(html`<div>
        <retain-forward to="endpoint" url=${newSink()}></retain-forward>
        <retain-forward to="datalayer"></retain-forward>
      </div>`);
      await until(async () => ((await storage().get('state', MEMO_KEY)) as DeliveryMemo | undefined)?.active, 'forwarding active');
      // A second write would have begun with the first: a quiet moment more shows none came after either.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(memoWrites).to.equal(1);
    } finally {
      IDBDatabase.prototype.transaction = transaction;
    }
  });

  it('a bad destination warns once and the others keep working', async () => {
    page.dataLayer = [];
    let thrown = 0;
    page.gtag = () => {
      thrown++;
      throw new Error('gtag is broken');
    };
    await fixture(
      html`<div>
        <retain-forward to="gtag"></retain-forward>
        <retain-forward to="datalayer"></retain-forward>
      </div>`,
    );
    for (let i = 0; i < 5; i++) emitEvent('retain-spin-end');
    expect(page.dataLayer).to.have.length(5);
    // gtag is retried from the outbox (with backoff) and keeps failing.
    await until(() => thrown >= 7, 'retries of gtag');
    const said = warnings.take();
    expect(said).to.have.length(1);
    expect(said[0]).to.contain('<retain-forward to="gtag">').and.contain('gtag is broken');
    expect((await outboxStats()).queued).to.equal(5);
    emitEvent('retain-spin-end');
    expect(page.dataLayer).to.have.length(6);
  });

  it('reports delivery states', async () => {
    page.dataLayer = [];
    const seen: [string, string, string][] = [];
    onDeliveryState((id, state, key) => seen.push([id, state, key]));
    await fixture(html`<retain-forward to="datalayer"></retain-forward>`);
    const { id } = emitEvent('retain-spin-end');
    expect(seen).to.deep.equal([[id, 'acknowledged', 'datalayer']]);
  });

  it('stops when removed, and follows attribute changes', async () => {
    page.dataLayer = [];
    const calls: unknown[][] = [];
    page.gtag = (...args) => calls.push(args);
    const el = await fixture(html`<retain-forward to="datalayer"></retain-forward>`);
    emitEvent('retain-spin-end');
    el.setAttribute('to', 'gtag');
    await Promise.resolve();
    emitEvent('retain-prize-won');
    el.remove();
    emitEvent('retain-code-copied');
    expect(page.dataLayer.map((entry) => entry.event)).to.deep.equal(['retain_spin_end']);
    // A destination declared later also gets the page's earlier events.
    expect(calls.map((call) => call[1])).to.deep.equal(['retain_spin_end', 'retain_prize_won']);
  });

  it('warns once per bad attribute and falls back', async () => {
    page.dataLayer = [];
    await fixture(
      html`<div>
        <retain-forward to="fax"></retain-forward>
        <retain-forward to="endpoint"></retain-forward>
        <retain-forward to="endpoint" url="javascript:alert(1)"></retain-forward>
        <retain-forward to="datalayer" batch-size="0" max-age="soon"></retain-forward>
      </div>`,
    );
    await Promise.resolve();
    const said = warnings.take();
    expect(said).to.have.length(4);
    expect(said[0]).to.contain('to="fax"');
    expect(said[1]).to.contain('url=""').and.contain('required');
    expect(said[2]).to.contain('url="javascript:alert(1)"');
    expect(said[3]).to.contain('max-age="soon"').and.contain('"1w"');
    expect(settings.maxAge).to.equal(7 * 86_400_000);
    emitEvent('retain-spin-end');
    expect(page.dataLayer).to.have.length(1);
    expect(warnings.take()).to.have.length(0);
  });

  // It said so twice, the second time about a to="none" the store never wrote (and the first offered "none").
  it('a bad `to` with a `naming` gets one warning, which offers only the real destinations', async () => {
    await fixture(html`<retain-forward to="fax" naming="ga4"></retain-forward>`);
    await Promise.resolve();
    const said = warnings.take();
    expect(said, said.join('\n')).to.have.length(1);
    expect(said[0]).to.contain('to="fax" is not one of datalayer, gtag, shopify, segment, posthog, endpoint;');
  });

  // Cut at 100 UTF-16 code units, a text ending in an emoji kept half of it: "�" in GA4's reports.
  it('naming="ga4": a text cut to GA4’s 100 characters never ends in half a character', async () => {
    page.dataLayer = [];
    await fixture(html`<retain-forward to="datalayer" naming="ga4"></retain-forward>`);
    emitEvent('retain-review-filtered', { keyword: `${'x'.repeat(99)}🎁 and more` });
    const keyword = String(page.dataLayer.at(-1)!.keyword);
    expect(keyword).to.equal('x'.repeat(99));
  });

  // docs/forward.md: anything that looks like an email is redacted; in a link's query it is percent-encoded.
  it('an email percent-encoded in a link is redacted too', async () => {
    page.dataLayer = [];
    await fixture(html`<retain-forward to="datalayer"></retain-forward>`);
    emitEvent('retain-survey-link-followed', { url: 'https://store.example/review?email=ann.smith%40example.com&o=1001' });
    expect(page.dataLayer.at(-1)!.url).to.equal('https://store.example/review?email=[redacted]&o=1001');
  });
});

describe('retainkit.forward(fn)', () => {
  const warnings = useDeliveryTest();

  it('gets every event (earlier ones first) without personal fields, and stops', async () => {
    const before = emitEvent('retain-account-request', { email: 'ann@example.com', orderId: 'o1' }, ['email']);
    const got: Record<string, unknown>[] = [];
    const stop = await apiForward((record) => void got.push({ name: record.name, ...record.detail }), { events: ['retain-account-*'] });
    const after = emitEvent('retain-account-created', { orderId: 'o1' });
    emitEvent('retain-spin-end');
    expect(got.map((g) => g.id)).to.deep.equal([before.id, after.id]);
    expect(got[0]).to.not.have.property('email');
    stop();
    emitEvent('retain-account-created');
    expect(got).to.have.length(2);
  });

  // The second function of a name was merged into the first's destination and never called, without a word.
  it('two functions under one name both get every event, and the second is told to take its own name', async () => {
    const first: string[] = [];
    const second: string[] = [];
    await apiForward((record) => void first.push(record.name), { name: 'crm' });
    await apiForward((record) => void second.push(record.name), { name: 'crm' });
    emitEvent('retain-spin-end');
    await until(async () => first.length === 1 && second.length === 1, 'both functions called');
    const said = warnings.take();
    expect(said, said.join('\n')).to.have.length(1);
    expect(said[0]).to.contain('"crm" is taken by another function');
  });

  it('retries an event the function failed to take, with one warning', async () => {
    let calls = 0;
    const taken: string[] = [];
    await apiForward(async (record) => {
      calls++;
      if (calls === 1) throw new Error('not now');
      taken.push(String(record.detail.id));
    });
    const { id } = emitEvent('retain-spin-end');
    await until(async () => taken.length === 1 && (await outboxStats()).queued === 0, 'the retry');
    expect(taken).to.deep.equal([id]);
    expect(warnings.take()).to.have.length(1);
  });
});
