/**
 * Forwarding into the real analytics clients from npm (@segment/analytics-next, posthog-js), loaded in
 * the page with their delivery pointed at a local stand-in of their collection API
 * (test/support/analytics-clients.endpoint.mjs): what their own code sends over the wire.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { AnalyticsBrowser } from '@segment/analytics-next';
import type { PostHog } from 'posthog-js';
import { outboxStats } from '../../src/core/delivery.js';
import { emit, makeDetail, RetainEvent, type RetainDetail } from '../../src/core/events.js';
import { EVENT_NAMES, type KitEventName } from '../../src/core/naming.js';
import { SAMPLES } from '../../src/core/naming.samples.js';
import '../../src/forward/forward.js';
import { newSink, until, useDeliveryTest } from '../core/delivery-helpers.js';

type Page = Window & { analytics?: unknown; posthog?: unknown };
const page = window as Page;

interface Collected {
  events: Record<string, unknown>[];
  requests: string[];
}
const collected = async (sink: string): Promise<Collected> => (await fetch(`/test-api/collected/${sink}`)).json();
const sinkName = () => newSink().split('/').pop()!;

/** Every kit event once (the first sample of each), as its widget emits it. Returns the events by id. */
function emitAll(events: readonly KitEventName[]): Map<string, KitEventName> {
  const ids = new Map<string, KitEventName>();
  for (const name of events) {
    const { widget, instance, fields } = SAMPLES[name][0];
    const detail = makeDetail<RetainDetail>(widget, instance, { ...fields } as never);
    emit(document.body, new RetainEvent(name, detail));
    ids.set(detail.id, name);
  }
  return ids;
}

const clientUrl = (file: string) => `/test-api/clients/${file}`;

/**
 * Waits for every event of `ids` at the sink, then for one more sent after them: a repeat of any would
 * have arrived before it (each client sends in order), so the events returned are all there will be.
 */
async function receivedOnce(sink: string, ids: Map<string, KitEventName>, idOf: (event: Record<string, unknown>) => unknown) {
  const ours = async () => (await collected(sink)).events.filter((event) => ids.has(idOf(event) as string));
  await until(async () => (await ours()).length >= ids.size, 'every event at the stand-in');
  const [last] = emitAll(['retain-panel-opened']).keys();
  await until(async () => (await collected(sink)).events.some((event) => idOf(event) === last), 'the event sent after them');
  return ours();
}

describe('forwarding into the real analytics clients', () => {
  useDeliveryTest(['analytics', 'posthog']);

  it("Segment's analytics-next gets each event once, by the spec's names, with messageId = the event id", async () => {
    const sink = sinkName();
    await fixture(html`<retain-forward to="segment" naming="segment"></retain-forward>`);
    // Half the events happen before the page has loaded Segment: they wait in the outbox.
    const first = emitAll(EVENT_NAMES.slice(0, 10));
    await until(async () => (await outboxStats()).queued === 10, 'the early events in the outbox');

    const { AnalyticsBrowser: Browser } = (await import(/* @vite-ignore */ clientUrl('segment.js'))) as {
      AnalyticsBrowser: typeof AnalyticsBrowser;
    };
    const [analytics] = await Browser.load({
      writeKey: 'test-key',
      cdnSettings: {
        integrations: { 'Segment.io': { apiKey: 'test-key', apiHost: `${location.host}/test-api/collect/${sink}/v1`, protocol: 'http' } },
        metrics: { sampleRate: 0 },
      },
    } as never);
    page.analytics = analytics;
    const later = emitAll(EVENT_NAMES.slice(10));
    const ids = new Map([...first, ...later]);

    const received = await receivedOnce(sink, ids, (event) => event.messageId);
    expect(received).to.have.length(ids.size);
    const byId = new Map(received.map((event) => [event.messageId as string, event]));
    expect([...byId.keys()].sort()).to.deep.equal([...ids.keys()].sort());
    expect(received.every((event) => event.type === 'track')).to.be.true;

    const nameOf = (kit: KitEventName) => byId.get([...ids].find(([, name]) => name === kit)![0])!;
    expect(nameOf('retain-spin-shown')).to.deep.include({ event: 'Promotion Viewed' });
    expect(nameOf('retain-spin-shown').properties).to.deep.include({
      promotion_id: 'spin-wheel:welcome',
      creative: 'spin-wheel',
      name: 'welcome',
      position: 'inline',
    });
    expect(nameOf('retain-spin-started').event).to.equal('Promotion Clicked');
    expect(nameOf('retain-spin-code-applied')).to.deep.include({ event: 'Coupon Applied' });
    expect(nameOf('retain-spin-code-applied').properties).to.deep.include({ coupon_id: 'TEA10-7KQ', url: '/discount/TEA10-7KQ' });
    expect(nameOf('retain-account-created').event).to.equal('Signed Up');
    expect(nameOf('retain-order-recorded').event).to.equal('Order Recorded');
    // The event's own time, not the time Segment sent it (the early ones waited in the outbox).
    for (const [id] of first)
      expect(Date.parse(byId.get(id)!.timestamp as string)).to.be.at.most(Date.parse(byId.get(id)!.sentAt as string));
  });

  it("PostHog's posthog-js gets each event once, by the spec's names, with uuid = the event id", async () => {
    const sink = sinkName();
    const { posthog } = (await import(/* @vite-ignore */ clientUrl('posthog.js'))) as { posthog: PostHog };
    posthog.init('phc_test', {
      api_host: `${location.origin}/test-api/collect/${sink}`,
      autocapture: false,
      capture_pageview: false,
      capture_pageleave: false,
      disable_session_recording: true,
      disable_surveys: true,
      advanced_disable_flags: true,
      persistence: 'memory',
      // The test browser's user agent says "Headless": PostHog would take it for a bot.
      opt_out_useragent_filter: true,
    });
    page.posthog = posthog;
    await fixture(html`<retain-forward to="posthog" naming="segment"></retain-forward>`);
    const ids = emitAll(EVENT_NAMES);

    const received = await receivedOnce(sink, ids, (event) => event.uuid);
    expect(received).to.have.length(ids.size);
    expect(new Set(received.map((event) => event.uuid)).size).to.equal(ids.size);
    const byName = new Map(received.map((event) => [ids.get(event.uuid as string), event]));
    expect(byName.get('retain-spin-shown')!.event).to.equal('Promotion Viewed');
    expect(byName.get('retain-points-changed')!.event).to.equal('Points Earned');
    expect(byName.get('retain-points-changed')!.properties).to.deep.include({ points: 450, from: 90, to: 540, source: 'store' });
    expect(byName.get('retain-account-created')!.event).to.equal('Signed Up');
  });
});
