/**
 * `<retain-next-order-offer>`: on the order-confirmation page, an exclusive code for the shopper's next
 * order, from the store's list (`codes`, each handed out once per device) or its endpoint (`offer-src`,
 * which decides and may refuse), with its real expiry counting down, copy and apply. Decided once per
 * order in one IndexedDB transaction (so two tabs agree), and never while the shopper holds an unexpired
 * offer. With `reminder`, the same element is the small reminder of that unused code a store places in
 * its header, until the code expires or an order uses it.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from '../core/decorators.js';
import { broadcast, onBroadcast } from '../core/broadcast.js';
import { parseCurrency, parseDuration, parseNumber, parseUrl, safeUrl, warn, warnBadValue, warnInvalid } from '../core/config.js';
import { cardStyles } from '../core/card.styles.js';
import { Copier } from '../core/copier.js';
import { defineElement } from '../core/define.js';
import { RetainElement, yesOrNo } from '../core/element.js';
import { hostReset } from '../core/host-reset.js';
import { LocalizeController } from '../core/localize.js';
import { watchSeen } from '../core/near.js';
import { part } from '../core/parts.js';
import { relativeTime } from '../core/relative-time.js';
import { stored } from '../core/stored.js';
import {
  RetainOfferAppliedEvent,
  RetainOfferCopiedEvent,
  RetainOfferRedeemedEvent,
  RetainOfferRemindedEvent,
  RetainOfferShownEvent,
  type OfferRedeemedDetail,
} from './next-order-offer.events.js';
import { styles } from './next-order-offer.styles.js';
import type { Reminder } from './reminder.js';
import { translations, type OfferTerm } from './next-order-offer.translations.js';
import { isCode, offerKey, readDiscount, type Discount, type Offer, type OfferTerms } from './offer-terms.js';
import { readTime } from '../core/read-time.js';
import type { OfferHost, View } from './next-order-offer.host.js';

export type { View };

// The widget's events, typed for whoever imports this module (their declarations on
// GlobalEventHandlersEventMap come with them): `import type { … } from 'retainkit/<widget>'`.
export type * from './next-order-offer.events.js';

const DAY = 86_400_000;
/** Cross-tab messages: an instance's offer changed (handed out, used). */
const TOPIC = 'next-order-offer';
/** Every offer element on this page: a card showing a code keeps the reminders of its instance quiet. */
const elements = new Set<RetainNextOrderOffer>();
/** The decision and the store's endpoint, with the storage code, loaded after the first frame. */
const handoutPart = part('retain-next-order-offer', 'hand-out', () => import('./handout.js'));
type Handout = typeof import('./handout.js');
type Ask = import('./handout.js').Ask;
/** The header reminder's button and panel, loaded once a reminder has a code to show. */
const reminderPart = part('retain-next-order-offer', 'reminder', () => import('./reminder.js'));

type Phase = 'pending' | 'asking' | 'offer' | 'error' | 'hidden';

/** The element's own reactive state: a change of these needs no new reading of the attributes. */
const STATES = new Set(['phase', 'offer', 'now', 'open', 'said']);

/** Shown in the code's place while waiting, so that the card keeps its size when the code comes. */
const PLACEHOLDER = 'XXXX-XXXX';

interface Config {
  orderId: string;
  pool: string[];
  src: string | null;
  timeoutMs: number;
  ttlMs: number;
  until: number | null;
  terms: OfferTerms;
  orderCodes: string[];
}

/** `05:12:09`: hours, minutes and seconds of `ms`. */
function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  return [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60].map((n) => String(n).padStart(2, '0')).join(':');
}

/**
 * @tag retain-next-order-offer
 * @summary An exclusive code for the next order on the order-confirmation page, once per order; with `reminder`, the header reminder of that unused code.
 *
 * @attr order-id - The order just placed (required for the offer; without it nothing is shown). Read once, at the first render: a new order needs a new element.
 * @attr codes - The store's codes (space- or comma-separated): each order takes one never handed out on this device.
 * @attr offer-src - The store's endpoint that decides (https: or relative); wins over `codes`.
 * @attr [offer-timeout=8s] - How long to wait for `offer-src`, default `8s`.
 * @attr [code-ttl=30d] - How long a code from `codes` is valid once handed out, default `30d` (the store's `expiresAt` wins).
 * @attr expires-at - When your codes stop working (ISO 8601 or ms since the epoch; a day alone, `2026-06-30`, is the end
 *   of that day where the shopper is): no expiry shown is later. Once it has passed, nothing is handed out (one warning).
 * @attr discount - What the code gives: `15%`, an amount in `currency` (`10`: "€10.00 off"), or `shipping` ("Free
 *   shipping"), written in the page's language.
 * @attr label - What the code gives in your own words, shown instead of `discount`.
 * @attr minimum - The smallest next order the code works on, in `currency`: "On orders of €30.00 or more." beside the
 *   code, through `Intl`.
 * @attr [currency=USD] - ISO 4217 code of `discount` amounts and `minimum`, default `USD`.
 * @attr apply-url - A link that applies the code, `{code}` replaced, e.g. `/discount/{code}`. https: or relative.
 * @attr order-codes - The discount codes this order used, as your order knows them (Shopify's `order.discount_codes`,
 *   WooCommerce's `$order->get_coupon_codes()`): a held offer among them is over.
 * @attr reminder - The header reminder of the shopper's unused code (with its own `label` or `apply-url` if given).
 * @attr lang - Language, default the page's: en, ru, uk, hu; prices, dates and "in 30 days" through `Intl`.
 * @attr instance - Names this offer in state, counters and events; a reminder shows the offer of its instance.
 *
 * @fires retain-offer-shown - A code was handed out for this order and shown (once per order on this device). Counted
 *   as `seen`.
 * @fires retain-offer-copied - The shopper copied the code (card or reminder). Counted as `copied`.
 * @fires retain-offer-applied - The shopper followed the apply link (emitted before the page leaves) Counted as
 *   `applied`.
 * @fires retain-offer-reminded - The reminder came half into view (once per page view). Counted as `reminded`.
 * @fires retain-offer-redeemed - `order-codes` says this order used the held code. Counted as `converted`.
 *
 * @csspart base - The card, or the reminder's wrapper.
 * @csspart title - The card's heading.
 * @csspart benefit - What the code gives.
 * @csspart minimum - The minimum order value.
 * @csspart code - The code.
 * @csspart copy-button - The copy button.
 * @csspart apply-link - The apply link.
 * @csspart expiry - The countdown to the expiry.
 * @csspart retry-button - "Try again" when the store's endpoint could not be reached.
 * @csspart reminder-button - The reminder's button that opens its panel.
 * @csspart reminder-label - The words on the reminder's button. Where a phone's header has no room for them, hide them
 *   visually, not with `display: none`: they are the button's name (docs/next-order-offer.md).
 * @csspart panel - The reminder's panel.
 *
 * @cssproperty --retain-next-order-offer-accent - Button colour (default `--retain-accent`, else #1d4ed8; lighter in dark mode).
 * @cssproperty --retain-next-order-offer-on-accent - Text on the button (default white; dark in dark mode).
 * @cssproperty --retain-next-order-offer-background - The card's background (default a tint of the text colour).
 * @cssproperty --retain-next-order-offer-radius - Corner radius (default `--retain-radius`, else 0.75em).
 * @cssproperty --retain-next-order-offer-max-width - The card's width limit (default 34em).
 * @cssproperty --retain-next-order-offer-panel-width - The reminder panel's width (default min(20em, 100vw - 1em)).
 * @cssproperty --retain-surface - The reminder panel's background (default Canvas).
 * @cssproperty --retain-text - The reminder panel's text colour (default CanvasText).
 */
export class RetainNextOrderOffer extends RetainElement implements OfferHost {
  static override widget = 'next-order-offer';
  static override styles = [...cardStyles('next-order-offer'), styles, hostReset];

  // Reflected: the host's layout (`:host([reminder])`) and a store's CSS follow it when set from script.
  @property({ type: Boolean, converter: yesOrNo, reflect: true }) reminder = false;
  @property({ attribute: 'order-id' }) orderId = '';
  @property() codes = '';
  @property({ attribute: 'offer-src' }) offerSrc = '';
  @property({ attribute: 'offer-timeout' }) offerTimeout = '';
  @property({ attribute: 'code-ttl' }) codeTtl = '';
  @property({ attribute: 'expires-at' }) expiresAt = '';
  @property() discount = '';
  @property() label = '';
  @property() minimum = '';
  @property() currency = '';
  @property({ attribute: 'apply-url' }) applyUrl = '';
  @property({ attribute: 'order-codes' }) orderCodes = '';

  @state() private phase: Phase = 'pending';
  /** The offer shown: handed out here (card), or held on this device (reminder). */
  @state() private offer: Offer | undefined;
  /** The clock the countdown reads, moved on when what it shows changes. */
  @state() private now = Date.now();
  // State that reminder.ts renders from: public, so a property without an attribute rather than a private @state.
  /** @internal The reminder's panel is open. */
  @property({ attribute: false }) open = false;
  /** @internal What the status line tells screen readers. */
  @property({ attribute: false }) said = '';

  /**
   * The card: resolves once it has decided, true once a code is shown (after `retain-offer-shown`), false when it
   * stays hidden or the store could not be reached.
   */
  readonly decision: Promise<boolean>;
  private decide!: (shown: boolean) => void;
  private cfg!: Config;
  /** @internal */
  readonly l = new LocalizeController<OfferTerm>(this, translations);
  private readonly copier = new Copier(this, 'retain-next-order-offer');
  /** The reminder's button and panel, once loaded. */
  private view: Reminder | undefined;
  /** What the device remembers is read once the first frame is drawn (card: the decision; reminder: the held offer). */
  private reading: Promise<void> = this.drawn.then(() => (this.reminder ? this.read() : this.start()));
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopListening: (() => void) | undefined;
  /** The code the reminder has counted as seen on this page. */
  private remindedOf: string | undefined;
  /** Removed before it decided: it decides when connected again. */
  private undecided = false;

  constructor() {
    super();
    // The reminder half in view with a code it has not counted on this page: counted and announced.
    watchSeen(
      this,
      () => this.reminder && this.phase === 'offer' && !!this.offer && this.remindedOf !== this.offer.code,
      () => {
        const { code, expiresAt } = this.offer!;
        this.remindedOf = code;
        void this.countAndEmit('reminded', new RetainOfferRemindedEvent(this.detail({ code, expiresAt })));
      },
    );
    this.decision = new Promise((resolve) => (this.decide = resolve));
  }

  /** Resolves once what the device remembers has been read and shown (the card's decision; the reminder's offer). */
  get loaded(): Promise<void> {
    return this.reading;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    elements.add(this);
    this.stopListening = onBroadcast(TOPIC, (message) => {
      if (this.reminder && message.instance === this.instanceName) void this.refresh();
    });
    if (this.hasUpdated && this.reminder) void this.refresh();
    if (this.undecided) {
      this.undecided = false;
      this.reading = this.start();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    elements.delete(this);
    this.stopListening?.();
    clearTimeout(this.timer);
    this.view?.shut(false);
    // The reminders of a card that showed the code may show it now.
    if (!this.reminder && this.phase === 'offer') this.tellReminders(false);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.cfg && ![...changed.keys()].every((key) => STATES.has(key as string))) this.cfg = this.readConfig();
    this.cfg ??= this.readConfig();
    // Known at once (no order, nothing to hand out): no space is reserved at all.
    if (!this.hasUpdated && !this.reminder && (!this.cfg.orderId || (!this.cfg.src && !this.cfg.pool.length))) this.close();
  }

  private readConfig(): Config {
    const card = !this.reminder;
    const given = this.orderId.trim();
    // The order is read once, at the first render, which decides about it: a later one is not half taken.
    const orderId = this.cfg ? this.cfg.orderId : given;
    if (card && (given !== orderId || !orderId)) {
      const why = given !== orderId ? 'came after the first render' : 'is missing';
      warnInvalid(
        this,
        'order-id',
        this.orderId,
        why,
        orderId ? `order "${orderId}" is kept (a new order needs a new element)` : 'no offer is shown',
      );
    }
    const words = this.codes.split(/[\s,]+/).filter(Boolean);
    const bad = words.find((code) => !isCode(code));
    if (bad) warnInvalid(this, 'codes', bad, 'is not a code (1 to 64 characters)', 'it is left out');
    const pool = [...new Set(words.filter(isCode))];
    const src = parseUrl(this, 'offer-src', this.offerSrc);
    if (card && orderId && !src && !pool.length && !this.offerSrc.trim()) {
      warnInvalid(this, 'codes', this.codes, 'lists no code and there is no offer-src', 'no offer is shown');
    }
    let discount: Discount | null = null;
    if (this.discount.trim()) {
      const read = readDiscount(this.discount);
      if (typeof read === 'string') warnBadValue(this, 'discount', this.discount, null, read);
      else discount = read;
    }
    let until: number | null = null;
    if (this.expiresAt.trim()) {
      until = readTime(this.expiresAt);
      if (Number.isNaN(until)) {
        warnBadValue(this, 'expires-at', this.expiresAt, null, 'is not a date (ISO 8601, such as 2026-06-30T23:59:00Z)');
        until = null;
      }
    }
    // Checked with a stand-in code, so that a `javascript:` template is refused before anything is handed out.
    const apply =
      this.applyUrl.trim() && parseUrl(this, 'apply-url', this.applyUrl.replaceAll('{code}', 'CODE')) ? this.applyUrl.trim() : null;
    return {
      orderId,
      pool,
      src,
      timeoutMs: parseDuration(this, 'offer-timeout', this.offerTimeout, 8000, { min: 500, max: 60_000 }),
      ttlMs: parseDuration(this, 'code-ttl', this.codeTtl, 30 * DAY, { min: 60_000 }),
      until,
      terms: {
        discount,
        label: this.label.replace(/\s+/g, ' ').trim() || null,
        minimum: parseNumber(this, 'minimum', this.minimum, 0, { min: 0 }) || null,
        currency: parseCurrency(this, 'currency', this.currency),
        applyUrl: apply,
      },
      orderCodes: this.orderCodes
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((code) => code.toUpperCase()),
    };
  }

  /** The card: decides about this order (and asks the store when it decides), then shows the code or nothing. */
  private async start(): Promise<void> {
    if (this.phase === 'hidden') return this.decide(false);
    const handout = await handoutPart.get();
    if (!handout) return this.giveUp();
    const { cfg } = this;
    const ask: Ask = {
      instance: this.instanceName,
      orderId: cfg.orderId,
      orderCodes: cfg.orderCodes,
      terms: cfg.terms,
      pool: cfg.pool,
      fromStore: !!cfg.src,
      ttlMs: cfg.ttlMs,
      until: cfg.until,
      staleMs: cfg.timeoutMs + 10_000,
    };
    // Taken out of the page meanwhile (a framework rendering it again): it decides once it is back.
    if (!this.isConnected) return void (this.undecided = true);
    let outcome: Awaited<ReturnType<Handout['decide']>>;
    try {
      outcome = await handout.decide(ask);
    } catch (error) {
      warn('<retain-next-order-offer> could not check whether this order had its offer; it stays hidden.', error);
      return this.giveUp();
    }
    if (outcome.redeemed) void this.redeemed(outcome.redeemed);
    const { decision } = outcome;
    if (decision.kind === 'offer') return this.show(decision.offer);
    if (decision.kind === 'ask') return this.askStore(handout, ask);
    if (decision.why === 'used-up')
      warnInvalid(this, 'codes', this.codes, 'has no code left that this device was not given before', 'no offer is shown');
    if (decision.why === 'expired') warnInvalid(this, 'expires-at', this.expiresAt, 'has passed', 'no offer is shown');
    this.giveUp();
  }

  private giveUp(): void {
    this.close();
    this.decide(false);
  }

  private async askStore(handout: Handout, ask: Ask): Promise<void> {
    this.phase = 'asking';
    this.said = this.l.term('asking');
    let offer: Offer | null;
    try {
      offer = await handout.fromStore(ask, this.cfg.src!, this.cfg.timeoutMs);
    } catch (error) {
      warn('<retain-next-order-offer> could not get a code from offer-src', error);
      this.phase = 'error';
      this.said = '';
      return this.decide(false);
    }
    if (offer) await this.show(offer);
    else this.giveUp();
  }

  private async show(offer: Offer): Promise<void> {
    this.offer = offer;
    this.now = Date.now();
    this.phase = 'offer';
    this.said = '';
    await this.updateComplete;
    this.tellReminders(true);
    const { orderId, code, expiresAt, source, minimum, currency } = offer;
    await this.countAndEmit('seen', new RetainOfferShownEvent(this.detail({ orderId, code, expiresAt, source, minimum, currency })));
    this.decide(true);
  }

  private async redeemed(offer: Offer): Promise<void> {
    this.tellReminders(true);
    const detail = this.detail<OfferRedeemedDetail>({ orderId: this.cfg.orderId, code: offer.code, handedOn: offer.orderId });
    await this.countAndEmit('converted', new RetainOfferRedeemedEvent(detail));
  }

  /** "Try again" after the store could not be reached: the order is decided afresh (another tab may have had it meanwhile). */
  private async retry(): Promise<void> {
    await this.start();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(this.phase === 'error' ? '[part~=retry-button]' : '[part~=copy-button]')?.focus();
  }

  /** Tells the reminders of this instance, here and (when the offer changed) in the other tabs, to look again. */
  private tellReminders(changed: boolean): void {
    if (changed) broadcast({ topic: TOPIC, instance: this.instanceName });
    for (const el of elements) if (el.reminder && el.instanceName === this.instanceName) void el.refresh();
  }

  /** The reminder: reads the held offer again (another tab handed one out, an order used it), never before its first frame. */
  refresh(): Promise<void> {
    return (this.reading = this.drawn.then(() => this.read()));
  }

  private async read(): Promise<void> {
    let offer: Offer | undefined;
    const now = Date.now();
    try {
      const { storage, noteHeld } = await stored();
      offer = (await storage().get('state', offerKey(this.instanceName))) as Offer | undefined;
      // The note the loader reads before it loads a reminder's code, corrected from what the device holds.
      noteHeld(this.widgetName, this.instanceName, offer && offer.expiresAt > now ? offer.expiresAt : null);
    } catch (error) {
      warn('<retain-next-order-offer reminder> could not read the offer', error);
    }
    const onCard = [...elements].some((el) => !el.reminder && el.phase === 'offer' && el.instanceName === this.instanceName);
    const show = !!offer && offer.expiresAt > now && !onCard;
    if (show) this.view ??= await reminderPart.get().then((code) => code && new code.Reminder(this));
    if (offer && show && this.view) {
      if (offer.code !== this.offer?.code) this.copier.forget();
      this.offer = offer;
      this.now = now;
      this.phase = 'offer';
      this.hidden = false;
    } else {
      this.offer = undefined;
      this.view?.shut(false);
      this.close();
    }
  }

  /** Hides the element, taking no space. */
  private close(): void {
    this.phase = 'hidden';
    this.hidden = true;
  }

  protected override updated(): void {
    clearTimeout(this.timer);
    const offer = this.phase === 'offer' ? this.offer : undefined;
    const left = offer ? offer.expiresAt - Date.now() : 0;
    if (left > 0) this.timer = setTimeout(() => this.tick(), nextChange(left));
  }

  private tick(): void {
    this.now = Date.now();
    if (this.reminder && this.offer && this.now >= this.offer.expiresAt) void this.refresh();
  }

  /** @internal Loads the copying code at the first sign of interest, so that it is there on the click. */
  warm(): void {
    this.copier.warm();
  }

  private async copy(view: View): Promise<void> {
    const code = this.offer?.code;
    if (!code) return;
    const done = await this.copier.copy(code, this.renderRoot.querySelector('[part~=code]'));
    if (done === null) return;
    this.said = this.l.term(done ? 'copied' : 'copyFailed');
    if (done) await this.countAndEmit('copied', new RetainOfferCopiedEvent(this.detail({ code, view })));
  }

  /** The apply link leaves the page: the event goes first, then the count. */
  private applied(view: View, url: string): void {
    this.emit(new RetainOfferAppliedEvent(this.detail({ code: this.offer!.code, view, url })));
    void this.count('applied');
  }

  protected override render(): TemplateResult | typeof nothing {
    if (this.phase === 'hidden') return nothing;
    if (!this.reminder) return this.renderCard();
    return this.phase === 'offer' && this.offer && this.view ? this.view.render(this.offer, this.cfg.terms) : nothing;
  }

  private renderCard(): TemplateResult {
    const { phase, l } = this;
    const waiting = phase === 'pending' || phase === 'asking';
    // Until the code comes, the card is drawn as it will be (invisible parts), so that nothing moves then.
    const offer = this.offer ?? { ...this.cfg.terms, code: PLACEHOLDER, expiresAt: this.now + this.cfg.ttlMs };
    let body: TemplateResult;
    if (phase === 'error') {
      body = html`<p role="alert" class="note">${l.term('error')}</p>
        <div class="actions">
          <button type="button" class="primary" part="retry-button" @click=${this.retry}>${l.term('retry')}</button>
        </div>`;
    } else if (this.now >= offer.expiresAt) {
      body = html`${this.terms(offer)}
        <p class="code" part="code"><s>${offer.code}</s></p>
        <p class="expiry" part="expiry">${l.term('expired', { date: l.date(offer.expiresAt, { dateStyle: 'long', timeStyle: 'short' }) })}</p>`;
    } else {
      body = html`${this.terms(offer)}
        <p class="code" part="code" id="code">
          ${phase === 'asking' ? html`<span class="asking" aria-hidden="true">${l.term('asking')}</span>` : offer.code}
        </p>
        <div class=${waiting ? 'await' : ''} ?inert=${waiting}>${this.actions(offer, 'card')} ${this.expiry(offer.expiresAt)}</div>`;
    }
    return html`<section
      part="base"
      class="card ${phase === 'pending' ? 'pending' : ''}"
      lang=${l.language}
      dir=${l.dir}
      aria-labelledby="title"
      @pointerover=${this.warm}
      @focusin=${this.warm}
    >
      <h2 id="title" part="title">${l.term('title')}</h2>
      ${body}
      <p class="sr" role="status">${this.said}</p>
    </section>`;
  }

  /** @internal What the code gives, in the language shown: the store's label, else its discount. */
  benefit(terms: OfferTerms): string | null {
    const { discount, label, currency } = terms;
    const l = this.l;
    if (label) return label;
    if (!discount) return null;
    if (discount.kind === 'shipping') return l.term('shipping');
    if (discount.kind === 'percent')
      return l.term('percent', { p: l.number(discount.value / 100, { style: 'percent', maximumFractionDigits: 2 }) });
    return l.term('amount', { amount: l.currency(discount.value, currency) });
  }

  /** @internal What the code gives and the minimum order, said as plainly and as large as the code's other terms. */
  terms(terms: OfferTerms): TemplateResult {
    const benefit = this.benefit(terms);
    const { minimum, currency } = terms;
    return html`${benefit ? html`<p class="benefit" part="benefit">${benefit}</p>` : nothing}
    ${minimum ? html`<p class="minimum" part="minimum">${this.l.term('minimum', { amount: this.l.currency(minimum, currency) })}</p>` : nothing}`;
  }

  /** @internal Copy and apply. */
  actions(offer: Pick<Offer, 'code' | 'applyUrl'>, view: View): TemplateResult {
    const l = this.l;
    const href = offer.applyUrl && safeUrl(offer.applyUrl.replaceAll('{code}', encodeURIComponent(offer.code)));
    return html`<div class="actions">
        <button type="button" class="primary" part="copy-button" aria-describedby="code" @click=${() => this.copy(view)}>
          ${l.term(this.copier.copied ? 'copied' : 'copy')}
        </button>
        ${href ? html`<a class="secondary" part="apply-link" href=${href} @click=${() => this.applied(view, href)}>${l.term('apply')}</a>` : nothing}
      </div>
      ${this.copier.copied === false ? html`<p class="note">${l.term('copyFailed')}</p>` : nothing}`;
  }

  /** @internal The countdown to the expiry, and its date. */
  expiry(expiresAt: number): TemplateResult {
    const l = this.l;
    const left = Math.max(0, expiresAt - this.now);
    const when =
      left >= DAY ? relativeTime(l, Math.round(left / DAY), 'day', { numeric: 'always' }) : l.term('inClock', { clock: clock(left) });
    const date = l.date(expiresAt, { dateStyle: 'long', timeStyle: 'short' });
    return html`<p class="expiry" part="expiry"><time datetime=${new Date(expiresAt).toISOString()}>${l.term('expires', { when, date })}</time></p>`;
  }
}

/**
 * In how many ms the countdown's words change, `left` ms before the expiry, so that it is drawn again then:
 * "in 3 days" is the nearest whole day (`expiry`), so it changes at each half day, and at the last day's start
 * to the clock, which changes each second. (Redrawn at whole days, a page left open said "in 3 days" with 2.0–2.5
 * days left, for up to half a day.)
 */
function nextChange(left: number): number {
  if (left < DAY) return (left % 1000) + 1;
  return left - Math.max(DAY, (Math.round(left / DAY) - 0.5) * DAY) + 1;
}

defineElement('retain-next-order-offer', RetainNextOrderOffer);

declare global {
  interface HTMLElementTagNameMap {
    'retain-next-order-offer': RetainNextOrderOffer;
  }
}
