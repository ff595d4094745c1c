/**
 * `<retain-account-prompt>`: on the order-confirmation page, invites a guest who just bought to create
 * an account in one step. Shown at most once per order on this device (decided in one IndexedDB
 * transaction, so two tabs cannot both show it), snoozed after "no thanks", never shown to a logged-in
 * shopper. The email goes only into the request the shopper sends: never into IndexedDB or forwarding.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { property } from '../core/decorators.js';
import { parseCurrency, parseDuration, parseEnum, parseNumber, parseUrl, warn, warnBadValue, warnInvalid } from '../core/config.js';
import { cardStyles } from '../core/card.styles.js';
import { defineElement } from '../core/define.js';
import { RetainElement } from '../core/element.js';
import { hostReset } from '../core/host-reset.js';
import { LocalizeController } from '../core/localize.js';
import { part } from '../core/parts.js';
import { stored } from '../core/stored.js';
import type { CounterName } from '../core/counters.js';
import type { RetainEvent } from '../core/events.js';
import { RetainAccountShownEvent, type AccountShownDetail } from './account-prompt.events.js';
import { styles } from './account-prompt.styles.js';
import { translations, type AccountTerm } from './account-prompt.translations.js';
import type { AccountPromptHost, ConsentChannel, Config, Phase } from './account-prompt.host.js';

// The widget's events, typed for whoever imports this module (their declarations on
// GlobalEventHandlersEventMap come with them): `import type { … } from 'retainkit/<widget>'`.
export type * from './account-prompt.events.js';
export type * from './account-prompt.action-events.js';

/** The HTML spec's "valid e-mail address" (what `<input type=email>` accepts). */
export const EMAIL_PATTERN =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** State keys. Neither holds anything personal: an order id, a time. */
export const SNOOZE_KEY = 'account-prompt/snooze';
export const orderKey = (orderId: string) => `account-prompt/order/${orderId}`;

type Actions = typeof import('./account-prompt.actions.js');
/** What the shopper's actions run (`core/parts.ts`), loaded at the first sign of interest. */
const actionsPart = part('retain-account-prompt', 'actions', () => import('./account-prompt.actions.js'));

/**
 * @tag retain-account-prompt
 * @summary Invites a guest to create an account right after the order, once per order, never nagging.
 *
 * @attr order-id - The store's order id (required; without it the prompt stays hidden). Read once, at the first render: a new order needs a new element.
 * @attr total - The order total in major units (e.g. `59.90`); with it the order is recorded on this device.
 * @attr currency - ISO 4217 code of the total, default `USD`.
 * @attr email - The shopper's email, prefilled and editable. Never stored or forwarded.
 * @attr [status=guest] - `guest`: the sign-up form. `has-account`: a "log in to link this order" link to `login-url`
 *   (required then). `logged-in`: nothing, no space, no event.
 * @attr incentive-points - Points the account earns on this order, shown as a reason ("Earn 60 points").
 * @attr incentive - A reason in the store's words, such as "10% off your next order".
 * @attr action - Where sign-up goes: `https:` or same-origin. A `javascript:` or other URL is refused with a warning
 *   (the prompt falls back to `event`).
 * @attr mode - `form` (default with an action: a real form POST, the page goes to the store's answer), `json` (a `fetch` POST of JSON; 2xx is success), `event` (default without an action: the store answers the request event).
 * @attr target - The browsing context a `form` POST opens in (like `<form target>`); default the page itself.
 * @attr [password=required] - `required` (default), `optional` or `none` (the store emails a link to set one).
 * @attr [marketing=email sms] - Which marketing consent boxes to offer: `email sms` (default), `email`, `sms` or `none`. Always unticked.
 * @attr [consent-version=retainkit-1-<language>] - The version of the consent text, sent with the consent flags as proof; default `retainkit-1-<language>`.
 * @attr [snooze=30d] - After "no thanks", how long this device is not asked again, e.g. `30d` (default), `12h`, `0`.
 * @attr [variant=inline] - `inline` (default: a card in the page, its space reserved) or `slide-in` (non-modal, fixed at the corner).
 * @attr login-url - For `has-account`: where the shopper logs in to link the order (required then).
 * @attr lang - The language (en, ru, uk, hu), else the page's.
 * @attr {'light' | 'dark' | 'auto'} [scheme=auto] - `light`, `dark` or `auto` (default): dark looks only where the page is dark (its `color-scheme`).
 * @attr instance - Names this prompt in counters and events.
 *
 * @fires retain-account-shown - The prompt was shown for this order (once per order on this device).
 * @fires retain-account-request - The shopper asked for an account. Cancelable; `respondWith(promise)` to answer it yourself. `email` and `password` in its detail are never forwarded.
 * @fires retain-account-created - The store answered 2xx (json) or the `respondWith` promise fulfilled.
 * @fires retain-account-dismissed - The shopper said "no thanks".
 *
 * @csspart base - The card (inline) or panel (slide-in).
 * @csspart title - The heading.
 * @csspart form - The sign-up form.
 * @csspart submit - The "Create account" / "Log in" action.
 * @csspart dismiss - The "No thanks" / "Close" button.
 *
 * @cssproperty --retain-account-prompt-accent - Button and tick colour (default `--retain-accent`, else #1d4ed8).
 * @cssproperty --retain-account-prompt-on-accent - Text on the button (default white).
 * @cssproperty --retain-account-prompt-background - Card background (default a tint of the text colour; slide-in: Canvas).
 * @cssproperty --retain-account-prompt-color - Slide-in text colour (default CanvasText).
 * @cssproperty --retain-account-prompt-error - Error text colour.
 * @cssproperty --retain-account-prompt-radius - Corner radius (default `--retain-radius`, else 0.75em).
 * @cssproperty --retain-account-prompt-max-width - Inline card width limit (default 34em).
 * @cssproperty --retain-account-prompt-padding - Card padding (default 1.25em).
 * @cssproperty --retain-account-prompt-shadow - Slide-in shadow.
 * @cssproperty --retain-account-prompt-duration - Slide-in entrance (default 250ms; none under reduced motion).
 * @cssproperty --retain-account-prompt-z-index - Slide-in stacking (default 2147483000).
 * @cssproperty --retain-account-prompt-field-background - Text field background (default transparent).
 */
export class RetainAccountPrompt extends RetainElement implements AccountPromptHost {
  static override widget = 'account-prompt';
  static override styles = [...cardStyles('account-prompt'), styles, hostReset];
  @property({ attribute: 'order-id' }) orderId = '';
  @property() total = '';
  @property() currency = '';
  @property() email = '';
  @property() status = '';
  @property() incentive = '';
  @property({ attribute: 'incentive-points' }) incentivePoints = '';
  @property() action = '';
  @property() mode = '';
  @property() target = '';
  /** The `password` attribute: whether the form asks for a password (`required`, `optional`, `none`). */
  @property({ attribute: 'password' }) passwordField = '';
  @property() marketing = '';
  @property({ attribute: 'consent-version' }) consentVersion = '';
  @property() snooze = '';
  @property() variant = '';
  @property({ attribute: 'login-url' }) loginUrl = '';

  // State that account-prompt.actions.ts renders from: public, so a property without an attribute rather than a private @state.
  /** @internal `pending` while deciding, `invite` when shown, then `sending`, `error` or a closing note. */
  @property({ attribute: false }) phase: Phase = 'pending';
  /** @internal Messages under the fields. */
  @property({ attribute: false }) errors: { email?: string; password?: string } = {};
  /** @internal A message from the store's answer (a JSON `message`, or a string the `respondWith` promise rejected with). */
  @property({ attribute: false }) failure = '';
  /** @internal The attributes, parsed. */
  cfg!: Config;

  /** Resolves once the prompt has decided to show (true, after `retain-account-shown`) or to stay hidden (false). */
  readonly decision: Promise<boolean>;
  private decide!: (shown: boolean) => void;
  private started = false;
  /** Removed before it claimed the showing: it decides when connected again. */
  private undecided = false;
  private readonly l = new LocalizeController<AccountTerm>(this, translations);
  /** What the shopper's actions run (account-prompt.actions.ts), once loaded. */
  private actions?: Actions;

  constructor() {
    super();
    this.decision = new Promise((resolve) => (this.decide = resolve));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.undecided) {
      this.undecided = false;
      void this.start();
    }
  }

  protected override willUpdate(): void {
    const status = parseEnum(this, 'status', this.status, ['guest', 'has-account', 'logged-in'] as const, 'guest');
    const action = parseUrl(this, 'action', this.action);
    let mode = parseEnum(this, 'mode', this.mode, ['form', 'json', 'event'] as const, action ? 'form' : 'event');
    if (mode !== 'event' && !action) {
      // A bad action has had its own warning; a missing one gets this.
      if (!this.action.trim()) warnBadValue(this, 'mode', this.mode, 'event', 'needs an action URL');
      mode = 'event';
    }
    let email = this.email.trim();
    // A domain in other letters (`bücher.de`) is checked in ASCII when the form is sent (asciiEmail): here its shape.
    if (email && !EMAIL_PATTERN.test(email.replace(/@.*/, (domain) => domain.replace(/[\u0080-\uffff]/g, 'x')))) {
      // The value itself is personal data: the warning does not repeat it.
      warnBadValue(this, 'email', '(hidden)', '', 'is not a valid email address');
      email = '';
    }
    const words = this.marketing.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const channels = words.filter((w): w is ConsentChannel => w === 'email' || w === 'sms');
    if (words.some((w) => w !== 'email' && w !== 'sms' && !(w === 'none' && words.length === 1))) {
      warnBadValue(this, 'marketing', this.marketing, channels.join(' ') || 'none', 'may only list email and sms, or be none');
    }
    const loginUrl = parseUrl(this, 'login-url', this.loginUrl);
    if (status === 'has-account' && !loginUrl && !this.loginUrl.trim()) {
      warnBadValue(this, 'login-url', this.loginUrl, 'none', 'is needed when status="has-account"; the prompt stays hidden');
    }
    // The order is read once, at the first render, which decides about it: a later one is not half taken.
    const orderId = this.started ? this.cfg.orderId : this.orderId.trim();
    if (this.orderId.trim() !== orderId) {
      const kept = orderId ? `order "${orderId}" is kept (a new order needs a new element)` : 'it stays hidden';
      warnInvalid(this, 'order-id', this.orderId, 'came after the first render', kept);
    }
    this.cfg = {
      orderId,
      total: parseNumber(this, 'total', this.total, NaN, { min: 0 }),
      currency: parseCurrency(this, 'currency', this.currency),
      email,
      status,
      points: parseNumber(this, 'incentive-points', this.incentivePoints, 0, { min: 0, integer: true }),
      action,
      mode,
      password: parseEnum(this, 'password', this.passwordField, ['required', 'optional', 'none'] as const, 'required'),
      channels: words.length ? channels : ['email', 'sms'],
      snoozeMs: parseDuration(this, 'snooze', this.snooze, 30 * 86_400_000, { min: 0 }),
      slideIn: parseEnum(this, 'variant', this.variant, ['inline', 'slide-in'] as const, 'inline') === 'slide-in',
      loginUrl,
    };
    if (Number.isNaN(this.cfg.total)) this.cfg.total = null;
    if (!this.started) {
      this.started = true;
      // Known at once (no order, logged in, nowhere to log in): no space is reserved at all.
      if (!this.cfg.orderId || status === 'logged-in' || (status === 'has-account' && !loginUrl)) this.close();
      // What the device remembers is read once the prompt's first frame is drawn.
      void this.drawn.then(() => this.start());
    }
  }

  /**
   * Records the order, then claims the showing for this order unless snoozed: one transaction for all
   * tabs. Without its storage code (offline) or storage, better not to show than to show twice.
   */
  private async start(): Promise<void> {
    const { orderId, total, currency, status } = this.cfg;
    if (!orderId) warn('<retain-account-prompt> needs an order-id; it stays hidden.', this);
    let show = false;
    try {
      const { recordOrder, claimFirstShowing } = await stored();
      if (orderId && total !== null) {
        recordOrder({ orderId, total, currency }).catch((error: unknown) =>
          warn('<retain-account-prompt> could not record the order', error),
        );
      }
      // Taken out of the page meanwhile (a framework rendering it again): it decides once it is back.
      if (!this.isConnected) return void (this.undecided = true);
      if (this.phase === 'pending') {
        show = await claimFirstShowing(SNOOZE_KEY, orderKey(orderId));
      }
    } catch (error) {
      warn('<retain-account-prompt> could not check whether it was shown before; it stays hidden.', error);
    }
    if (show) {
      this.phase = 'invite';
      await this.updateComplete;
      const detail = this.detail<AccountShownDetail>({
        orderId,
        status: status as 'guest' | 'has-account',
        variant: this.cfg.slideIn ? 'slide-in' : 'inline',
      });
      await this.countAndEmit('seen', new RetainAccountShownEvent(detail));
    } else this.close();
    this.decide(show);
  }

  /** @internal A text in the language shown. */
  t(key: AccountTerm, args?: Record<string, unknown>): string {
    return this.l.term(key, args);
  }

  protected override render(): TemplateResult | typeof nothing {
    const { phase, cfg } = this;
    if (phase === 'hidden') return nothing;
    let body: TemplateResult;
    const ended = phase === 'done' || phase === 'sent' || phase === 'dismissed';
    if (ended) {
      // Only the actions reach these phases, so their code is here.
      body = this.actions!.ending(this, phase);
    } else if (cfg.status === 'has-account') {
      body = html`
        <h2 id="title" part="title">${this.t('haveTitle')}</h2>
        <p>${this.t('have', { order: cfg.orderId })}</p>
        <div class="actions">
          <a class="primary" part="submit" href=${cfg.loginUrl!}>${this.t('login')}</a>
          ${this.noThanks()}
        </div>
      `;
    } else {
      body = this.renderForm();
    }
    return html`<section
      part="base"
      class="card ${phase === 'pending' ? 'pending' : ended ? 'ended' : ''} ${cfg.slideIn ? 'slide-in' : ''}"
      lang=${this.l.language}
      dir=${this.l.dir}
      aria-labelledby=${ended ? nothing : 'title'}
      @pointerover=${this.load}
      @focusin=${this.load}
    >
      ${body}
    </section>`;
  }

  private renderForm(): TemplateResult {
    const { cfg, errors, phase } = this;
    const busy = phase === 'sending';
    const reasons = [this.t('track', { order: cfg.orderId }), this.t('fast')];
    if (cfg.points) reasons.push(this.t('points', { n: cfg.points }));
    if (this.incentive.trim()) reasons.push(this.incentive.trim());
    const field = (name: 'email' | 'password', type: 'email' | 'password', autocomplete: 'email' | 'new-password', value?: string) => html`
      <div class="field">
        <label for=${name}> ${this.t(name)}${name === 'password' && cfg.password === 'optional' ? ` (${this.t('optional')})` : ''} </label>
        <input
          id=${name}
          name=${name}
          type=${type}
          autocomplete=${autocomplete}
          .value=${value ?? ''}
          ?required=${name === 'email' || cfg.password === 'required'}
          aria-invalid=${errors[name] ? 'true' : 'false'}
          aria-describedby="${name}-error ${name}-hint"
          @input=${() => errors[name] && (this.errors = { ...errors, [name]: undefined })}
        />
        <p class="error" id="${name}-error">${errors[name] ?? ''}</p>
        <p class="hint" id="${name}-hint">${name === 'password' && cfg.password === 'optional' ? this.t('pwHint') : ''}</p>
      </div>
    `;
    return html`
      <h2 id="title" part="title">${this.t('title')}</h2>
      <ul>
        ${reasons.map((reason) => html`<li>${reason}</li>`)}
      </ul>
      <form
        part="form"
        method="post"
        action=${cfg.action ?? nothing}
        target=${this.target.trim() || nothing}
        novalidate
        @submit=${this.onSubmit}
      >
        ${field('email', 'email', 'email', cfg.email)}
        ${cfg.password === 'none' ? html`<p>${this.t('link')}</p>` : field('password', 'password', 'new-password')}
        ${
          cfg.channels.length
            ? html`<fieldset>
                <legend>${this.t('news')}</legend>
                ${cfg.channels.map(
                  (channel) =>
                    html`<label class="check"
                      ><input
                        type="checkbox"
                        name="consent_${channel}"
                        value="yes"
                      />${this.t(channel === 'email' ? 'byEmail' : 'bySms')}</label
                    >`,
                )}
              </fieldset>`
            : nothing
        }
        <p role="status">${busy ? this.t('sending') : ''}</p>
        <p role="alert" class="error">${phase === 'error' ? `${this.t('failed')} ${this.failure}` : ''}</p>
        <div class="actions">
          <button class="primary" part="submit" aria-disabled=${busy ? 'true' : 'false'}>
            ${this.t(phase === 'error' ? 'retry' : 'create')}
          </button>
          ${this.noThanks()}
        </div>
      </form>
    `;
  }

  private noThanks(): TemplateResult {
    return html`<button type="button" class="secondary" part="dismiss" @click=${this.dismiss}>${this.t('no')}</button>`;
  }

  /** @internal The consent text's version, sent as proof with the consent flags. */
  textVersion(): string {
    return this.consentVersion.trim() || `retainkit-1-${this.l.language}`;
  }

  /** Loads the code of the shopper's actions; at the first sign of interest, so that it is there on submit. */
  private load(): Promise<Actions | undefined> {
    return actionsPart.get().then((actions) => (this.actions ??= actions));
  }

  /** Runs an action once its code is here; if it cannot load (offline, warned by the part), `fallback` says so. */
  private async run(action: (actions: Actions) => unknown, fallback: () => void): Promise<void> {
    const actions = await this.load();
    if (actions) await action(actions);
    else fallback();
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    void this.run(
      (actions) => actions.submit(this, form, EMAIL_PATTERN),
      () => (this.phase = 'error'),
    );
  }

  private dismiss(): void {
    void this.run(
      (actions) => actions.dismiss(this, SNOOZE_KEY),
      () => this.close(),
    );
  }

  /** @internal Hides the prompt, taking no space. */
  close(): void {
    this.phase = 'hidden';
    this.hidden = true;
  }

  /** @internal Counts, then emits (for the actions). */
  tell(name: CounterName, event: RetainEvent): Promise<boolean> {
    return this.countAndEmit(name, event);
  }
}

defineElement('retain-account-prompt', RetainAccountPrompt);

declare global {
  interface HTMLElementTagNameMap {
    'retain-account-prompt': RetainAccountPrompt;
  }
}
