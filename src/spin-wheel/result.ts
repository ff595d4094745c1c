/**
 * The wheel's result card: the prize, the code with copy and apply, the countdown to its expiry; or that
 * the shopper has already spun, that the store could not be reached, or that no prize is left to win (with
 * the reading of the code pools that tells). Loaded with the spin (`spin.ts`),
 * or on its own when a remembered result is to be shown, so a wheel waiting for its spin never downloads
 * it. Render functions over the wheel's state: it is handed the state and callbacks, and returns
 * templates and results.
 */
import { html, nothing, render, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { RetainElement } from '../core/element.js';
import { makeDetail } from '../core/events.js';
import { LocalizeController } from '../core/localize.js';
import { whenIdle } from '../core/near.js';
import { part } from '../core/parts.js';
import { isDate, type Win } from './outcome.js';
import { RetainSpinCodeAppliedEvent, RetainSpinCodeCopiedEvent } from './result.events.js';
import { resultTranslations } from './result.translations.js';
import type { WheelCallbacks, WheelState } from './state.js';
import { middle, mod, type Wedge } from './rotation.js';
import type { Slice } from './slices.js';
import { swap } from './swap.js';
import type { ResultTerm } from './terms.js';

export { resultStyles } from './result.styles.js';
export { poolsUsedUp } from './outcome.js';

export type ResultTexts = LocalizeController<ResultTerm>;

/**
 * The copying code, loaded as soon as the card's code is, so that it is there on the click (a copy must
 * happen within the click). Imported, not bundled with the card: the clipboard chunk is then only ever
 * imported and needs no helper for module namespaces, so the bundler's helper stays inside the storage
 * chunk instead of being a file of its own that every page with a widget fetched.
 */
const clipboard = part('retain-spin-wheel', 'clipboard', () => import('../core/clipboard.js'));
void clipboard.get();

/** The texts of the spin and its result for `host`: a controller of the wheel, so that it waits for them before it updates. */
export const resultTexts = (host: ReactiveControllerHost & HTMLElement): ResultTexts => new LocalizeController(host, resultTranslations);

/**
 * The angle the wheel rests at to show `win`: the slice won under the pointer, else (won on another wheel
 * of the campaign, with other slices) one of the same prize; undefined when this wheel has none.
 */
export function restingOn(win: Win, slices: Slice[], layout: Wedge[]): number | undefined {
  const same = (slice: Slice | undefined) => slice?.label === win.label && slice.type === win.type;
  const at = same(slices[win.slice]) ? win.slice : slices.findIndex(same);
  return at < 0 ? undefined : mod(-middle(layout[at]), 360);
}

/** The countdown's clock: runs (`tick` each second) while `state` shows a code with an expiry; the timer running, if any. */
export function countdown(
  timer: ReturnType<typeof setInterval> | undefined,
  state: WheelState,
  tick: () => void,
): ReturnType<typeof setInterval> | undefined {
  const ticking = state.phase === 'won' && state.win.expiresAt != null;
  if (ticking) return timer ?? setInterval(tick, 1000);
  clearInterval(timer);
  return undefined;
}

/** What the status line says when the wheel stops. */
export function resultText(win: Win, l: ResultTexts): string {
  return win.type === 'none' ? `${win.label}. ${l.term('none')}` : `${l.term('won', { label: win.label })}. ${win.code}`;
}

/** What the card asks of its wheel: to show a copy (its state, and what to say), and its events. */
export type CardCallbacks = Pick<WheelCallbacks, 'show' | 'tell'>;

function expiresIn(expiresAt: number, now: number, l: ResultTexts): string {
  const left = Math.max(0, Math.floor((expiresAt - now) / 1000));
  const days = Math.floor(left / 86_400);
  const clock = [Math.floor(left / 3600) % 24, Math.floor(left / 60) % 60, left % 60].map((n) => String(n).padStart(2, '0')).join(':');
  return days ? `${l.number(days, { style: 'unit', unit: 'day', unitDisplay: 'long' })}, ${clock}` : clock;
}

/** What the card shows besides the state. */
export interface CardView {
  /** The wheel, named in the card's events. */
  host: RetainElement;
  /** The clock of the countdown. */
  now: number;
  /** Shown at once (reduced motion): faded in. */
  fade: boolean;
  /** The apply link template (`{code}`), checked; null: no apply link. */
  apply: string | null;
  /** The wheel's own text for a spin that could not get its outcome. */
  error: string;
}

/** The card for `state` (won, spent, failed, or no prize left to win). */
export function renderCard(state: WheelState, view: CardView, l: ResultTexts, on: CardCallbacks): TemplateResult {
  const won = state.phase === 'won' ? state : undefined;
  const win = won?.win;
  const copied = won?.copied;
  const code = win?.code;
  const href = code && view.apply ? view.apply.replaceAll('{code}', encodeURIComponent(code)) : null;
  const { widgetName: widget, instanceName: instance } = view.host;
  // The apply link emits before counting: it is leaving the page.
  const apply = () => on.tell(new RetainSpinCodeAppliedEvent(makeDetail(widget, instance, { code: code!, url: href! })), 'converted', true);
  const copy = async (event: Event) => {
    // Where the clipboard refuses, the code is selected for the shopper to copy. Without the copying code
    // (offline; the part warned), the card says the copy failed, beside the code.
    const shown = (event.currentTarget as Element).closest('.card')!.querySelector('[part~=code]');
    const copier = clipboard.now ?? (await clipboard.get());
    const done = copier ? await copier.copyText(code!, shown) : false;
    on.show({ ...won!, copied: done }, l.term(done ? 'copied' : 'copyFailed'));
    if (done) on.tell(new RetainSpinCodeCopiedEvent(makeDetail(widget, instance, { code: code! })), 'copied');
  };
  return html`<div class="card ${view.fade ? 'fade' : ''}" part="result" tabindex="-1">
    ${
      win
        ? html`<p class="prize" dir="auto">${win.type === 'none' ? win.label : l.term('won', { label: win.label })}</p>
            ${
              code
                ? html`<p class="code" part="code">${code}</p>
                    <div class="row">
                      <button part="copy-button" class="button" @click=${copy}>${swap(l.term('copy'), l.term('copied'), !!copied)}</button>
                      ${href ? html`<a part="apply-link" class="button" href=${href} @click=${apply}>${l.term('apply')}</a>` : nothing}
                    </div>
                    ${copied === false ? html`<p class="small">${l.term('copyFailed')}</p>` : nothing}
                    ${
                      // A result remembered with an expiry no date can hold shows its code all the same.
                      isDate(win.expiresAt)
                        ? html`<p class="small" part="expiry">
                            <time datetime=${new Date(win.expiresAt).toISOString()}
                              >${l.term('expires', { time: expiresIn(win.expiresAt, view.now, l) })}</time
                            >
                          </p>`
                        : nothing
                    }`
                : html`<p class="small">${l.term('none')}</p>`
            }`
        : state.phase === 'failed'
          ? html`<p class="small">${view.error}</p>`
          : state.phase === 'exhausted'
            ? html`<p class="prize">${l.term('empty')}</p>`
            : html`<p class="prize">${l.term('spun')}</p>
              ${state.phase === 'spent' && isDate(state.cooldownEnd) ? html`<p class="small">${l.term('next', { date: l.date(state.cooldownEnd) })}</p>` : nothing}`
    }
  </div>`;
}

/** Wheels (their shadow roots) whose card was laid out ahead (`rehearseCard`), or will be at the next idle. */
const rehearsed = new WeakSet<HTMLElement | DocumentFragment>();

/**
 * Lays the card out ahead of a spin, once per wheel, at idle: a card with a code is drawn in the wheel's stage,
 * laid out and taken away in one task, so nothing of it is painted or read out. Its templates are then prepared
 * and the code's bold monospace face loaded, which the frame that shows a won code would do otherwise: in
 * Chromium at 4× CPU, that frame's layout took 34 ms, against 4–9 ms for a card without a code. `ready` gives
 * what the card shows while the wheel can spin; a popup closed before the idle lays it out when it opens again.
 */
export function rehearseCard(root: HTMLElement | DocumentFragment, ready: () => [CardView, ResultTexts] | undefined): void {
  if (rehearsed.has(root) || !ready() || !root.querySelector('.stage')) return;
  rehearsed.add(root);
  void whenIdle().then(() => {
    const stage = root.querySelector('.stage');
    const shown = ready();
    if (!stage || !shown) return void rehearsed.delete(root);
    const [view, l] = shown;
    const rehearsal = stage.appendChild(document.createElement('div'));
    const win: Win = { slice: 0, label: '', type: 'discount', code: 'RETAIN10', expiresAt: view.now + 86_400_000, wonAt: view.now };
    const ignored = { show: () => undefined, tell: () => undefined };
    render(renderCard({ phase: 'won', win, cooldownEnd: null, copied: null }, view, l, ignored), rehearsal);
    rehearsal.getBoundingClientRect();
    rehearsal.remove();
  });
}
