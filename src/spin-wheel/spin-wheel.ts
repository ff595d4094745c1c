/**
 * `<retain-spin-wheel>`: spin-to-win. The prizes are the store's (`<retain-slice>` children or JSON); this
 * file reads them and the wheel's state (one `WheelState`, `state.ts`), draws the wheel and keeps the
 * popup. Its parts are functions over that state, loaded through `core/parts.ts`: what a spin needs
 * loads when the shopper reaches for the wheel (pointer over it, focus in it) or spins: `spin.ts` (the
 * spin taken in one transaction by `take.ts`, the outcome from `outcome.ts`, the landing angle from
 * `rotation.ts`, one compositor animation per spin) and `result.ts` (the result card: code, copy, apply,
 * countdown), which also loads on its own when a remembered result is to be shown; `popup.ts` in popup
 * mode. The parts set nothing here: the wheel hands them its state and callbacks and keeps what they
 * return. The rules: one spin per cooldown across reloads and tabs, the code shown again until it expires.
 */
import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from '../core/decorators.js';
import { broadcast, onBroadcast } from '../core/broadcast.js';
import { parseDuration, parseEnum, parseUrl, warn, warnInvalid } from '../core/config.js';
import { defineElement } from '../core/define.js';
import { RetainElement, yesOrNo } from '../core/element.js';
import { hostReset } from '../core/host-reset.js';
import { LocalizeController } from '../core/localize.js';
import { watchSeen, whenIdle } from '../core/near.js';
import { layOutLater, outOfView } from '../core/pacing.js';
import { adoptPartStyles, part } from '../core/parts.js';
import { stored } from '../core/stored.js';
import { nextTask } from '../core/tasks.js';
import type { Win } from './outcome.js';
import type { CardView, ResultTexts } from './result.js';
import { middle, mod, slicePath, wedgesOf, type Wedge } from './rotation.js';
import { readSlices, type Slice } from './slices.js';
import { RetainSpinShownEvent } from './spin-wheel.events.js';
import { styles } from './spin-wheel.styles.js';
import { translations } from './spin-wheel.translations.js';
import type { PopupState, Settings, WheelCallbacks, WheelState } from './state.js';
import { MAX_DURATION } from './state.js';
import { swap } from './swap.js';

// The widget's events, typed for whoever imports this module (their declarations on
// GlobalEventHandlersEventMap come with them): `import type { … } from 'retainkit/<widget>'`.
export type * from './spin-wheel.events.js';
export type * from './result.events.js';
export type { RetainSpinDismissedEvent } from './popup.js';

const DAY = 86_400_000;
/** Default slice colours, themable one by one as `--retain-spin-wheel-slice-1` … `-8`. */
const PALETTE = ['#c8324a', '#f2b33d', '#1f6f8b', '#8fc0a9', '#5b3f8c', '#f08a4b', '#2f5d50', '#e3c0d3'];
const TOPIC = 'spin-wheel';
/** A label on the right half reads outwards; on the left half it is turned half a turn to read left to right. */
const UPRIGHT = { '--_flip': '0deg', '--_end': 'flex-end', '--_side': 'right' };
const FLIPPED = { '--_flip': '180deg', '--_end': 'flex-start', '--_side': 'left' };

/** The wheels on this page, so that one that spins can tell its twins (same state: instance or campaign) at once. */
const wheels = new Set<RetainSpinWheel>();

/** The wheel's parts (`core/parts.ts`): the popup's shell, the result card, and what a spin runs. */
const popupPart = part('retain-spin-wheel', 'popup', () => import('./popup.js'));
const resultPart = part('retain-spin-wheel', 'result card', () => import('./result.js'));
const spinPart = part('retain-spin-wheel', 'spin', () => import('./spin.js'));

/**
 * @tag retain-spin-wheel
 * @summary A prize wheel: the shopper spins once per cooldown and wins one of the store's codes.
 *
 * @attr [mode=inline] - `inline` (default: in the page, its space reserved) or `popup` (a modal dialog).
 * @attr trigger - Popup only: what opens it, e.g. `exit-intent delay:20s scroll:50% page-views:3 page-views-ever:5`. Default: none.
 * @attr launcher - Popup only: shows a small fixed button that opens it.
 * @attr [snooze=1d] - Popup only: how long triggers stay quiet after the shopper closes it unspun. Default `1d`.
 * @attr [cooldown=30d] - One spin per shopper per this long, across reloads and tabs. Default `30d`; `0` for no limit.
 * @attr [code-ttl=7d] - How long a won code is valid and shown again (unless the store's answer says). Default `7d`.
 * @attr [duration=4s] - Length of the spin, at most `5s`. Default `4s`. `--retain-spin-wheel-duration` overrides it.
 * @attr outcome-src - The store's URL that decides the outcome (POST, JSON); codes then come from its answer.
 * @attr [outcome-timeout=8s] - How long to wait for `outcome-src`. Default `8s`.
 * @attr apply-url - A link template to apply the code, `{code}` replaced, e.g. `/discount/{code}`. https: or relative.
 * @attr require-email - Asks for an email before the spin (in `retain-spin-started`, and to `email-endpoint`; never stored).
 * @attr email-endpoint - With `require-email`: the store's URL (https: or relative) that receives the email and its marketing consent (POST, JSON) when the shopper spins.
 * @attr hide-odds - Hides the prizes and their odds under the wheel (still read to screen readers). Shown by default.
 * @attr show-odds - Kept for pages written before the odds were shown by default: no effect (`hide-odds` wins).
 * @attr [wedges=equal] - `equal` (default: every slice the same size) or `weighted` (each slice sized by its odds).
 * @attr slices - The prizes as JSON, when there are no `<retain-slice>` children.
 * @attr campaign - Wheels of one campaign share one cooldown and one prize per shopper, across pages and tabs. Default: none (this wheel's own).
 * @attr instance - Names this wheel in state, counters and events (default: its `id`, else `default`).
 * @attr lang - Language (en, ru, uk, hu); default from the page.
 * @attr {'light' | 'dark' | 'auto'} [scheme=auto] - `light`, `dark` or `auto` (default): dark looks only where the page is dark (its `color-scheme`).
 *
 * @slot heading - Replaces the heading text.
 * @slot consent - Replaces the marketing-consent text of the email step.
 *
 * @fires retain-spin-shown - The wheel came into view, or the popup opened. Counted as `seen`.
 * @fires retain-spin-started - The shopper spun; with `require-email`, carries the (personal) email. Counted as
 *   `interacted`.
 * @fires retain-spin-ended - The wheel stopped: prize, slice, type, code, expiresAt. Counted as `spun`.
 * @fires retain-spin-code-copied - The shopper copied the code. Counted as `copied`.
 * @fires retain-spin-code-applied - The shopper followed the apply link. Counted as `converted`.
 * @fires retain-spin-dismissed - The shopper closed the popup (button, Escape, outside click). Counted as `dismissed`.
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
  @property({ type: Boolean, converter: yesOrNo }) launcher = false;
  @property() snooze: string | null = null;
  @property() cooldown: string | null = null;
  @property({ attribute: 'code-ttl' }) codeTtl: string | null = null;
  @property() duration: string | null = null;
  @property({ attribute: 'outcome-src' }) outcomeSrc: string | null = null;
  @property({ attribute: 'outcome-timeout' }) outcomeTimeout: string | null = null;
  @property({ attribute: 'apply-url' }) applyUrl: string | null = null;
  @property({ type: Boolean, converter: yesOrNo, attribute: 'require-email' }) requireEmail = false;
  @property({ attribute: 'email-endpoint' }) emailEndpoint: string | null = null;
  @property({ type: Boolean, converter: yesOrNo, attribute: 'hide-odds' }) hideOdds = false;
  @property({ type: Boolean, converter: yesOrNo, attribute: 'show-odds' }) showOdds = false;
  @property() wedges: string | null = null;
  @property() campaign: string | null = null;
  @property() slices: string | null = null;

  /** What the wheel is doing: its one state (`state.ts`). */
  @state() private wheelState: WheelState = { phase: 'loading' };
  @state() private prizes: Slice[] = [];
  /**
   * Which prizes have their code pools used up on this device (read with the result card's code, `pools`):
   * drawn on the wheel as before, never landed on, listed as none left; all of them, and nothing can be won.
   */
  @state() private used: boolean[] = [];
  /** The wheel's angle at rest (a spin animates to it): drawn by `paint`, which `rests` calls itself; no render. */
  private rotation = 0;
  /** The result shown at once (reduced motion, or a landing that failed): faded in. */
  @state() private fade = false;
  /** The status line, read to screen readers. */
  @state() private said = '';
  /** The clock of the countdown. */
  @state() private now = Date.now();
  /** Popup mode: the popup's state (`popup.ts`). */
  @state() private pop: PopupState = { drawn: false, slices: false, back: null, byCode: false };
  /** Where each slice sits on the wheel (`rotation.ts`). */
  private layout: Wedge[] = [];
  private readonly l = new LocalizeController(this, translations);
  /** The texts of the spin and its result, once the result card's code is loaded. */
  private resultL: ResultTexts | undefined;
  /** The attributes a spin keeps to, checked: all set by the first `willUpdate` (every property is new then). */
  private readonly settings = {} as Settings;
  /** The landing animation, while it runs (skip finishes it). */
  private animation: Animation | undefined;
  /**
   * The slices and their labels, made when they or their wedges change (`willUpdate`): a render while the
   * wheel spins (or the countdown's, each second) leaves them as they are.
   */
  private disc: TemplateResult | undefined;
  /** The first slice's element and the layout `paint` last styled the slices of. */
  private painted: unknown[] = [];

  private popup = false;
  /**
   * An inline wheel's first render came out of view (drawn one screen ahead): its disc, slices and labels, is laid
   * out a frame after the rest (`layOutLater`). Scrolled to at 4× CPU, that one frame took 50–58 ms; split, the
   * first took 32–39.
   */
  private discLater = false;
  /** What a spin needs is loading (`warm`). */
  private warmed = false;
  /** What the parts (`spin.ts`, `result.ts`, `popup.ts`) may ask of the wheel: each sets its own state from what a part hands it. */
  private readonly on: WheelCallbacks = {
    show: (state, said = this.said, fade = this.fade) => {
      this.wheelState = state;
      this.said = said;
      this.fade = fade;
      this.now = Date.now();
    },
    state: () => this.wheelState,
    // Counts (if `counter` is given), then emits; with `countAfter`, emits first (a link leaving the page).
    tell: (event, counter, countAfter) => {
      // Shown once per page view: a wheel moved in the page is not watched again, nor a popup opened again by a trigger.
      if (counter === 'seen') {
        this.seenHere = true;
        this.stopWatching();
      }
      if (!counter || countAfter) this.emit(event);
      if (counter) void (countAfter ? this.count(counter) : this.countAndEmit(counter, event));
    },
    changed: () => this.announce(),
    rests: (angle) => {
      this.rotation = angle;
      this.paint();
    },
    turning: (animation) => (this.animation = animation),
    reread: () => ((this.wheelState = { phase: 'loading' }), this.refresh().then(() => this.wheelState)),
    loaded: () => this.loaded,
    popup: () => this.pop,
    keep: (pop) => (this.pop = pop),
    finish: () => this.animation?.finish(),
    snooze: () => [`${this.key}/snooze`, this.settings.snoozeMs],
  };
  private cleanups: (() => void)[] = [];
  private stopTriggers: (() => void) | undefined;
  /** What `readPrizes` last read (`prizesInputs`). */
  private prizesFrom = '';
  /** Shown on this page (counted "seen"): not watched again. */
  private seenHere = false;
  private ticker: ReturnType<typeof setInterval> | undefined;
  /** The read of the wheel's state, which starts once its first render is drawn. */
  private refreshing: Promise<void> = this.drawn.then(() => this.read());

  constructor() {
    super();
    // Inline: `retain-spin-shown` once per page view, when half of it is first on screen with its prizes (one on
    // screen before its slices came is seen when they come). A popup is shown by its triggers instead.
    watchSeen(
      this,
      () => !this.popup && this.prizes.length > 0 && !this.seenHere,
      () => this.on.tell(new RetainSpinShownEvent(this.detail({ mode: 'inline', trigger: null })), 'seen'),
    );
  }

  /**
   * State keys of this wheel: `<key>/won`; cooldown keys `<key>/spin` and `<key>/snooze`. Its campaign's
   * when it has one (shared by every wheel of the campaign), else its instance's.
   */
  private get key(): string {
    const campaign = this.campaign?.trim();
    return campaign ? `spin-wheel-campaign/${campaign}` : `spin-wheel/${this.instanceName}`;
  }

  /** Opens the popup (popup mode only). */
  show(trigger = 'api'): void {
    popupPart.now?.open(this, trigger, this.on);
  }

  /** Closes the popup without counting it as the shopper's dismissal. */
  hide(): void {
    popupPart.now?.hide(this, this.on);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    wheels.add(this);
    // Slices added, removed or changed; not the wheel's own attributes (its reflected `mode` and `scheme`
    // among them), which its properties follow: no second render for the same slices.
    const observer = new MutationObserver(
      (records) => records.some((record) => record.type !== 'attributes' || record.target !== this) && this.readPrizes(),
    );
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
    this.stopWatching();
    // An open popup taken out of the page leaves the top layer but stays open in some engines, no longer modal:
    // closed, as by code (not the shopper's dismissal).
    this.hide();
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  /**
   * A popup's first render is its launcher, which the popup's code draws: it waits for that code, rather
   * than render nothing and then render again once the code came.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const popupCode = !this.hasUpdated && this.mode?.trim().toLowerCase() === 'popup' && !popupPart.now && popupPart.get();
    return popupCode ? popupCode.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('mode')) {
      this.popup = parseEnum(this, 'mode', this.mode, ['inline', 'popup'], 'inline') === 'popup';
      // Made a popup after its first render (the first waited for the code in `scheduleUpdate`).
      if (this.popup && this.hasUpdated && !popupPart.now) void this.loadPopup();
    }
    // A first render has a task of its own (RetainElement): the page's layout is made by then.
    if (!this.hasUpdated) this.discLater = !this.popup && outOfView(this);
    const set = this.settings;
    if (changed.has('cooldown')) set.cooldownMs = parseDuration(this, 'cooldown', this.cooldown, 30 * DAY);
    if (changed.has('snooze')) set.snoozeMs = parseDuration(this, 'snooze', this.snooze, DAY);
    if (changed.has('codeTtl')) set.ttlMs = parseDuration(this, 'code-ttl', this.codeTtl, 7 * DAY, { min: 60_000 });
    if (changed.has('duration')) set.durationMs = parseDuration(this, 'duration', this.duration, 4000, { max: MAX_DURATION });
    if (changed.has('outcomeTimeout'))
      set.timeoutMs = parseDuration(this, 'outcome-timeout', this.outcomeTimeout, 8000, { min: 500, max: 60_000 });
    if (changed.has('applyUrl')) {
      // Checked with a stand-in code, so that a `javascript:` template is refused before anyone wins.
      set.apply = this.applyUrl && parseUrl(this, 'apply-url', this.applyUrl.replaceAll('{code}', 'CODE')) ? this.applyUrl : null;
    }
    if (changed.has('emailEndpoint') || changed.has('requireEmail')) {
      set.emailTo = parseUrl(this, 'email-endpoint', this.emailEndpoint);
      if (set.emailTo && !this.requireEmail) {
        warnInvalid(this, 'email-endpoint', this.emailEndpoint, 'has no effect without require-email', 'no email is asked for or sent');
        set.emailTo = null;
      }
    }
    if (changed.has('outcomeSrc')) set.src = parseUrl(this, 'outcome-src', this.outcomeSrc);
    // Read again when they differ from what the prizes were read from: also when a script set them after the
    // wheel was added and before its first render, which the connection's reading did not see.
    if ((changed.has('slices') || changed.has('outcomeSrc')) && this.prizesFrom !== this.prizesInputs()) this.readPrizes();
    if (changed.has('prizes') || changed.has('wedges')) {
      const sized = parseEnum(this, 'wedges', this.wedges, ['equal', 'weighted'], 'equal') === 'weighted';
      const weights = this.prizes.map((slice) => slice.weight);
      const layout = (this.layout = wedgesOf(weights, sized));
      this.disc = html`<svg viewBox="-100 -100 200 200">
          ${this.prizes.map((_, i) => svg`<path d=${slicePath(i, layout, 97)} />`)}
          <circle r="97" class="rim" />
        </svg>
        ${this.prizes.map((slice) => html`<div class="label" part="label"><span dir="auto">${slice.label}</span></div>`)}`;
      // At rest, the first slice sits under the pointer rather than a border.
      if (this.wheelState.phase === 'loading' && this.prizes.length) this.rotation = mod(-middle(this.layout[0]), 360);
    }
    // Another instance or campaign is another state to read (not on the first update: `drawn` reads it); so are
    // other prizes, where pools are or were: what is left to win.
    const renamed = (name: 'instance' | 'campaign') => changed.has(name) && changed.get(name) !== undefined;
    const repooled = changed.has('prizes') && this.hasUpdated && (this.used.length || this.pooled);
    if (repooled) this.used = [];
    if (renamed('instance') || renamed('campaign') || repooled) void this.refresh();
  }

  protected override updated(changed: PropertyValues): void {
    if (this.discLater) {
      this.discLater = false;
      layOutLater(this.renderRoot.querySelector('.wheel'));
    }
    this.paint();
    if (changed.has('mode') || changed.has('trigger')) this.watch();
    this.ticker = resultPart.now?.countdown(this.ticker, this.wheelState, () => this.tick());
    this.rehearse();
  }

  /** Popup: the triggers that open it, while connected, and until it was shown on this page. */
  private watch(): void {
    this.stopWatching();
    if (this.isConnected && this.popup && !this.seenHere) this.stopTriggers = popupPart.now?.watch(this, this.on);
  }

  private stopWatching(): void {
    this.stopTriggers?.();
    this.stopTriggers = undefined;
  }

  private readPrizes(): void {
    this.prizesFrom = this.prizesInputs();
    this.prizes = readSlices(this, this.outcomeSrc != null && parseUrl(this, 'outcome-src', this.outcomeSrc) !== null);
  }

  /** What the prizes are read from besides the children: the `slices` JSON, and whether the store hands out codes. */
  private prizesInputs(): string {
    return `${this.slices}\n${this.outcomeSrc}`;
  }

  /** The popup's code: the wheel shows nothing in popup mode until it is loaded. */
  private async loadPopup(): Promise<void> {
    if (!(await popupPart.get())) return;
    this.requestUpdate();
    if (this.popup && this.isConnected) this.watch();
  }

  /** Resolves once the wheel's state (its cooldown, a remembered win) has been read, after its first render. */
  get loaded(): Promise<void> {
    return this.refreshing;
  }

  /** Reads the cooldown and the remembered win (after a reload, or when another tab spun). */
  private refresh(): Promise<void> {
    return (this.refreshing = this.read());
  }

  private async read(): Promise<void> {
    if (this.wheelState.phase === 'spinning') return;
    let ends: number | null = null;
    let win: Win | undefined;
    let used: boolean[] = [];
    try {
      const { cooldownEnds, storage } = await stored();
      [ends, win, used] = await Promise.all([
        cooldownEnds(`${this.key}/spin`),
        storage().get('state', `${this.key}/won`) as Promise<Win | undefined>,
        this.pools(),
      ]);
    } catch (error) {
      this.warn('read its state; the wheel is ready', error);
    }
    const now = Date.now();
    const shown = this.wheelState.phase === 'won' ? this.wheelState.win : undefined;
    // A code is shown again until it expires; a "no prize" result only in the tab that spun it (the
    // only one that shows it).
    const keep = shown?.type === 'none' && shown.wonAt === win?.wonAt;
    win = win?.code && win.expiresAt && win.expiresAt > now ? win : keep ? shown : undefined;
    // A result is shown by the result card's code: loaded first, so that the card comes with it.
    if (win || ends) await this.result().catch((error: unknown) => this.warn('load its result card', error));
    if ((this.wheelState as WheelState).phase === 'spinning') return;
    this.now = now;
    this.used = used;
    this.rotation = (win && resultPart.now?.restingOn(win, this.prizes, this.layout)) ?? this.rotation;
    // Nothing left to win outranks a next spin: that one could not be honoured either.
    this.wheelState = win
      ? { phase: 'won', win, cooldownEnd: ends, copied: null }
      : this.exhausted
        ? { phase: 'exhausted' }
        : ends
          ? { phase: 'spent', cooldownEnd: ends }
          : { phase: 'ready' };
  }

  /** Whether the wheel hands out pool codes itself (no `outcome-src`): what it can still win depends on the device. */
  private get pooled(): boolean {
    return !this.settings.src && this.prizes.some((slice) => slice.pool.length);
  }

  /** Nothing left to win: every slice is a prize whose pool is used up on this device. */
  private get exhausted(): boolean {
    return this.used.length > 0 && !this.used.includes(false);
  }

  /**
   * Which prizes have their pools used up on this device (`used`), read by the result card's code (where a spin
   * draws): none to read for a wheel without pools, or when that code cannot load (a spin could not either).
   */
  private async pools(): Promise<boolean[]> {
    return this.pooled
      ? this.result().then(
          () => resultPart.now!.poolsUsedUp(this, this.prizes),
          () => [],
        )
      : [];
  }

  /** Loads the result card's code (`result.ts`) and takes its looks and texts into this wheel (once); its texts. */
  private async result(): Promise<ResultTexts> {
    const code = await resultPart.get();
    if (!code) throw new Error('the result card did not load');
    adoptPartStyles(this, code.resultStyles);
    this.resultL ??= code.resultTexts(this);
    await this.resultL.ready();
    return this.resultL;
  }

  /** Says what the wheel could not do, naming it. */
  private warn(what: string, error: unknown): void {
    warn(`<${this.localName}> could not ${what}`, error);
  }

  /** Tells this wheel's twins (same state: instance or campaign) that it changed, in the other tabs and on this page. */
  private announce(): void {
    broadcast({ topic: TOPIC, key: this.key });
    for (const wheel of wheels) if (wheel !== this && wheel.key === this.key) void wheel.refresh();
  }

  private tick(): void {
    this.now = Date.now();
    const s = this.wheelState;
    if (s.phase === 'won' && s.win.expiresAt && this.now >= s.win.expiresAt) void this.refresh();
  }

  private get canSpin(): boolean {
    const s = this.wheelState;
    return (
      this.prizes.length > 1 && (s.phase === 'ready' || s.phase === 'failed' || (s.phase === 'won' && !s.cooldownEnd && !this.exhausted))
    );
  }

  /**
   * Drawn ready to spin while the state is still being read (after the first frame): most shoppers have
   * not spun, so the usual first render is the final one. A spin asked for meanwhile waits for the read.
   */
  private get looksReady(): boolean {
    return this.canSpin || (this.wheelState.phase === 'loading' && this.prizes.length > 1);
  }

  /** Loads what a spin needs (its code and the result card's) before the shopper spins: at idle, pointer over the wheel, focus in it. */
  private warm(): void {
    if (this.warmed || !this.looksReady) return;
    this.warmed = true;
    // In a task of its own: a tap brings the pointer over the launcher and its click in one task, which opens the popup.
    // Once both are in, the result card is laid out ahead.
    void nextTask().then(() =>
      Promise.all([spinPart.get(), this.result()]).then(
        () => this.rehearse(),
        () => undefined,
      ),
    );
  }

  /** The result card laid out ahead of a spin, at idle (`result.ts`), once what a spin needs is in, while the wheel can spin. */
  private rehearse(): void {
    if (this.resultL && spinPart.now)
      resultPart.now?.rehearseCard(this.renderRoot, () => (this.canSpin ? [this.cardView, this.resultL!] : undefined));
  }

  /** What the result card shows besides the state. */
  private get cardView(): CardView {
    return { host: this, now: this.now, fade: this.fade, apply: this.settings.apply, error: this.l.term('error') };
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
    if (this.wheelState.phase === 'loading') await this.refreshing;
    if (!this.canSpin) return;
    this.wheelState = { phase: 'spinning' };
    this.fade = false;
    // Warm (its code and the card's loaded, as they usually are), the spin starts in this task: one render as it starts.
    const code = spinPart.now ?? (await spinPart.get());
    const warmTexts = resultPart.now && this.resultL && !this.resultL.ready() ? this.resultL : undefined;
    const texts = code && (warmTexts ?? (await this.result().catch(() => undefined)));
    if (texts) {
      const { key, prizes: slices, layout, rotation, l } = this;
      await code.spin({ ...this.settings, host: this, key, slices, layout, rotation, personal, texts, l }, this.on);
      // A pool the spin used up is no longer listed as winnable; with nothing left, no further spin is offered.
      if (this.pooled) this.used = await this.pools();
      return;
    }
    // Its code did not load (offline; `core/parts.ts` said so): the spin was not taken.
    await this.on.reread();
    this.said = this.l.term('error');
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.prizes.length) return nothing;
    const l = this.l;
    const popup = popupPart.now;
    return html`<div part="base" class="base" lang=${l.language} dir=${l.dir} @pointerover=${this.warm} @focusin=${this.warm}>
      ${
        !this.popup
          ? [this.renderHeading(), this.renderBody()]
          : popup
            ? (adoptPartStyles(this, popup.popupStyles), popup.renderPopup(this, l, this.renderHeading(), () => this.renderBody(), this.on))
            : nothing
      }
    </div>`;
  }

  private renderHeading(): TemplateResult {
    return html`<h2 id="heading" part="heading"><slot name="heading">${this.l.term('title')}</slot></h2>`;
  }

  /** All of the wheel but its heading. */
  private renderBody(): TemplateResult {
    const l = this.l;
    const s = this.wheelState;
    const spinning = s.phase === 'spinning';
    const shown = s.phase === 'won' || s.phase === 'spent' || s.phase === 'failed' || s.phase === 'exhausted';
    const card = resultPart.now;
    // The odds of what can still be won: a prize whose pool is used up on this device is listed as none left.
    const total = this.prizes.reduce((sum, slice, i) => sum + (this.used[i] ? 0 : slice.weight), 0);
    const odds = (slice: Slice, i: number) =>
      this.used[i]
        ? this.resultL?.term('left')
        : l.term('odds', { p: l.number(slice.weight / total, { style: 'percent', maximumFractionDigits: 1 }) });
    return html`<div class="stage" part="stage">
        <div class="disc">
          <div class="wheel ${this.fade ? 'fade' : ''}" part="wheel" aria-hidden="true" ?data-later=${this.discLater}>${!this.popup || this.pop.slices ? this.disc : nothing}</div>
        </div>
        <svg class="pointer" part="pointer" viewBox="0 0 24 30" aria-hidden="true"><path d="M2 2h20L12 28z" /></svg>
        <div class="hub" aria-hidden="true"></div>
        ${shown && card && this.resultL ? card.renderCard(s, this.cardView, this.resultL, this.on) : nothing}
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
          (slice, i) =>
            html`<li>
              <span dir="auto">${slice.label}</span>
              <span class="odds">${odds(slice, i)}</span>
            </li>`,
        )}
      </ul>
      <p class="sr" role="status">${this.said}</p>`;
  }

  /**
   * The wheel's angle, the slices' colours and the labels' geometry, set through the CSSOM: a strict
   * Content-Security-Policy (`style-src 'self'`) refuses `style="…"` attributes, not this. Runs after
   * every render, before the browser draws it, and when a spin sets the angle it lands at (`rests`): the
   * angle each time, the slices only when they (or their elements: a popup's, drawn anew at each opening) are new.
   */
  private paint(): void {
    const wheel = this.renderRoot.querySelector<HTMLElement>('.wheel');
    if (!wheel) return;
    setStyle(wheel, { transform: `rotate(${this.rotation}deg)` });
    const paths = wheel.querySelectorAll<SVGPathElement>('svg path');
    // A popup draws its slices a frame after it opens: nothing to style until then.
    if (!paths.length || (this.painted[0] === paths[0] && this.painted[1] === this.layout)) return;
    this.painted = [paths[0], this.layout];
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
