/**
 * `<retain-spin-wheel>`: spin-to-win. The prizes are the store's (`<retain-slice>` children or JSON); this
 * file reads them and the wheel's state, draws the wheel and keeps the popup. What a spin needs loads
 * when the shopper reaches for the wheel (pointer over it, focus in it) or spins: `spin.ts` (the
 * outcome from `outcome.ts`, the landing angle from `rotation.ts`, one compositor animation per spin)
 * and `result.ts` (the result card: code, copy, apply, countdown), which also loads on its own when a
 * remembered result is to be shown. The triggers of a popup load only when it has some. The rules: one
 * spin per cooldown across reloads and tabs, the code shown again until it expires.
 */
import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { broadcast, onBroadcast } from '../core/broadcast.js';
import { parseDuration, parseEnum, parseUrl, warnInvalid } from '../core/config.js';
import type { CounterName } from '../core/counters.js';
import { defineElement } from '../core/define.js';
import { RetainElement } from '../core/element.js';
import { hostReset } from '../core/host-reset.js';
import type { RetainEvent } from '../core/events.js';
import { LocalizeController } from '../core/localize.js';
import { onceSeen, whenIdle } from '../core/near.js';
import { part } from '../core/parts.js';
import { stored } from '../core/stored.js';
import type { Win } from './outcome.js';
import type { WheelPopup } from './popup.js';
import type { WheelResult } from './result.js';
import { middle, mod, slicePath, wedgesOf, type Wedge } from './rotation.js';
import { readSlices, type Slice } from './slices.js';
import { RetainSpinShownEvent } from './spin-wheel.events.js';
import { styles } from './spin-wheel.styles.js';
import { translations } from './spin-wheel.translations.js';

// The widget's events, typed for whoever imports this module (their declarations on
// GlobalEventHandlersEventMap come with them): `import type { … } from 'retainkit/<widget>'`.
export type * from './spin-wheel.events.js';
export type * from './result.events.js';

const DAY = 86_400_000;
/** The longest spin, whatever `duration` or `--retain-spin-wheel-duration` say. */
export const MAX_DURATION = 5000;
/** Default slice colours, themable one by one as `--retain-spin-wheel-slice-1` … `-8`. */
const PALETTE = ['#c8324a', '#f2b33d', '#1f6f8b', '#8fc0a9', '#5b3f8c', '#f08a4b', '#2f5d50', '#e3c0d3'];
const TOPIC = 'spin-wheel';
/** A label on the right half reads outwards; on the left half it is turned half a turn to read left to right. */
const UPRIGHT = { '--_flip': '0deg', '--_end': 'flex-end', '--_side': 'right' };
const FLIPPED = { '--_flip': '180deg', '--_end': 'flex-start', '--_side': 'left' };

export type Phase = 'loading' | 'ready' | 'spinning' | 'won' | 'spun';

/** The wheels on this page, so that one that spins can tell its twins (same state: instance or campaign) at once. */
const wheels = new Set<RetainSpinWheel>();

/** @internal The triggers' code (core), loaded for a popup with a `trigger` and for the snooze. */
export const triggersCode = () => import('../core/triggers.js');

/** The wheel's parts (`core/parts.ts`): the popup's shell, the result card, and what a spin runs. */
const popupPart = part('retain-spin-wheel', 'popup', () => import('./popup.js'));
const resultPart = part('retain-spin-wheel', 'result card', () => import('./result.js'));
const spinPart = part('retain-spin-wheel', 'spin', () => import('./spin.js'));

/** Two texts in one place, the space of the longer kept: switching them moves nothing (no layout shift). */
export const swap = (first: string, second: string, showSecond: boolean) =>
  html`<span class="swap"><span ?hidden=${showSecond}>${first}</span><span ?hidden=${!showSecond}>${second}</span></span>`;

/**
 * @tag retain-spin-wheel
 * @summary A prize wheel: the shopper spins once per cooldown and wins one of the store's codes.
 *
 * @attr mode - `inline` (default: in the page, its space reserved) or `popup` (a modal dialog).
 * @attr trigger - Popup only: what opens it, e.g. `exit-intent delay:20s scroll:50% page-views:3 page-views-ever:5`. Default: none.
 * @attr launcher - Popup only: shows a small fixed button that opens it.
 * @attr snooze - Popup only: how long triggers stay quiet after the shopper closes it unspun. Default `1d`.
 * @attr cooldown - One spin per shopper per this long, across reloads and tabs. Default `30d`; `0` for no limit.
 * @attr code-ttl - How long a won code is valid and shown again (unless the store's answer says). Default `7d`.
 * @attr duration - Length of the spin, at most `5s`. Default `4s`. `--retain-spin-wheel-duration` overrides it.
 * @attr outcome-src - The store's URL that decides the outcome (POST, JSON); codes then come from its answer.
 * @attr outcome-timeout - How long to wait for `outcome-src`. Default `8s`.
 * @attr apply-url - A link template to apply the code, `{code}` replaced, e.g. `/discount/{code}`. https: or relative.
 * @attr require-email - Asks for an email before the spin (in `retain-spin-started`, and to `email-endpoint`; never stored).
 * @attr email-endpoint - With `require-email`: the store's URL (https: or relative) that receives the email and its marketing consent (POST, JSON) when the shopper spins.
 * @attr hide-odds - Hides the prizes and their odds under the wheel (still read to screen readers). Shown by default.
 * @attr show-odds - Kept for pages written before the odds were shown by default: no effect (`hide-odds` wins).
 * @attr wedges - `equal` (default: every slice the same size) or `weighted` (each slice sized by its odds).
 * @attr slices - The prizes as JSON, when there are no `<retain-slice>` children.
 * @attr campaign - Wheels of one campaign share one cooldown and one prize per shopper, across pages and tabs. Default: none (this wheel's own).
 * @attr instance - Names this wheel in state, counters and events (default: its `id`, else `default`).
 * @attr lang - Language (en, ru, uk, hu); default from the page.
 * @attr scheme - `light`, `dark` or `auto` (default): dark looks only where the page is dark (its `color-scheme`).
 *
 * @slot heading - Replaces the heading text.
 * @slot consent - Replaces the marketing-consent text of the email step.
 *
 * @fires retain-spin-shown - The wheel came into view, or the popup opened.
 * @fires retain-spin-started - The shopper spun; with `require-email`, carries the (personal) email.
 * @fires retain-spin-ended - The wheel stopped: prize, slice, type, code, expiresAt.
 * @fires retain-spin-code-copied - The shopper copied the code.
 * @fires retain-spin-code-applied - The shopper followed the apply link.
 * @fires retain-spin-dismissed - The shopper closed the popup.
 *
 * @csspart base - The wrapper.
 * @csspart heading - The heading.
 * @csspart stage - The square holding the wheel, pointer and result.
 * @csspart wheel - The turning wheel.
 * @csspart pointer - The fixed pointer at the top.
 * @csspart label - A slice's label.
 * @csspart spin-button - The spin (and skip) button.
 * @csspart email - The email field.
 * @csspart result - The card with the outcome.
 * @csspart code - The won code.
 * @csspart copy-button - The copy button.
 * @csspart apply-link - The apply link.
 * @csspart expiry - The countdown to the code's expiry.
 * @csspart prizes - The list of prizes with their odds (visually hidden with `hide-odds`).
 * @csspart dialog - The popup's `<dialog>`.
 * @csspart close-button - The popup's close button.
 * @csspart launcher - The popup's launcher button.
 *
 * @cssproperty --retain-spin-wheel-size - Largest width of the wheel. Default `24rem`.
 * @cssproperty --retain-spin-wheel-duration - Spin duration (overrides `duration`), at most 5s.
 * @cssproperty --retain-spin-wheel-accent - Buttons and hub. Default `--retain-accent`, else a deep orange.
 * @cssproperty --retain-spin-wheel-on-accent - Text on the accent. Default `--retain-on-accent`, else white.
 * @cssproperty --retain-spin-wheel-surface - Background of the result card and popup.
 * @cssproperty --retain-spin-wheel-text - Text colour on that surface.
 * @cssproperty --retain-spin-wheel-pointer - The pointer's colour.
 * @cssproperty --retain-spin-wheel-rim - The rim's colour.
 * @cssproperty --retain-spin-wheel-slice-1 - Colours of slices without a `color`, cycling through 1 … 8.
 */
export class RetainSpinWheel extends RetainElement {
  static override widget = 'spin-wheel';
  static override styles = [styles, hostReset];

  @property({ reflect: true }) mode: string | null = null;
  @property() trigger: string | null = null;
  @property({ type: Boolean }) launcher = false;
  @property() snooze: string | null = null;
  @property() cooldown: string | null = null;
  @property({ attribute: 'code-ttl' }) codeTtl: string | null = null;
  @property() duration: string | null = null;
  @property({ attribute: 'outcome-src' }) outcomeSrc: string | null = null;
  @property({ attribute: 'outcome-timeout' }) outcomeTimeout: string | null = null;
  @property({ attribute: 'apply-url' }) applyUrl: string | null = null;
  @property({ type: Boolean, attribute: 'require-email' }) requireEmail = false;
  @property({ attribute: 'email-endpoint' }) emailEndpoint: string | null = null;
  @property({ type: Boolean, attribute: 'hide-odds' }) hideOdds = false;
  @property({ type: Boolean, attribute: 'show-odds' }) showOdds = false;
  @property() wedges: string | null = null;
  @property() campaign: string | null = null;
  @property() slices: string | null = null;

  // Read and written by `spin.ts` and `result.ts` too (@internal: not the wheel's public surface).
  /** @internal */
  @state() phase: Phase = 'loading';
  /** @internal */
  @state() prizes: Slice[] = [];
  /** @internal */
  @state() win: Win | undefined;
  /** @internal */
  @state() cooldownEnd: number | null = null;
  /** @internal */
  @state() failed = false;
  /** @internal */
  @state() copied: boolean | null = null;
  /** @internal */
  @state() said = '';
  /** @internal */
  @state() rotation = 0;
  /** @internal Where each slice sits on the wheel (`rotation.ts`). */
  layout: Wedge[] = [];
  /** @internal */
  @state() fade = false;
  /** @internal */
  @state() now = Date.now();
  /** @internal */
  readonly l = new LocalizeController(this, translations);
  /** @internal The result card's code and texts, once loaded. */
  view: WheelResult | undefined;
  /** @internal */
  cooldownMs = 30 * DAY;
  /** @internal */
  ttlMs = 7 * DAY;
  /** @internal */
  durationMs = 4000;
  /** @internal */
  timeoutMs = 8000;
  /** @internal The outcome endpoint, checked. */
  src: string | null = null;
  /** @internal The apply link template, checked. */
  apply: string | null = null;
  /** @internal Where the shopper's email goes when they spin (`email-endpoint` with `require-email`), checked. */
  emailTo: string | null = null;
  /** @internal The landing animation, while it runs (skip finishes it). */
  animation: Animation | undefined;
  /** @internal A result of this tab's spin is shown even without a code. */
  spunHere = false;

  /** @internal */
  snoozeMs = DAY;

  private popup = false;
  /** The popup's code, once loaded (popup mode). */
  private shell: WheelPopup | undefined;
  private cleanups: (() => void)[] = [];
  private stopTriggers: (() => void) | undefined;
  private ticker: ReturnType<typeof setInterval> | undefined;
  /** The read of the wheel's state, which starts once its first render is drawn. */
  private refreshing: Promise<void> = this.drawn.then(() => this.read());

  /**
   * @internal State keys of this wheel: `<key>/won`; cooldown keys `<key>/spin` and `<key>/snooze`. Its
   * campaign's when it has one (shared by every wheel of the campaign), else its instance's.
   */
  get key(): string {
    const campaign = this.campaign?.trim();
    return campaign ? `spin-wheel-campaign/${campaign}` : `spin-wheel/${this.instanceName}`;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** Opens the popup (popup mode only). */
  show(trigger = 'api'): void {
    this.shell?.show(trigger);
  }

  /** Closes the popup without counting it as the shopper's dismissal. */
  hide(): void {
    this.shell?.hide();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    wheels.add(this);
    const observer = new MutationObserver(() => this.readPrizes());
    observer.observe(this, { childList: true, subtree: true, attributes: true, characterData: true });
    this.cleanups = [() => observer.disconnect(), onBroadcast(TOPIC, (message) => message.key === this.key && void this.refresh())];
    this.readPrizes();
    if (this.hasUpdated) {
      this.watch();
      void this.refresh();
    }
    // A wheel on screen is likely to be spun: what a spin runs is made ready once the page is idle.
    void this.drawn.then(whenIdle).then(() => {
      if (this.isConnected && !this.popup) this.warm();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    wheels.delete(this);
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.stopTriggers?.();
    this.stopTriggers = undefined;
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mode')) {
      this.popup = parseEnum(this, 'mode', this.mode, ['inline', 'popup'], 'inline') === 'popup';
      if (this.popup && !this.shell) void this.loadPopup();
    }
    if (changed.has('cooldown')) this.cooldownMs = parseDuration(this, 'cooldown', this.cooldown, 30 * DAY);
    if (changed.has('snooze')) this.snoozeMs = parseDuration(this, 'snooze', this.snooze, DAY);
    if (changed.has('codeTtl')) this.ttlMs = parseDuration(this, 'code-ttl', this.codeTtl, 7 * DAY, { min: 60_000 });
    if (changed.has('duration')) this.durationMs = parseDuration(this, 'duration', this.duration, 4000, { max: MAX_DURATION });
    if (changed.has('outcomeTimeout'))
      this.timeoutMs = parseDuration(this, 'outcome-timeout', this.outcomeTimeout, 8000, { min: 500, max: 60_000 });
    if (changed.has('applyUrl')) {
      // Checked with a stand-in code, so that a `javascript:` template is refused before anyone wins.
      this.apply = this.applyUrl && parseUrl(this, 'apply-url', this.applyUrl.replaceAll('{code}', 'CODE')) ? this.applyUrl : null;
    }
    if (changed.has('emailEndpoint') || changed.has('requireEmail')) {
      this.emailTo = parseUrl(this, 'email-endpoint', this.emailEndpoint);
      if (this.emailTo && !this.requireEmail) {
        warnInvalid(this, 'email-endpoint', this.emailEndpoint, 'has no effect without require-email', 'no email is asked for or sent');
        this.emailTo = null;
      }
    }
    if (changed.has('outcomeSrc')) {
      this.src = parseUrl(this, 'outcome-src', this.outcomeSrc);
      if (changed.get('outcomeSrc') !== undefined) this.readPrizes();
    }
    if (changed.has('slices') && changed.get('slices') !== undefined) this.readPrizes();
    if (changed.has('prizes') || changed.has('wedges')) {
      const sized = parseEnum(this, 'wedges', this.wedges, ['equal', 'weighted'], 'equal') === 'weighted';
      const weights = this.prizes.map((slice) => slice.weight);
      this.layout = wedgesOf(weights, sized);
      // At rest, the first slice sits under the pointer rather than a border.
      if (this.phase === 'loading' && this.prizes.length) this.rotation = mod(-middle(this.layout[0]), 360);
    }
    // Another instance or campaign is another state to read (not on the first update: `drawn` reads it).
    const renamed = (name: 'instance' | 'campaign') => changed.has(name) && changed.get(name) !== undefined;
    if (renamed('instance') || renamed('campaign')) void this.refresh();
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.paint();
    if (changed.has('mode') || (this.popup && changed.has('trigger'))) this.watch();
    const ticking = this.phase === 'won' && this.win?.expiresAt != null;
    if (ticking && !this.ticker) this.ticker = setInterval(() => this.tick(), 1000);
    if (!ticking && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }

  /** Popup: the triggers that open it. Inline: `retain-spin-shown` once, when half of it is first on screen. */
  private watch(): void {
    this.stopTriggers?.();
    this.stopTriggers = undefined;
    if (this.popup) {
      this.stopTriggers = this.shell?.watch();
      return;
    }
    this.stopTriggers = onceSeen(this, () => {
      if (this.prizes.length) this.tell(new RetainSpinShownEvent(this.detail({ mode: 'inline', trigger: null })), 'seen');
    });
  }

  private readPrizes(): void {
    this.prizes = readSlices(this, this.outcomeSrc != null && parseUrl(this, 'outcome-src', this.outcomeSrc) !== null);
  }

  /** The popup's code: the wheel shows nothing in popup mode until it is loaded. */
  private async loadPopup(): Promise<void> {
    const code = await popupPart.get();
    if (!code) return;
    this.shell ??= new code.WheelPopup(this);
    this.requestUpdate();
    if (this.popup && this.isConnected) this.watch();
  }

  /** Resolves once the wheel's state (its cooldown, a remembered win) has been read, after its first render. */
  get loaded(): Promise<void> {
    return this.refreshing;
  }

  /** @internal Reads the cooldown and the remembered win (after a reload, or when another tab spun). */
  refresh(): Promise<void> {
    return (this.refreshing = this.read());
  }

  private async read(): Promise<void> {
    if (this.phase === 'spinning') return;
    let ends: number | null = null;
    let win: Win | undefined;
    try {
      const { cooldownEnds, storage } = await stored();
      [ends, win] = await Promise.all([
        cooldownEnds(`${this.key}/spin`),
        storage().get('state', `${this.key}/won`) as Promise<Win | undefined>,
      ]);
    } catch (error) {
      this.warn('read its state; the wheel is ready', error);
    }
    const now = Date.now();
    // A code is shown again until it expires; a "no prize" result only in the tab that spun it.
    const keep = this.spunHere && this.win?.type === 'none' && this.win.wonAt === win?.wonAt;
    win = win?.code && win.expiresAt && win.expiresAt > now ? win : keep ? this.win : undefined;
    // A result is shown by the result card's code: loaded first, so that the card comes with it.
    if (win || ends) await this.result().catch((error: unknown) => this.warn('load its result card', error));
    if ((this.phase as Phase) === 'spinning') return;
    this.now = now;
    this.cooldownEnd = ends;
    this.win = win;
    const shown = win ? this.sliceShowing(win) : -1;
    if (shown >= 0) this.rotation = mod(-middle(this.layout[shown]), 360);
    this.phase = win ? 'won' : ends ? 'spun' : 'ready';
  }

  /**
   * The slice that shows `win` under the pointer: the one won, else (won on another wheel of the campaign,
   * with other slices) one of the same prize; -1 when this wheel has none.
   */
  private sliceShowing(win: Win): number {
    const same = (slice: Slice | undefined) => slice?.label === win.label && slice.type === win.type;
    return same(this.prizes[win.slice]) ? win.slice : this.prizes.findIndex(same);
  }

  /** @internal The result card's code (`result.ts`), loaded once per wheel. */
  async result(): Promise<WheelResult> {
    const code = await resultPart.get();
    if (!code) throw new Error('the result card did not load');
    return (this.view ??= new code.WheelResult(this));
  }

  /** @internal Says what the wheel could not do, naming it. */
  warn(what: string, error: unknown): void {
    console.warn(`<${this.localName}> could not ${what}`, error);
  }

  /** @internal Tells this wheel's twins (same state: instance or campaign) that it changed, in the other tabs and on this page. */
  announce(): void {
    broadcast({ topic: TOPIC, key: this.key });
    for (const wheel of wheels) if (wheel !== this && wheel.key === this.key) void wheel.refresh();
  }

  /** @internal Counts (if `counter` is given), then emits; with `countAfter`, emits first (a link leaving the page). */
  tell(event: RetainEvent, counter?: CounterName, countAfter = false): void {
    if (!counter) this.emit(event);
    else if (countAfter) {
      this.emit(event);
      void this.count(counter);
    } else void this.countAndEmit(counter, event);
  }

  private tick(): void {
    this.now = Date.now();
    if (this.win?.expiresAt && this.now >= this.win.expiresAt) void this.refresh();
  }

  private get canSpin(): boolean {
    return this.prizes.length > 1 && this.phase !== 'spinning' && this.phase !== 'loading' && !this.cooldownEnd;
  }

  /**
   * Drawn ready to spin while the state is still being read (after the first frame): most shoppers have
   * not spun, so the usual first render is the final one. A spin asked for meanwhile waits for the read.
   */
  private get looksReady(): boolean {
    return this.canSpin || (this.phase === 'loading' && this.prizes.length > 1 && !this.cooldownEnd);
  }

  /** Loads what a spin needs (its code and the result card's) before the shopper spins: at idle, pointer over the wheel, focus in it. */
  private warm(): void {
    if (!this.looksReady) return;
    void spinPart.get();
    void resultPart.get();
  }

  private skip(): void {
    this.animation?.finish();
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    void this.spin(this.requireEmail ? { email: String(data.get('email')).trim(), marketingConsent: data.has('consent') } : {});
    form.reset();
  }

  private async spin(personal: { email?: string; marketingConsent?: boolean }): Promise<void> {
    if (this.phase === 'loading') await this.refreshing;
    if (!this.canSpin) return;
    this.phase = 'spinning';
    this.failed = false;
    this.copied = null;
    this.fade = false;
    this.win = undefined;
    try {
      const code = await spinPart.get();
      if (!code) throw new Error('the spin did not load');
      await code.spin(this, personal);
    } catch (error) {
      // The spin's code did not load (offline): the spin was not taken.
      this.warn('spin; the shopper keeps the spin', error);
      this.phase = 'loading';
      await this.refresh();
      this.said = this.l.term('error');
    }
  }

  /** @internal After a state change that hid the focused control: the next useful one. */
  async focusNext(): Promise<void> {
    await this.refreshing;
    await this.updateComplete;
    const root = this.renderRoot;
    const [first, second] =
      this.phase === 'won' || this.phase === 'spun' ? ['[part~=copy-button]', '.card'] : ['[part~=email]', '[part~=spin-button]'];
    if (this.popup && !this.dialog?.open) return;
    (root.querySelector<HTMLElement>(first) ?? root.querySelector<HTMLElement>(second))?.focus();
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.prizes.length) return nothing;
    const l = this.l;
    return html`<div part="base" class="base" lang=${l.locale} dir=${l.dir} @pointerover=${this.warm} @focusin=${this.warm}>
      ${this.popup ? (this.shell?.render(() => this.renderBody()) ?? nothing) : this.renderBody()}
    </div>`;
  }

  private renderBody(): TemplateResult {
    const l = this.l;
    const total = this.prizes.reduce((sum, slice) => sum + slice.weight, 0);
    const spinning = this.phase === 'spinning';
    const shown = this.phase === 'won' || this.phase === 'spun' || this.failed;
    return html`<h2 id="heading" part="heading"><slot name="heading">${l.term('title')}</slot></h2>
      <div class="stage" part="stage">
        <div class="disc">
          <div class="wheel ${this.fade ? 'fade' : ''}" part="wheel" aria-hidden="true">
            <svg viewBox="-100 -100 200 200">
              ${this.prizes.map((_, i) => svg`<path d=${slicePath(i, this.layout, 97)} />`)}
              <circle r="97" class="rim" />
            </svg>
            ${this.prizes.map((slice) => html`<div class="label" part="label"><span dir="auto">${slice.label}</span></div>`)}
          </div>
        </div>
        <svg class="pointer" part="pointer" viewBox="0 0 24 30" aria-hidden="true"><path d="M2 2h20L12 28z" /></svg>
        <div class="hub" aria-hidden="true"></div>
        ${shown ? (this.view?.card() ?? nothing) : nothing}
      </div>
      <form class="actions" @submit=${this.onSubmit} ?inert=${!this.looksReady && !spinning} ?hidden=${!this.looksReady && !spinning}>
        ${
          this.requireEmail
            ? html`<div class="email" ?inert=${spinning}>
                <label>${l.term('email')} <input part="email" type="email" name="email" required autocomplete="email" /></label>
                <label class="consent"><input type="checkbox" name="consent" /> <slot name="consent">${l.term('consent')}</slot></label>
              </div>`
            : nothing
        }
        <button part="spin-button" class="button" type=${spinning ? 'button' : 'submit'} @click=${spinning ? this.skip : undefined}>
          ${swap(l.term('spin'), l.term('skip'), spinning)}
        </button>
      </form>
      <ul part="prizes" class="prizes ${this.hideOdds ? 'sr' : ''}" aria-label=${l.term('prizes')}>
        ${this.prizes.map(
          (slice) =>
            html`<li>
              <span dir="auto">${slice.label}</span>
              <span class="odds">${l.term('odds', { p: l.number(slice.weight / total, { style: 'percent', maximumFractionDigits: 1 }) })}</span>
            </li>`,
        )}
      </ul>
      <p class="sr" role="status">${this.said}</p>`;
  }

  /**
   * The wheel's angle, the slices' colours and the labels' geometry, set through the CSSOM: a strict
   * Content-Security-Policy (`style-src 'self'`) refuses `style="…"` attributes, not this. Runs after
   * every render, before the browser draws it; writes only what changed.
   */
  private paint(): void {
    const root = this.renderRoot;
    const wheel = root.querySelector<HTMLElement>('.wheel');
    if (!wheel) return;
    setStyle(wheel, { transform: `rotate(${this.rotation}deg)` });
    const paths = wheel.querySelectorAll<SVGPathElement>('svg path');
    const labels = wheel.querySelectorAll<HTMLElement>('.label');
    this.prizes.forEach((slice, i) => {
      const color = this.colorOf(slice, i);
      setStyle(paths[i], { fill: color });
      setStyle(labels[i], { ...this.labelGeometry(slice, i), '--_c': color });
    });
  }

  /** A label along the middle of its wedge, as tall as the wedge allows and in type that fits it (in % of the wheel's width). */
  private labelGeometry(slice: Slice, i: number): Record<string, string> {
    const wedge = this.layout[i];
    const angle = middle(wedge);
    // Along the radius, as tall as the wedge is wide at mid-radius.
    const height = Math.min(24, 2 * 30 * Math.sin((Math.min(wedge.end - wedge.start, 180) * Math.PI) / 360) * 0.9);
    // Smaller type for a long word, so that it fits the label's width (31% of the wheel) unbroken.
    const longest = Math.max(...slice.label.split(' ').map((word) => word.length));
    const size = Math.max(3.4, Math.min(5.2, height / 2.9, 31 / (longest * 0.7)));
    return {
      '--_a': `${angle - 90}deg`,
      ...(angle > 180 ? FLIPPED : UPRIGHT),
      '--_h': `${height}cqi`,
      '--_fs': `${size}cqi`,
      '--_lines': String(Math.max(1, Math.floor(height / (size * 1.15)))),
    };
  }

  private colorOf(slice: Slice, i: number): string {
    const n = this.prizes.length;
    // Cycle the palette, never giving the last slice the first one's colour.
    const k = i === n - 1 && i % PALETTE.length === 0 && i ? 3 : i % PALETTE.length;
    return slice.color ?? `var(--retain-spin-wheel-slice-${k + 1},${PALETTE[k]})`;
  }
}

/** What `setStyle` last set on each element, so that a re-render that moves nothing restyles nothing. */
const styled = new WeakMap<Element, Record<string, string>>();

/** Sets CSS properties on `element` through the CSSOM, each only when it changed. */
function setStyle(element: HTMLElement | SVGElement | undefined, props: Record<string, string>): void {
  if (!element) return;
  const last = styled.get(element) ?? {};
  for (const [name, value] of Object.entries(props)) if (last[name] !== value) element.style.setProperty(name, value);
  styled.set(element, props);
}

defineElement('retain-spin-wheel', RetainSpinWheel);

declare global {
  interface HTMLElementTagNameMap {
    'retain-spin-wheel': RetainSpinWheel;
  }
}
