/**
 * `<retain-forward>`: declares, in HTML, where the kit's events go. One element per destination; several
 * at once; each with an optional filter. It renders nothing.
 */
import { parseDuration, parseEnum, parseNumber, parseUrl, warnBadValue, warnInvalid } from '../core/config.js';
import { defineElement, ElementBase } from '../core/define.js';
import { addDestination, parseEvents, setConsent, settings, type Destination } from '../core/delivery.js';
import { DEFAULTS, ENDPOINT_DEFAULTS } from '../core/delivery/defaults.js';
import { dataLayer, endpoint, gtag, posthog, segment, shopify } from '../core/delivery/destinations.js';
import { NAMINGS, unknownEvents, type Naming } from '../core/naming.js';

const KINDS = ['datalayer', 'gtag', 'shopify', 'segment', 'posthog', 'endpoint'] as const;
const CONSENT = ['granted', 'denied', 'pending'] as const;
/** Which naming each in-page destination speaks. */
const NAMING_OF: Record<string, Naming> = { datalayer: 'ga4', gtag: 'ga4', shopify: 'ga4', segment: 'segment', posthog: 'segment' };

/**
 * @tag retain-forward
 * @summary Forwards the kit's events to analytics or the store's backend, without JavaScript.
 *
 * @attr to - Where: `datalayer` (Google Tag Manager, GA4 names such as `retain_spin_ended` with flat
 *   parameters; waits for `window.dataLayer` if the page creates it later), `gtag` (`gtag('event', …)`),
 *   `shopify` (`Shopify.analytics.publish(name, params)`: the store's custom and app pixels get them),
 *   `segment` (Segment's `analytics.track(name, properties, { messageId })`), `posthog`
 *   (`posthog.capture(name, properties, { uuid, timestamp })`) or `endpoint` (POSTs JSON batches to `url`).
 * @attr naming - Standard event names: `ga4` (GA4's recommended events, for `datalayer`, `gtag` and `shopify`)
 *   or `segment` (the Segment spec's names, for `segment` and `posthog`). Default: the kit's own names.
 * @attr url - The endpoint: https, http on localhost, or relative to the page. Required with `to="endpoint"`.
 * @attr events - Only these events, separated by spaces or commas; `retain-spin-*` matches a prefix.
 *   An unknown name is warned about, with the nearest real one. Default: all.
 * @attr [batch-size=50] - Endpoint: most events per request (1–500). Default 50.
 * @attr [batch-wait=1s] - Endpoint: how long to gather events before a request, such as `2s`. Default `1s`.
 * @attr consent - `granted`, `pending` or `denied`: forwarding waits until granted. Changing the attribute
 *   changes it; `retainkit.consent()` overrides it. Without it: Shopify's Customer Privacy API when the
 *   page has one, else granted.
 * @attr max-events - Kit-wide: most events the outbox keeps for destinations that cannot take them yet;
 *   the oldest are dropped first. Default 1000.
 * @attr max-age - Kit-wide: how long the outbox keeps an event, such as `7d`. Default `7d`.
 */
export class RetainForward extends ElementBase {
  static observedAttributes = ['to', 'naming', 'url', 'events', 'batch-size', 'batch-wait', 'consent', 'max-events', 'max-age'];
  private stop?: () => void;
  /** The attributes the current destination was made from. */
  private made?: string;
  private saidConsent = false;
  private queued = false;

  connectedCallback(): void {
    this.hidden = true;
    this.attributeChangedCallback();
  }

  disconnectedCallback(): void {
    this.stop?.();
    this.stop = this.made = undefined;
  }

  attributeChangedCallback(): void {
    // Several attributes set in a row (or by the parser) apply once.
    if (this.queued || !this.isConnected) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      if (this.isConnected) this.update();
    });
  }

  private update(): void {
    const attr = (name: string) => this.getAttribute(name);
    if (attr('max-events') !== null)
      settings.maxEvents = parseNumber(this, 'max-events', attr('max-events'), DEFAULTS.maxEvents, { min: 1, integer: true });
    if (attr('max-age') !== null) settings.maxAge = parseDuration(this, 'max-age', attr('max-age'), DEFAULTS.maxAge, { min: 60_000 });
    if (attr('consent') !== null || this.saidConsent) {
      this.saidConsent = attr('consent') !== null;
      setConsent(this.saidConsent ? parseEnum(this, 'consent', attr('consent'), CONSENT, 'pending') : undefined, 'html');
    }
    const made = ['to', 'naming', 'url', 'events', 'batch-size', 'batch-wait'].map(attr).join('\n');
    if (made === this.made) return;
    this.stop?.();
    this.stop = undefined;
    this.made = made;
    const raw = attr('to');
    if (raw === null) return;
    const to = parseEnum(this, 'to', raw, KINDS, 'none');
    const events = parseEvents(attr('events'));
    for (const { name, nearest } of unknownEvents(events ?? [])) {
      warnInvalid(this, 'events', name, `is not an event of the kit (the nearest is "${nearest}")`, 'it forwards nothing');
    }
    // No destination, no naming to check: a bad `to` gets its one warning.
    const naming = to === 'none' ? undefined : this.naming(to);
    const label = `<retain-forward to="${to}"${naming ? ` naming="${naming}"` : ''}>`;
    let destination: Destination | undefined;
    if (to === 'endpoint') {
      const url = parseUrl(this, 'url', attr('url'));
      if (url === null && !attr('url')?.trim()) warnBadValue(this, 'url', '', 'none', 'is required with to="endpoint"');
      if (url !== null) {
        destination = endpoint(url, `<retain-forward to="endpoint" url="${url}">`, {
          events,
          batch: parseNumber(this, 'batch-size', attr('batch-size'), ENDPOINT_DEFAULTS.batch, { min: 1, max: 500, integer: true }),
          wait: parseDuration(this, 'batch-wait', attr('batch-wait'), ENDPOINT_DEFAULTS.wait, { max: 3_600_000 }),
        });
      }
    } else if (to !== 'none') {
      destination = { datalayer: dataLayer, gtag, shopify, segment, posthog }[to](label, events, naming);
    }
    if (destination) this.stop = addDestination(destination);
  }

  /** The `naming` attribute, when it fits the destination (GA4's names for GA4's tags, Segment's for the others). */
  private naming(to: string): Naming | undefined {
    const raw = this.getAttribute('naming');
    if (raw === null) return undefined;
    const naming = parseEnum(this, 'naming', raw, [...NAMINGS, 'none'], 'none');
    if (naming === 'none') return undefined;
    if (naming === NAMING_OF[to]) return naming;
    const fits = Object.keys(NAMING_OF).filter((kind) => NAMING_OF[kind] === naming);
    warnBadValue(this, 'naming', raw, 'none', `applies to ${fits.map((kind) => `to="${kind}"`).join(' and ')}, not to="${to}"`);
    return undefined;
  }
}

defineElement('retain-forward', RetainForward);

declare global {
  interface HTMLElementTagNameMap {
    'retain-forward': RetainForward;
  }
}
