/**
 * The wheel's result card: the prize, the code with copy and apply, the countdown to its expiry; or that
 * the shopper has already spun, or that the store could not be reached. Loaded with the spin (`spin.ts`),
 * or on its own when a remembered result is to be shown, so a wheel waiting for its spin never downloads it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { copyText } from '../core/clipboard.js';
import { makeDetail } from '../core/events.js';
import { LocalizeController } from '../core/localize.js';
import { adoptPartStyles } from '../core/parts.js';
import { isDate, type Win } from './outcome.js';
import { resultStyles } from './result.styles.js';
import { resultTranslations, type ResultTerm } from './result.translations.js';
import { swap, type RetainSpinWheel } from './spin-wheel.js';
import { RetainSpinCodeAppliedEvent, RetainSpinCodeCopiedEvent } from './result.events.js';

/** One wheel's result card: its texts, looks and view. */
export class WheelResult {
  readonly l: LocalizeController<ResultTerm>;

  constructor(private readonly el: RetainSpinWheel) {
    // A controller of the wheel, so that the wheel waits for these texts before it updates.
    this.l = new LocalizeController<ResultTerm>(el, resultTranslations);
    adoptPartStyles(el, resultStyles);
  }

  /** What the status line says when the wheel stops. */
  text(win: Win): string {
    const l = this.l;
    return win.type === 'none' ? `${win.label}. ${l.term('none')}` : `${l.term('won', { label: win.label })}. ${win.code}`;
  }

  private async copy(): Promise<void> {
    const el = this.el;
    const code = el.win?.code;
    if (!code) return;
    const done = await copyText(code, el.renderRoot.querySelector('[part~=code]'));
    el.copied = done;
    el.said = this.l.term(done ? 'copied' : 'copyFailed');
    if (done) el.tell(new RetainSpinCodeCopiedEvent(makeDetail(el.widgetName, el.instanceName, { code })), 'copied');
  }

  private expiresIn(expiresAt: number): string {
    const left = Math.max(0, Math.floor((expiresAt - this.el.now) / 1000));
    const days = Math.floor(left / 86_400);
    const clock = [Math.floor(left / 3600) % 24, Math.floor(left / 60) % 60, left % 60].map((n) => String(n).padStart(2, '0')).join(':');
    return days ? `${this.l.number(days, { style: 'unit', unit: 'day', unitDisplay: 'long' })}, ${clock}` : clock;
  }

  card(): TemplateResult {
    const { el, l } = this;
    const win = el.phase === 'won' ? el.win : undefined;
    const code = win?.code;
    const href = code && el.apply ? el.apply.replaceAll('{code}', encodeURIComponent(code)) : null;
    // The apply link emits before counting: it is leaving the page.
    const applied = () =>
      el.tell(new RetainSpinCodeAppliedEvent(makeDetail(el.widgetName, el.instanceName, { code: code!, url: href! })), 'converted', true);
    return html`<div class="card ${el.fade ? 'fade' : ''}" part="result" tabindex="-1">
      ${
        win
          ? html`<p class="prize" dir="auto">${win.type === 'none' ? win.label : l.term('won', { label: win.label })}</p>
              ${
                code
                  ? html`<p class="code" part="code">${code}</p>
                      <div class="row">
                        <button part="copy-button" class="button" @click=${() => this.copy()}>
                          ${swap(l.term('copy'), l.term('copied'), !!el.copied)}
                        </button>
                        ${href ? html`<a part="apply-link" class="button" href=${href} @click=${applied}>${l.term('apply')}</a>` : nothing}
                      </div>
                      ${el.copied === false ? html`<p class="small">${l.term('copyFailed')}</p>` : nothing}
                      ${
                        // A result remembered with an expiry no date can hold shows its code all the same.
                        isDate(win.expiresAt)
                          ? html`<p class="small" part="expiry">
                              <time datetime=${new Date(win.expiresAt).toISOString()}
                                >${l.term('expires', { time: this.expiresIn(win.expiresAt) })}</time
                              >
                            </p>`
                          : nothing
                      }`
                  : html`<p class="small">${l.term('none')}</p>`
              }`
          : el.failed
            ? html`<p class="small">${el.l.term('error')}</p>`
            : html`<p class="prize">${l.term('spun')}</p>
                ${isDate(el.cooldownEnd) ? html`<p class="small">${l.term('next', { date: l.date(el.cooldownEnd) })}</p>` : nothing}`
      }
    </div>`;
  }
}
