/**
 * `<retain-referral>`: the shopper's referral link (or code) with what the friend gets and what they get, said
 * plainly, and ways to pass it on: the device's share sheet where there is one (Web Share API), copy, and
 * links that open email and messaging apps with the message filled in. The link comes from the store's HTML
 * (`link`, or `code` in `link-pattern`) or from its endpoint (`referral-src`), asked once per device. Rewarding
 * a referral is the store's business on its server: the widget shares, and tells the store what was shared.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from '../core/decorators.js';
import { parseCurrency, parseDuration, parseUrl, safeUrl, warn, warnBadValue, warnInvalid } from '../core/config.js';
import { defineElement } from '../core/define.js';
import { RetainElement } from '../core/element.js';
import { hostReset } from '../core/host-reset.js';
import { cardStyles } from '../core/card.styles.js';
import { Copier } from '../core/copier.js';
import { LocalizeController } from '../core/localize.js';
import { watchSeen } from '../core/near.js';
import { part } from '../core/parts.js';
import { isCode, readDiscount, type Discount } from '../next-order-offer/offer-terms.js';
import { fillPattern, type Referral } from './referral-link.js';
import { RetainReferralCopiedEvent, RetainReferralSharedEvent, RetainReferralShownEvent } from './referral.events.js';
import { styles } from './referral.styles.js';
import { translations, type ReferralTerm } from './referral.translations.js';
import { CHANNELS, shareLink, type Channel, type LinkChannel, type Shared } from './share-links.js';

// The widget's events, typed for whoever imports this module (their declarations on
// GlobalEventHandlersEventMap come with them): `import type { … } from 'retainkit/<widget>'`.
export type * from './referral.events.js';

/** The store's endpoint and the remembered link, with the storage code, loaded after the first frame. */
const sourcePart = part('retain-referral', 'link source', () => import('./referral-source.js'));

type Phase = 'pending' | 'asking' | 'ready' | 'error' | 'hidden';

/** What one side gets: a discount the kit words, or the store's own words. */
type Reward = { discount: Discount } | { text: string };

/** The element's own reactive state: a change of these needs no new reading of the attributes. */
const STATES = new Set(['phase', 'referral', 'said', 'nativeFailed']);

/** Shown in the link's place while the store is asked, so that the card keeps its size when the link comes. */
const PLACEHOLDER = 'https://store.example/r/XXXXXXXX';

/** Apps that open in a tab of their own (the others open the device's mail or messages app). */
const NEW_TAB: ReadonlySet<LinkChannel> = new Set(['whatsapp', 'telegram']);

interface Config {
  /** The referral the store's HTML gives (null when there is none, or its endpoint decides). */
  referral: Referral | null;
  src: string | null;
  pattern: string | null;
  timeoutMs: number;
  rememberMs: number;
  friend: Reward | null;
  you: Reward | null;
  currency: string;
  channels: LinkChannel[];
  message: string | null;
  heading: string | null;
}

/** A numeric reward (`10%`, `5`) or `shipping` is a discount; any other words are the store's own. */
const LOOKS_LIKE_DISCOUNT = /^(\d[\d.]*\s*%?|shipping)$/i;

/**
 * @tag retain-referral
 * @summary A referral link to share with friends (share sheet, copy, email and messaging links), saying what the friend and the referrer get; the store decides and gives the rewards.
 *
 * @attr link - The shopper's referral link (https: or relative), e.g. `https://store.example/?ref=ANNA10`.
 * @attr code - The shopper's referral code; with `link-pattern` it makes the link, alone it is shared as a code.
 * @attr link-pattern - The link of a code, `{code}` replaced (URL-encoded), e.g. `https://store.example/discount/{code}`.
 * @attr referral-src - The store's endpoint that issues the shopper's link (https: or relative): POST, answers `{ link, code }`. `link` and `code` win over it.
 * @attr referral-timeout - How long to wait for `referral-src`, default `8s`.
 * @attr remember - How long this device keeps the link `referral-src` issued before asking again, default `30d` (`0`: never kept).
 * @attr friend-gets - What the friend gets: `10%`, an amount in `currency` (`5`), `shipping`, or your own words.
 * @attr you-get - What the shopper gets for a friend's order: the same forms as `friend-gets`.
 * @attr currency - ISO 4217 code of the amounts in `friend-gets` and `you-get`, default `USD`.
 * @attr channels - The share links offered, of `email whatsapp telegram sms` (default all), in that order.
 * @attr message - The share message in your own words (default the kit's, in the page's language, naming the friend's gift).
 * @attr heading - The card's heading in your own words (default "Invite a friend", in the page's language).
 * @attr scheme - `light`, `dark` or `auto` (default): dark looks only where the page is dark (its `color-scheme`).
 * @attr lang - The language (en, ru, uk, hu), else the page's.
 * @attr instance - Names this referral in state, counters and events.
 *
 * @fires retain-referral-shown - The referral came half into view (once per page view).
 * @fires retain-referral-shared - The shopper shared it: the share sheet completed, or a share link was followed (`channel`).
 * @fires retain-referral-copied - The shopper copied the link (or the code).
 *
 * @csspart base - The card.
 * @csspart title - The heading.
 * @csspart rewards - The list of what the friend and the shopper get.
 * @csspart friend-gets - What the friend gets.
 * @csspart you-get - What the shopper gets.
 * @csspart note - "The store gives the rewards…".
 * @csspart link - The link (or the code).
 * @csspart copy-button - The copy button.
 * @csspart share-button - The button that opens the device's share sheet (where there is one).
 * @csspart channels - The list of share links.
 * @csspart channel - Each share link (also `channel-email`, `channel-whatsapp`, `channel-telegram`, `channel-sms`).
 * @csspart retry-button - "Try again" when the store's endpoint could not be reached.
 *
 * @cssproperty --retain-referral-accent - Button colour (default `--retain-accent`, else #1d4ed8; lighter in dark mode).
 * @cssproperty --retain-referral-on-accent - Text on the button (default white; dark in dark mode).
 * @cssproperty --retain-referral-background - The card's background (default a tint of the text colour).
 * @cssproperty --retain-referral-radius - Corner radius (default `--retain-radius`, else 0.75em).
 * @cssproperty --retain-referral-max-width - The card's width limit (default 34em).
 */
export class RetainReferral extends RetainElement {
  static override widget = 'referral';
  static override styles = [...cardStyles('referral'), styles, hostReset];

  @property() link = '';
  @property() code = '';
  @property({ attribute: 'link-pattern' }) linkPattern = '';
  @property({ attribute: 'referral-src' }) referralSrc = '';
  @property({ attribute: 'referral-timeout' }) referralTimeout = '';
  @property() remember = '';
  @property({ attribute: 'friend-gets' }) friendGets = '';
  @property({ attribute: 'you-get' }) youGet = '';
  @property() currency = '';
  @property() channels = '';
  @property() message = '';
  @property() heading = '';

  @state() private phase: Phase = 'pending';
  /** The referral shown: from the attributes, or from the store's endpoint. */
  @state() private referral: Referral | null = null;
  /** What the status line tells screen readers. */
  @state() private said = '';
  /** The share sheet failed (not cancelled): the share links are offered instead. */
  @state() private nativeFailed = false;
  /** The widget set `hidden` itself (the store refused a link), so it may take it off again. */
  private hiddenBySelf = false;

  /** Resolves once the referral is shown (true) or the widget stays hidden or could not reach the store (false). */
  readonly ready: Promise<boolean>;
  private resolveReady!: (shown: boolean) => void;
  private cfg!: Config;
  private readonly l = new LocalizeController<ReferralTerm>(this, translations);
  private readonly copier = new Copier(this, 'retain-referral');
  private wasSeen = false;

  constructor() {
    super();
    // Half in view with its link: counted and announced once per page view.
    watchSeen(
      this,
      () => this.phase === 'ready' && !this.wasSeen,
      () => {
        this.wasSeen = true;
        const { link, code, source } = this.referral!;
        void this.countAndEmit('seen', new RetainReferralShownEvent(this.detail({ link, code, source })));
      },
    );
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const first = !this.cfg;
    if (first || ![...changed.keys()].every((key) => STATES.has(key as string))) this.cfg = this.readConfig();
    const { referral, src } = this.cfg;
    if (!first) {
      // The page set another link or code from script: shown at once, with no new event (it was shown already).
      if (referral && (referral.link !== this.referral?.link || referral.code !== this.referral?.code)) {
        this.copier.forget();
        this.showReferral(referral);
      }
      // The page set the endpoint from script, with nothing shown yet: asked then, as at the first render.
      else if (src && changed.has('referralSrc') && !this.referral && this.phase === 'hidden') {
        if (this.hiddenBySelf) this.hidden = this.hiddenBySelf = false;
        void this.start();
      }
      return;
    }
    // Known at once: the store's HTML gave the link (drawn final in the first frame), or there is nothing to show.
    if (referral) this.showReferral(referral);
    else if (src) void this.drawn.then(() => this.start());
    else {
      this.close();
      this.resolveReady(false);
    }
  }

  private readConfig(): Config {
    const code = this.readCode();
    const pattern = this.readPattern(code);
    const hasLink = !!this.link.trim();
    const link = hasLink ? safeUrl(this.link) : null;
    if (hasLink && !link) {
      const instead = code && pattern ? 'the link of link-pattern is shared' : code ? 'the code is shared without it' : 'nothing is shown';
      warnInvalid(this, 'link', this.link, 'is not an https: or relative URL', instead);
    }
    let referral: Referral | null = null;
    if (link) referral = { link, code, source: 'link' };
    else if (code && pattern) referral = { link: safeUrl(fillPattern(pattern, code)), code, source: 'pattern' };
    else if (code) referral = { link: null, code, source: 'code' };
    const src = referral ? null : parseUrl(this, 'referral-src', this.referralSrc);
    if (!referral && !src && !hasLink && !this.code.trim() && !this.referralSrc.trim()) {
      warnInvalid(this, 'link', this.link, 'is missing, and there is no code or referral-src', 'nothing is shown');
    }
    return {
      referral,
      src,
      pattern,
      timeoutMs: parseDuration(this, 'referral-timeout', this.referralTimeout, 8000, { min: 500, max: 60_000 }),
      rememberMs: parseDuration(this, 'remember', this.remember, 30 * 86_400_000, { min: 0 }),
      friend: this.readReward('friend-gets', this.friendGets),
      you: this.readReward('you-get', this.youGet),
      currency: parseCurrency(this, 'currency', this.currency),
      channels: this.readChannels(),
      message: this.message.replace(/\s+/g, ' ').trim() || null,
      heading: this.heading.replace(/\s+/g, ' ').trim() || null,
    };
  }

  private readCode(): string | null {
    const code = this.code.trim();
    if (!code) return null;
    if (isCode(code)) return code;
    warnInvalid(this, 'code', this.code, 'is not a code (1 to 64 characters, no spaces)', 'it is left out');
    return null;
  }

  /** `link-pattern`, when it has `{code}` in it and makes a safe link (checked with a stand-in code). */
  private readPattern(code: string | null): string | null {
    const pattern = this.linkPattern.trim();
    if (!pattern) return null;
    const consequence = code ? 'the code is shared without a link' : 'it is left out';
    if (!pattern.includes('{code}')) warnInvalid(this, 'link-pattern', pattern, 'has no {code} in it', consequence);
    else if (!safeUrl(fillPattern(pattern, 'CODE')))
      warnInvalid(this, 'link-pattern', pattern, 'is not an https: or relative URL', consequence);
    else return pattern;
    return null;
  }

  private readReward(attr: string, raw: string): Reward | null {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (!text) return null;
    if (!LOOKS_LIKE_DISCOUNT.test(text)) return { text };
    const discount = readDiscount(text);
    if (typeof discount !== 'string') return { discount };
    warnBadValue(this, attr, raw, null, discount);
    return null;
  }

  private readChannels(): LinkChannel[] {
    const words = this.channels
      .toLowerCase()
      .split(/[\s,]+/)
      .filter(Boolean);
    if (!words.length) return [...CHANNELS];
    const known = (word: string): word is LinkChannel => (CHANNELS as readonly string[]).includes(word);
    for (const word of words.filter((word) => !known(word))) {
      warnInvalid(this, 'channels', word, `is not one of ${CHANNELS.join(', ')}`, 'it is left out');
    }
    return CHANNELS.filter((channel) => words.includes(channel));
  }

  /** The store's endpoint decides: the link this device was given before, else asks (once per device while remembered). */
  private async start(): Promise<void> {
    const source = await sourcePart.get();
    const { src, timeoutMs, rememberMs, pattern } = this.cfg;
    if (!source || !src) return this.fail();
    const ask = { instance: this.instanceName, url: src, timeoutMs, rememberMs, pattern };
    const kept = await source.remembered(ask);
    if (kept) return this.showReferral(kept);
    this.phase = 'asking';
    this.said = this.l.term('asking');
    let referral: Referral | null;
    try {
      referral = await source.fromStore(ask);
    } catch (error) {
      warn('<retain-referral> could not get a link from referral-src', error);
      return this.fail();
    }
    if (referral) this.showReferral(referral);
    else {
      this.close();
      this.resolveReady(false);
    }
  }

  private fail(): void {
    this.phase = 'error';
    this.said = '';
    this.resolveReady(false);
  }

  /** "Try again" after the store could not be reached. */
  private async retry(): Promise<void> {
    this.phase = 'asking';
    await this.start();
    await this.updateComplete;
    const failed = (this.phase as Phase) === 'error';
    this.renderRoot.querySelector<HTMLElement>(failed ? '[part~=retry-button]' : '[part~=copy-button]')?.focus();
  }

  private showReferral(referral: Referral): void {
    this.referral = referral;
    this.phase = 'ready';
    this.said = '';
    // Shown again only if the widget hid itself: a store's own `hidden` stays the store's.
    if (this.hiddenBySelf) this.hidden = false;
    this.hiddenBySelf = false;
    void this.drawn.then(() => this.resolveReady(true));
  }

  /** Hides the element, taking no space. */
  private close(): void {
    this.phase = 'hidden';
    this.hiddenBySelf = !this.hidden;
    this.hidden = true;
  }

  /** What one side gets, in the language shown; `inSentence`: a kit-worded discount starts in lower case. */
  private rewardText(reward: Reward, inSentence = false): string {
    if ('text' in reward) return reward.text;
    const { l } = this;
    const { discount } = reward;
    const said =
      discount.kind === 'shipping'
        ? l.term('shipping')
        : discount.kind === 'percent'
          ? l.term('percent', { p: l.number(discount.value / 100, { style: 'percent', maximumFractionDigits: 2 }) })
          : l.term('amount', { amount: l.currency(discount.value, this.cfg.currency) });
    return inSentence ? said.charAt(0).toLocaleLowerCase(l.language) + said.slice(1) : said;
  }

  /** @internal What is shared: the link, the message (the store's, else the kit's naming the friend's gift), the subject. */
  shared(referral: Referral): Shared {
    const { cfg, l } = this;
    const gift = cfg.friend && this.rewardText(cfg.friend, true);
    let text = cfg.message ?? (gift ? l.term('messageGift', { gift }) : l.term('message'));
    if (!referral.link && referral.code) text = `${text} ${l.term('messageCode', { code: referral.code })}`;
    return { url: referral.link, text, subject: cfg.heading ?? l.term('subject') };
  }

  /** The device's share sheet, where the Web Share API can share this. */
  private canShareNatively(shared: Shared): boolean {
    if (this.nativeFailed || typeof navigator.share !== 'function' || typeof navigator.canShare !== 'function') return false;
    try {
      return navigator.canShare(this.shareData(shared));
    } catch {
      return false;
    }
  }

  private shareData({ url, text }: Shared): ShareData {
    return { title: this.cfg.heading ?? this.l.term('title'), text, ...(url ? { url } : {}) };
  }

  private async shareNatively(): Promise<void> {
    const referral = this.referral!;
    try {
      await navigator.share(this.shareData(this.shared(referral)));
    } catch (error) {
      // Cancelled by the shopper: nothing happened. Anything else: the share links are offered instead.
      if ((error as Error | undefined)?.name === 'AbortError') return;
      warn('<retain-referral> the share sheet failed; showing the share links instead', error);
      this.nativeFailed = true;
      return;
    }
    this.said = this.l.term('shared');
    await this.countAndEmit(
      'shared',
      new RetainReferralSharedEvent(this.detail({ link: referral.link, code: referral.code, channel: 'native' })),
    );
  }

  /** A share link leaves for another app: the event goes first, then the count. */
  private followed(channel: Channel): void {
    const { link, code } = this.referral!;
    this.emit(new RetainReferralSharedEvent(this.detail({ link, code, channel })));
    void this.count('shared');
  }

  private async copy(): Promise<void> {
    const referral = this.referral;
    if (!referral) return;
    const what = referral.link ? 'link' : 'code';
    const done = await this.copier.copy(referral.link ?? referral.code!, this.renderRoot.querySelector('[part~=link]'));
    if (done === null) return;
    this.said = this.l.term(done ? (what === 'link' ? 'linkCopied' : 'codeCopied') : 'copyFailed');
    if (done)
      await this.countAndEmit(
        'copied',
        new RetainReferralCopiedEvent(this.detail({ link: referral.link, code: referral.code, copied: what })),
      );
  }

  protected override render(): TemplateResult | typeof nothing {
    const { phase, l } = this;
    if (phase === 'hidden') return nothing;
    const waiting = phase === 'pending' || phase === 'asking';
    let body: TemplateResult;
    if (phase === 'error') {
      body = html`<p role="alert">${l.term('error')}</p>
        <div class="actions">
          <button type="button" class="primary" part="retry-button" @click=${this.retry}>${l.term('retry')}</button>
        </div>`;
    } else {
      // Until the store's link comes, the card is drawn as it will be (invisible), so that nothing moves then.
      const referral = this.referral ?? { link: PLACEHOLDER, code: null, source: 'store' as const };
      body = html`${this.renderRewards()}
        <p class="label">${l.term(referral.link ? 'yourLink' : 'yourCode')}</p>
        <p class="link" part="link" id="link">
          ${phase === 'asking' ? html`<span aria-hidden="true">${l.term('asking')}</span>` : (referral.link ?? referral.code)}
        </p>
        <div class=${waiting ? 'await' : ''} ?inert=${waiting}>${this.renderShare(referral)}</div>`;
    }
    return html`<section
      part="base"
      class="card ${phase === 'pending' ? 'pending' : ''}"
      lang=${l.language}
      dir=${l.dir}
      aria-labelledby="title"
      @pointerover=${this.copier.warm}
      @focusin=${this.copier.warm}
    >
      <h2 id="title" part="title">${this.cfg.heading ?? l.term('title')}</h2>
      ${body}
      <p class="sr" role="status">${this.said}</p>
    </section>`;
  }

  private renderRewards(): TemplateResult | typeof nothing {
    const { friend, you } = this.cfg;
    if (!friend && !you) return nothing;
    const { l } = this;
    return html`<dl part="rewards">
        ${
          friend
            ? html`<div>
              <dt>${l.term('friendGets')}</dt>
              <dd part="friend-gets">${this.rewardText(friend)}</dd>
            </div>`
            : nothing
        }
        ${
          you
            ? html`<div>
              <dt>${l.term('youGet')}</dt>
              <dd part="you-get">${this.rewardText(you)}</dd>
            </div>`
            : nothing
        }
      </dl>
      <p class="note" part="note">${l.term('storeRewards')}</p>`;
  }

  private renderShare(referral: Referral): TemplateResult {
    const { l } = this;
    const shared = this.shared(referral);
    const native = this.canShareNatively(shared);
    const links = native
      ? []
      : this.cfg.channels.flatMap((channel) => {
          const href = shareLink(channel, shared);
          return href ? [{ channel, href }] : [];
        });
    return html`<div class="actions">
        ${
          native
            ? html`<button type="button" class="primary" part="share-button" @click=${this.shareNatively}>${l.term('share')}</button>`
            : nothing
        }
        <button type="button" class=${native ? 'secondary' : 'primary'} part="copy-button" aria-describedby="link" @click=${this.copy}>
          ${l.term(this.copier.copied ? 'copied' : referral.link ? 'copyLink' : 'copyCode')}
        </button>
      </div>
      ${this.copier.copied === false ? html`<p class="note">${l.term('copyFailed')}</p>` : nothing}
      ${
        links.length
          ? html`<p class="via" id="via">${l.term('shareVia')}</p>
            <ul part="channels" aria-labelledby="via">
              ${links.map(
                ({ channel, href }) =>
                  html`<li>
                    <a
                      class="secondary"
                      part="channel channel-${channel}"
                      href=${href}
                      target=${NEW_TAB.has(channel) ? '_blank' : nothing}
                      rel=${NEW_TAB.has(channel) ? 'noopener noreferrer' : nothing}
                      @click=${() => this.followed(channel)}
                      >${l.term(channel)}${NEW_TAB.has(channel) ? html`<span class="sr"> (${l.term('newTab')})</span>` : nothing}</a
                    >
                  </li>`,
              )}
            </ul>`
          : nothing
      }`;
  }
}

defineElement('retain-referral', RetainReferral);

declare global {
  interface HTMLElementTagNameMap {
    'retain-referral': RetainReferral;
  }
}
