/**
 * `<retain-forward>`: declares, in HTML, where the kit's events go. One element per destination; several
 * at once; each with an optional filter. It renders nothing.
 */
import { parseDuration, parseEnum, parseNumber, parseUrl, warnBadValue } from '../core/config.js';
import { defineElement, ElementBase } from '../core/define.js';
import { addDestination, parseEvents, setConsent, settings, type Destination } from '../core/delivery.js';
import { dataLayer, endpoint, gtag, segment, shopify } from '../core/destinations.js';

const KINDS = ['datalayer', 'gtag', 'shopify', 'segment', 'endpoint'] as const;
const CONSENT = ['granted', 'denied', 'pending'] as const;

/**
 * @tag retain-forward
 * @summary Forwards the kit's events to analytics or the store's backend, without JavaScript.
 *
 * @attr to - Where: `datalayer` (Google Tag Manager, GA4 names such as `retain_spin_end` with flat
 *   parameters; waits for `window.dataLayer` if the page creates it later), `gtag` (`gtag('event', …)`),
 *   `shopify` (`Shopify.analytics.publish(name, params)`: the store's custom and app pixels get them),
 *   `segment` (`analytics.track(name, properties, { messageId })`) or `endpoint` (POSTs JSON batches to `url`).
 * @attr url - The endpoint: https, http on localhost, or relative to the page. Required with `to="endpoint"`.
 * @attr events - Only these events, separated by spaces or commas; `retain-spin-*` matches a prefix.
 *   Default: all.
 * @attr batch-size - Endpoint: most events per request (1–500). Default 50.
 * @attr batch-wait - Endpoint: how long to gather events before a request, such as `2s`. Default `1s`.
 * @attr consent - `granted`, `pending` or `denied`: forwarding waits until granted. Changing the attribute
 *   changes it; `retainkit.consent()` overrides it. Without it: Shopify's Customer Privacy API when the
 *   page has one, else granted.
 * @attr max-events - Kit-wide: most events the outbox keeps for destinations that cannot take them yet;
 *   the oldest are dropped first. Default 1000.
 * @attr max-age - Kit-wide: how long the outbox keeps an event, such as `7d`. Default `7d`.
 */
export class RetainForward extends ElementBase {
  static observedAttributes = ['to', 'url', 'events', 'batch-size', 'batch-wait', 'consent', 'max-events', 'max-age'];
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
      settings.maxEvents = parseNumber(this, 'max-events', attr('max-events'), 1000, { min: 1, integer: true });
    if (attr('max-age') !== null) settings.maxAge = parseDuration(this, 'max-age', attr('max-age'), 7 * 86_400_000, { min: 60_000 });
    if (attr('consent') !== null || this.saidConsent) {
      this.saidConsent = attr('consent') !== null;
      setConsent(this.saidConsent ? parseEnum(this, 'consent', attr('consent'), CONSENT, 'pending') : undefined, 'html');
    }
    const made = ['to', 'url', 'events', 'batch-size', 'batch-wait'].map(attr).join('\n');
    if (made === this.made) return;
    this.stop?.();
    this.stop = undefined;
    this.made = made;
    const raw = attr('to');
    if (raw === null) return;
    const to = parseEnum(this, 'to', raw, [...KINDS, 'none'], 'none');
    const label = `<retain-forward to="${to}">`;
    const events = parseEvents(attr('events'));
    let destination: Destination | undefined;
    if (to === 'endpoint') {
      const url = parseUrl(this, 'url', attr('url'));
      if (url === null && !attr('url')?.trim()) warnBadValue(this, 'url', '', 'none', 'is required with to="endpoint"');
      if (url !== null) {
        destination = endpoint(url, `<retain-forward to="endpoint" url="${url}">`, {
          events,
          batch: parseNumber(this, 'batch-size', attr('batch-size'), 50, { min: 1, max: 500, integer: true }),
          wait: parseDuration(this, 'batch-wait', attr('batch-wait'), 1000, { max: 3_600_000 }),
        });
      }
    } else if (to !== 'none') {
      destination = { datalayer: dataLayer, gtag, shopify, segment }[to](label, events);
    }
    if (destination) this.stop = addDestination(destination);
  }
}

defineElement('retain-forward', RetainForward);

declare global {
  interface HTMLElementTagNameMap {
    'retain-forward': RetainForward;
  }
}
