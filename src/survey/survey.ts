/**
 * `<retain-survey>`: after a purchase, one question (NPS 0–10 or CSAT 1–5) as a real radio group, then one
 * optional free-text follow-up, then a thank-you that says the score back (and may point promoters to a
 * review and detractors to support). Shown at most once per order on this device (decided in one IndexedDB
 * transaction, so two tabs cannot both ask), quiet for a while after "not now". The answer goes to the store
 * as events and, with `action`, a POST; the comment is never stored and never forwarded.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from '../core/decorators.js';
import { parseDuration, parseEnum, parseUrl, warn, warnInvalid } from '../core/config.js';
import type { CounterName } from '../core/counters.js';
import { cardStyles } from '../core/card.styles.js';
import { defineElement } from '../core/define.js';
import { RetainElement } from '../core/element.js';
import type { RetainEvent } from '../core/events.js';
import { hostReset } from '../core/host-reset.js';
import { LocalizeController } from '../core/localize.js';
import { part } from '../core/parts.js';
import { stored } from '../core/stored.js';
import { SNOOZE_KEY, orderKey, scale } from './answers.js';
import { RetainSurveyShownEvent, type SurveyCategory } from './survey.events.js';
import { styles } from './survey.styles.js';
import { translations, type SurveyTerm } from './survey.translations.js';
import type { SurveyConfig, SurveyHost, SurveyPhase } from './survey.host.js';

export type { SurveyConfig, SurveyPhase };

// The widget's events, typed for whoever imports this module (their declarations on
// GlobalEventHandlersEventMap come with them): `import type { … } from 'retainkit/<widget>'`.
export type * from './survey.events.js';

type Actions = typeof import('./survey.actions.js');
/** What follows the question (recording and sending the answer, the follow-up, the thank-you), loaded at the first sign of interest. */
const actionsPart = part('retain-survey', 'actions', () => import('./survey.actions.js'));

/**
 * @tag retain-survey
 * @summary A one-question survey after a purchase (NPS or CSAT) with an optional follow-up, once per order, never nagging.
 *
 * @attr order-id - The order asked about (required; without it the survey stays hidden). Read once, at the first render: a new order needs a new element.
 * @attr [type=nps] - `nps` (default: 0–10, "how likely are you to recommend us") or `csat` (1–5, "how satisfied are you").
 * @attr question - The question in your own words (default the kit's, in the page's language).
 * @attr follow-up - Your own follow-up question. The kit's: "What could we have done better?" (detractors), "What
 *   would have made it even better?", "What did you like most?".
 * @attr action - Your endpoint (https: or relative): the score, then the comment, are POSTed to it as JSON.
 * @attr [snooze=30d] - After "not now", how long this device is not asked, e.g. `30d` (default), `12h`, `0`.
 * @attr review-url - The thank-you's "Write a review" link (`https:` or relative), for the shoppers `review-for`
 *   names.
 * @attr support-url - The thank-you links detractors to it ("Contact support"); https: or relative.
 * @attr [review-for=promoters] - Who is offered `review-url`: `promoters` (default) or `everyone` (what Google and Trustpilot require of public review pages).
 * @attr lang - The language (en, ru, uk, hu), else the page's.
 * @attr instance - Names this survey in counters and events.
 *
 * @fires retain-survey-shown - The survey was shown for this order (once per order on this device). Counted as
 *   `seen`.
 * @fires retain-survey-answered - The shopper sent a score. Counted as `answered`.
 * @fires retain-survey-commented - The shopper sent the follow-up text (`comment` is never forwarded). Counted as
 *   `commented`.
 * @fires retain-survey-dismissed - The shopper said "not now". Counted as `dismissed`.
 * @fires retain-survey-link-followed - The shopper followed the thank-you's review or support link. Counted as
 *   `followed`.
 *
 * @csspart base - The card.
 * @csspart question - The question (the radio group's legend).
 * @csspart scale - The row of scores.
 * @csspart option - One score's label.
 * @csspart ends - What the ends of the scale mean.
 * @csspart submit - The "Send" button.
 * @csspart dismiss - The "Not now" button.
 * @csspart given - "You gave us 9 out of 10." above the follow-up.
 * @csspart follow-up - The follow-up question.
 * @csspart comment - The follow-up's text field.
 * @csspart skip - The follow-up's "Skip" button.
 * @csspart thanks - The thank-you.
 * @csspart review-link - The thank-you's review link.
 * @csspart support-link - The thank-you's support link.
 *
 * @cssproperty --retain-survey-accent - The chosen score and the button (default `--retain-accent`, else #1d4ed8; lighter in dark mode).
 * @cssproperty --retain-survey-on-accent - Text on the accent (default white; dark in dark mode).
 * @cssproperty --retain-survey-background - The card's background (default a tint of the text colour).
 * @cssproperty --retain-survey-radius - Corner radius (default `--retain-radius`, else 0.75em).
 * @cssproperty --retain-survey-max-width - The card's width limit (default 34em).
 */
export class RetainSurvey extends RetainElement implements SurveyHost {
  static override widget = 'survey';
  static override styles = [...cardStyles('survey'), styles, hostReset];

  @property({ attribute: 'order-id' }) orderId = '';
  @property() type = '';
  @property() question = '';
  @property({ attribute: 'follow-up' }) followUp = '';
  @property() action = '';
  @property() snooze = '';
  @property({ attribute: 'review-url' }) reviewUrl = '';
  @property({ attribute: 'support-url' }) supportUrl = '';
  @property({ attribute: 'review-for' }) reviewFor = '';

  // State that survey.actions.ts renders from: public, so a property without an attribute rather than a private @state.
  /** @internal */
  @property({ attribute: false }) phase: SurveyPhase = 'pending';
  /** @internal The score sent, once sent. */
  @property({ attribute: false }) score: number | null = null;
  /** @internal Where the score sent falls. */
  @property({ attribute: false }) category: SurveyCategory = 'passive';
  /** @internal "Send" was pressed without a score. */
  @state() private missing = false;
  /** @internal The comment is being sent to `action`. */
  @property({ attribute: false }) busy = false;
  /** @internal Sending the comment failed. */
  @property({ attribute: false }) failed = false;
  /** @internal */
  cfg!: SurveyConfig;
  /** @internal The id of the answered event, which the comment refers to. */
  answerId = '';

  /** Resolves once the survey has decided to show (true, after `retain-survey-shown`) or to stay hidden (false). */
  readonly decision: Promise<boolean>;
  private decide!: (shown: boolean) => void;
  private started = false;
  /** Removed before it claimed the showing: it decides when connected again. */
  private undecided = false;
  private readonly l = new LocalizeController<SurveyTerm>(this, translations);
  /** @internal What follows the question, once loaded. */
  actions?: Actions;

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

  protected override willUpdate(changed: PropertyValues<this>): void {
    const attributes = [...changed.keys()].some(
      (key) => !['phase', 'score', 'category', 'missing', 'busy', 'failed'].includes(key as string),
    );
    if (!this.cfg || attributes) this.cfg = this.readConfig();
    if (!this.started) {
      this.started = true;
      // Known at once: no space is reserved at all.
      if (!this.cfg.orderId) this.close();
      // What the device remembers is read once the survey's first frame is drawn.
      void this.drawn.then(() => this.start());
    }
  }

  private readConfig(): SurveyConfig {
    const given = this.orderId.trim();
    // The order is read once, at the first render, which decides about it: a later one is not half taken.
    const orderId = this.started ? this.cfg.orderId : given;
    if (given !== orderId || !orderId) {
      const why = given !== orderId ? 'came after the first render' : 'is missing';
      warnInvalid(
        this,
        'order-id',
        this.orderId,
        why,
        orderId ? `order "${orderId}" is kept (a new order needs a new element)` : 'the survey stays hidden',
      );
    }
    const text = (value: string) => value.replace(/\s+/g, ' ').trim() || null;
    return {
      orderId,
      type: parseEnum(this, 'type', this.type, ['nps', 'csat'] as const, 'nps'),
      question: text(this.question),
      followUp: text(this.followUp),
      action: parseUrl(this, 'action', this.action),
      snoozeMs: parseDuration(this, 'snooze', this.snooze, 30 * 86_400_000, { min: 0 }),
      reviewUrl: parseUrl(this, 'review-url', this.reviewUrl),
      supportUrl: parseUrl(this, 'support-url', this.supportUrl),
      reviewFor: parseEnum(this, 'review-for', this.reviewFor, ['promoters', 'everyone'] as const, 'promoters'),
    };
  }

  /** Claims the showing for this order unless snoozed: one transaction for all tabs. Without storage, better not to ask than to ask twice. */
  private async start(): Promise<void> {
    const { orderId, type } = this.cfg;
    let show = false;
    if (orderId) {
      try {
        const { claimFirstShowing } = await stored();
        // Taken out of the page meanwhile (a framework rendering it again): it decides once it is back.
        if (!this.isConnected) return void (this.undecided = true);
        show = await claimFirstShowing(SNOOZE_KEY, orderKey(orderId));
      } catch (error) {
        warn('<retain-survey> could not check whether this order was asked about; it stays hidden.', error);
      }
    }
    if (show) {
      this.phase = 'ask';
      await this.updateComplete;
      await this.countAndEmit('seen', new RetainSurveyShownEvent(this.detail({ orderId, type })));
    } else this.close();
    this.decide(show);
  }

  /** @internal A text in the language shown. */
  t(key: SurveyTerm): string {
    return this.l.term(key);
  }

  protected override render(): TemplateResult | typeof nothing {
    const { phase } = this;
    if (phase === 'hidden') return nothing;
    // Only the actions lead past the question, so their code is here then.
    const body = phase === 'pending' || phase === 'ask' ? this.renderQuestion() : this.actions!.view(this);
    return html`<div
      part="base"
      class="card ${phase === 'pending' ? 'pending' : ''}"
      lang=${this.l.language}
      dir=${this.l.dir}
      @pointerover=${this.load}
      @focusin=${this.load}
    >
      ${body}
    </div>`;
  }

  private renderQuestion(): TemplateResult {
    const { cfg, l } = this;
    const nps = cfg.type === 'nps';
    const scores = scale(cfg.type);
    const [low, high] = nps ? [l.term('npsLow'), l.term('npsHigh')] : [l.term('csat1'), l.term('csat5')];
    // A radio's name is its number; the words of each CSAT score, and of the NPS ends, are said too.
    const words = (n: number) => (nps ? (n === 0 ? low : n === 10 ? high : '') : l.term(`csat${n}` as SurveyTerm));
    return html`<form novalidate @submit=${this.onSubmit}>
      <fieldset>
        <legend part="question">${cfg.question ?? l.term(nps ? 'npsQuestion' : 'csatQuestion')}</legend>
        <div class="scale ${cfg.type}" part="scale">
          ${scores.map(
            (n) =>
              html`<span class="option"
                ><input type="radio" name="score" id="score-${n}" value=${n} @change=${() => (this.missing = false)} /><label
                  for="score-${n}"
                  part="option"
                  >${n}${words(n) ? html`<span class="sr">, ${words(n)}</span>` : nothing}</label
                ></span
              >`,
          )}
        </div>
        <p class="ends" part="ends" aria-hidden="true">
          <span>${scores[0]}: ${low}</span><span>${scores[scores.length - 1]}: ${high}</span>
        </p>
      </fieldset>
      <p role="alert" class="error">${this.missing ? l.term('pick') : ''}</p>
      <div class="actions">
        <button class="primary" part="submit">${l.term('send')}</button>
        <button type="button" class="secondary" part="dismiss" @click=${this.dismiss}>${l.term('notNow')}</button>
      </div>
    </form>`;
  }

  /** Loads what follows the question; at the first sign of interest, so that it is there on "Send". */
  private load(): Promise<Actions | undefined> {
    return actionsPart.get().then((actions) => (this.actions ??= actions));
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const chosen = new FormData(event.currentTarget as HTMLFormElement).get('score');
    if (chosen === null) {
      this.missing = true;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[name=score]')?.focus());
      return;
    }
    void this.load().then((actions) => actions?.answer(this, Number(chosen)));
  }

  private dismiss(): void {
    void this.load().then((actions) => (actions ? actions.dismiss(this) : this.close()));
  }

  /** @internal Hides the survey, taking no space. */
  close(): void {
    this.phase = 'hidden';
    this.hidden = true;
  }

  /** @internal Counts, then emits (for the actions); `leaving` (a link): emits first, then counts. */
  tell(name: CounterName, event: RetainEvent, leaving = false): Promise<boolean> {
    if (!leaving) return this.countAndEmit(name, event);
    const proceed = this.emit(event);
    void this.count(name);
    return Promise.resolve(proceed);
  }
}

defineElement('retain-survey', RetainSurvey);

declare global {
  interface HTMLElementTagNameMap {
    'retain-survey': RetainSurvey;
  }
}
