/**
 * Standard names per destination (`<retain-forward naming>`): each mode's payloads field by field, the
 * dataLayer checked against GA4's documented schema, GA4's limits, no purchase, and the warnings a store
 * that misconfigures forwarding gets.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emit, makeDetail, RetainEvent, type RetainDetail } from '../../src/core/events.js';
import { EVENT_NAMES, type KitEventName } from '../../src/core/naming.js';
import { SAMPLES } from '../../src/core/naming.samples.js';
import '../../src/forward/forward.js';
import { emitEvent, useDeliveryTest } from './delivery-helpers.js';
import { dataLayerProblems, ga4Problems } from '../support/ga4-schema.js';

type Entry = Record<string, unknown>;
type Page = Window & {
  dataLayer?: Entry[];
  gtag?: (...args: unknown[]) => void;
  analytics?: { track(...args: unknown[]): void };
  posthog?: { capture(...args: unknown[]): void };
};
const page = window as Page;

/** Emits a sample of a kit event as its widget would. */
function emitSample(name: KitEventName, index = 0): RetainDetail {
  const { widget, instance, fields } = SAMPLES[name][index];
  const detail = makeDetail<RetainDetail>(widget, instance, { ...fields } as never);
  emit(document.body, new RetainEvent(name, detail));
  return detail;
}

/** Every sample of every event. */
function emitEverySample(): { name: KitEventName; detail: RetainDetail }[] {
  return EVENT_NAMES.flatMap((name) => SAMPLES[name].map((_, i) => ({ name, detail: emitSample(name, i) })));
}

/** A dataLayer entry without the keys set to undefined (which unset an earlier event's parameters). */
const defined = (entry: Entry) => Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
const events = () => page.dataLayer!.filter((entry) => 'event' in entry).map(defined);

describe('naming', () => {
  const warnings = useDeliveryTest(['dataLayer', 'gtag', 'analytics', 'posthog']);

  describe('naming="ga4"', () => {
    it('dataLayer: GA4 recommended events with their documented fields, every payload within GA4 schema', async () => {
      page.dataLayer = [];
      await fixture(html`<retain-forward to="datalayer" naming="ga4"></retain-forward>`);
      const shown = emitSample('retain-spin-shown');
      const started = emitSample('retain-spin-started');
      const earned = emitSample('retain-points-changed', 0);
      const spent = emitSample('retain-points-changed', 1);
      const up = emitSample('retain-tier-changed', 0);
      const down = emitSample('retain-tier-changed', 1);
      const created = emitSample('retain-account-created');
      const order = emitSample('retain-order-recorded');
      const ended = emitSample('retain-spin-ended');
      const pushed = events();

      expect(page.dataLayer[0]).to.deep.equal({ ecommerce: null });
      const promotion = { promotion_id: 'spin-wheel:welcome', promotion_name: 'welcome', creative_name: 'spin-wheel' };
      const item = { item_id: 'spin-wheel:welcome', item_name: 'welcome' };
      const base = (d: RetainDetail) => ({ event_id: d.id, timestamp: d.timestamp, widget: d.widget, instance: d.instance });
      expect(pushed[0]).to.deep.equal({
        event: 'view_promotion',
        ecommerce: { ...promotion, creative_slot: 'inline', items: [item] },
        ...base(shown),
        counters_seen: 1,
      });
      expect(pushed[1]).to.deep.equal({
        event: 'select_promotion',
        ecommerce: { ...promotion, items: [item] },
        ...base(started),
        source: 'wheel',
        marketing_consent: false,
        counters_interacted: 1,
      });
      expect(pushed[2]).to.deep.equal({
        event: 'earn_virtual_currency',
        virtual_currency_name: 'points',
        value: 450,
        ...base(earned),
        from: 90,
        to: 540,
        source: 'store',
      });
      expect(pushed[3]).to.deep.include({
        event: 'spend_virtual_currency',
        virtual_currency_name: 'points',
        value: 500,
        event_id: spent.id,
      });
      expect(pushed[4]).to.deep.equal({
        event: 'unlock_achievement',
        achievement_id: 'Silver',
        ...base(up),
        from: 'Bronze',
        to: 'Silver',
        up: true,
        source: 'store',
      });
      expect(pushed[5]).to.deep.include({ event: 'retain_tier_changed', event_id: down.id, up: false });
      expect(pushed[6]).to.deep.include({ event: 'sign_up', method: 'email', event_id: created.id, order_id: '1001', consent_email: true });
      expect(pushed[7]).to.deep.equal({
        event: 'retain_order_recorded',
        order_id: '1001',
        order_total: 59.9,
        order_currency: 'EUR',
        ...base(order),
      });
      expect(pushed[8]).to.deep.include({ event: 'retain_spin_ended', coupon: 'TEA10-7KQ', prize: '10% off', event_id: ended.id });
      expect(pushed[8]).not.to.have.property('code');
      // Parameters of an earlier event that this one lacks are unset, the ecommerce object too.
      expect(page.dataLayer.at(-1)).to.have.property('ecommerce', undefined);
      expect(page.dataLayer.at(-1)).to.have.property('virtual_currency_name', undefined);
      expect(dataLayerProblems(page.dataLayer)).to.deep.equal([]);
    });

    it('every event of the kit, by every sample, passes GA4 schema, through the dataLayer and gtag', async () => {
      page.dataLayer = [];
      const calls: unknown[][] = [];
      page.gtag = (...args) => calls.push(args);
      await fixture(html`<div>
        <retain-forward to="datalayer" naming="ga4"></retain-forward>
        <retain-forward to="gtag" naming="ga4"></retain-forward>
      </div>`);
      const emitted = emitEverySample();
      expect(events()).to.have.length(emitted.length);
      expect(dataLayerProblems(page.dataLayer)).to.deep.equal([]);
      expect(calls).to.have.length(emitted.length);
      for (const [command, name, params] of calls as [string, string, Entry][]) {
        expect(command).to.equal('event');
        expect(ga4Problems(name, params), name).to.deep.equal([]);
      }
      // The referral's shared is GA4's recommended share, with its parameters (checked above by ga4Problems).
      const share = (calls as [string, string, Entry][]).find(([, name]) => name === 'share');
      expect(share?.[2]).to.include({ method: 'whatsapp', content_type: 'referral' });
      // gtag takes the ecommerce fields flat, beside the others.
      expect(calls[0][2]).to.deep.include({ promotion_id: 'spin-wheel:welcome', creative_slot: 'inline', event_id: emitted[0].detail.id });
    });

    it('keeps within GA4 limits: 25 parameters (one warning names those left out), names of 40, text of 100', async () => {
      page.dataLayer = [];
      await fixture(html`<retain-forward to="datalayer" naming="ga4"></retain-forward>`);
      const counters = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`c${String(i).padStart(2, '0')}`, i]));
      const long = 'x'.repeat(150);
      emitEvent('retain-panel-opened', { counters, note: long, [`a${'b'.repeat(50)}`]: 1 });
      emitEvent('retain-panel-opened', { counters });
      const [first, second] = events();
      expect(Object.keys(first)).to.have.length(26); // 25 parameters and `event`
      expect(first.note).to.equal('x'.repeat(100));
      expect(first).to.have.property(`a${'b'.repeat(39)}`, 1);
      expect(first).to.include({ event_id: first.event_id, widget: 'test-widget', counters_c00: 0 });
      expect(Object.keys(second)).to.have.length(26);
      const { event, ...params } = first;
      expect(ga4Problems(String(event), params)).to.deep.equal([]);
      const said = warnings.take();
      expect(said).to.have.length(1);
      expect(said[0])
        .to.contain('<retain-forward to="datalayer" naming="ga4">')
        .and.contain('retain-panel-opened')
        .and.contain('counters_c29');
    });

    it('never names a recorded order a purchase, nor gives it a revenue field', async () => {
      page.dataLayer = [];
      const tracked: unknown[][] = [];
      page.analytics = { track: (...args) => tracked.push(args) };
      await fixture(html`<div>
        <retain-forward to="datalayer" naming="ga4"></retain-forward>
        <retain-forward to="segment" naming="segment"></retain-forward>
      </div>`);
      emitEverySample();
      const purchases = ['purchase', 'refund', 'in_app_purchase', 'Order Completed', 'Order Updated', 'Checkout Step Completed'];
      const revenue = ['value', 'currency', 'transaction_id', 'revenue', 'total', 'price'];
      const order = events().find((entry) => entry.event === 'retain_order_recorded')!;
      for (const field of revenue) expect(order, field).not.to.have.property(field);
      expect(events().map((entry) => entry.event)).not.to.include.members(purchases);
      const segmentOrder = tracked.find(([name]) => name === 'Order Recorded')!;
      for (const field of revenue) expect(segmentOrder[1], field).not.to.have.property(field);
      expect(tracked.map(([name]) => name)).not.to.include.members(purchases);
    });
  });

  describe('naming="segment"', () => {
    it("Segment: the spec's names and properties in snake_case, messageId = the event id, the event's own time", async () => {
      const tracked: unknown[][] = [];
      page.analytics = { track: (...args) => tracked.push(args) };
      await fixture(html`<retain-forward to="segment" naming="segment"></retain-forward>`);
      const shown = emitSample('retain-spin-shown');
      const applied = emitSample('retain-spin-code-applied');
      const created = emitSample('retain-account-created');
      const seen = emitSample('retain-review-seen');
      const options = (d: RetainDetail) => ({ messageId: d.id, timestamp: new Date(d.timestamp) });
      const rest = (d: RetainDetail) => ({ timestamp: d.timestamp, widget: d.widget, instance: d.instance });
      expect(tracked[0]).to.deep.equal([
        'Promotion Viewed',
        {
          promotion_id: 'spin-wheel:welcome',
          creative: 'spin-wheel',
          name: 'welcome',
          position: 'inline',
          trigger: null,
          counters: { seen: 1 },
          ...rest(shown),
        },
        options(shown),
      ]);
      expect(tracked[1]).to.deep.equal([
        'Coupon Applied',
        { coupon_id: 'TEA10-7KQ', url: '/discount/TEA10-7KQ', counters: { converted: 1 }, ...rest(applied) },
        options(applied),
      ]);
      expect(tracked[2]).to.deep.equal([
        'Signed Up',
        {
          order_id: '1001',
          mode: 'json',
          consent: { email: true, sms: false, text_version: 'marketing-2026-01', at: '2026-01-10T09:00:00.000Z' },
          invited: false,
          ...rest(created),
        },
        options(created),
      ]);
      expect(tracked[3]).to.deep.equal([
        'Reviews Viewed',
        { product_id: 'mug', review_ids: ['r1', 'r2'], counters: { seen: 1 }, ...rest(seen) },
        options(seen),
      ]);
    });

    it('PostHog: posthog.capture(name, properties, { uuid, timestamp }), by default and with naming="segment"', async () => {
      const captured: unknown[][] = [];
      page.posthog = { capture: (...args) => captured.push(args) };
      await fixture(html`<div>
        <retain-forward to="posthog"></retain-forward>
        <retain-forward to="posthog" naming="segment"></retain-forward>
      </div>`);
      const earned = emitSample('retain-points-changed');
      const options = { uuid: earned.id, timestamp: new Date(earned.timestamp) };
      expect(captured).to.deep.equal([
        ['retain-points-changed', { ...earned }, options],
        [
          'Points Earned',
          { points: 450, timestamp: earned.timestamp, from: 90, to: 540, source: 'store', widget: 'loyalty-badge', instance: 'header' },
          options,
        ],
      ]);
    });

    it('an instance that is not initialized yet is not ready: events wait for it', async () => {
      const captured: unknown[][] = [];
      page.posthog = { capture: (...args) => captured.push(args), __loaded: false } as Page['posthog'];
      await fixture(html`<retain-forward to="posthog"></retain-forward>`);
      emitSample('retain-panel-opened');
      expect(captured).to.deep.equal([]);
    });
  });

  describe('misconfigured forwarding is told', () => {
    it('an unknown event in events= gives one warning naming it and the nearest real one', async () => {
      page.dataLayer = [];
      const el = await fixture(
        html`<retain-forward to="datalayer" events="retain-spin-end retain_prize_won retain-spni-* retain-spin-ended"></retain-forward>`,
      );
      el.setAttribute('batch-size', '10'); // applied again: no second warning
      await Promise.resolve();
      expect(warnings.take()).to.deep.equal([
        'retainkit: <retain-forward> events="retain-spin-end" is not an event of the kit (the nearest is "retain-spin-ended"); it forwards nothing. <retain-forward>',
        'retainkit: <retain-forward> events="retain-prize-won" is not an event of the kit (the nearest is "retain-spin-shown"); it forwards nothing. <retain-forward>',
        'retainkit: <retain-forward> events="retain-spni-*" is not an event of the kit (the nearest is "retain-spin-shown"); it forwards nothing. <retain-forward>',
      ]);
      emitSample('retain-spin-ended');
      emitSample('retain-spin-shown');
      expect(events().map((entry) => entry.event)).to.deep.equal(['retain_spin_ended']);
    });

    it('a naming that does not fit the destination is refused with a warning; the kit names its events as always', async () => {
      const tracked: unknown[][] = [];
      page.analytics = { track: (...args) => tracked.push(args) };
      await fixture(html`<retain-forward to="segment" naming="ga4"></retain-forward>`);
      const detail = emitSample('retain-spin-shown');
      expect(tracked).to.deep.equal([['retain-spin-shown', { ...detail }, { messageId: detail.id }]]);
      expect(warnings.take()).to.deep.equal([
        'retainkit: <retain-forward> naming="ga4" applies to to="datalayer" and to="gtag" and to="shopify", not to="segment"; using "none" instead. <retain-forward>',
      ]);
    });
  });
});
