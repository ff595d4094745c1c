/**
 * The wheel as a popup: a modal dialog with a close button, an optional launcher, the triggers that
 * open it (the core's `triggers.ts`, loaded only when it has some) and the snooze after a dismissal.
 * Loaded only by a wheel in `mode="popup"`, which shows nothing until then.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { makeDetail } from '../core/events.js';
import { adoptPartStyles } from '../core/parts.js';
import { popupStyles } from './popup.styles.js';
import { RetainSpinDismissedEvent, RetainSpinShownEvent } from './spin-wheel.events.js';
import { triggersCode, type RetainSpinWheel } from './spin-wheel.js';

/** One wheel's popup: its looks, dialog and triggers. */
export class WheelPopup {
  private returnFocus: HTMLElement | null = null;
  private closingByCode = false;
  /**
   * The wheel is drawn into the dialog when the shopper reaches for the launcher (pointer over it, a
   * press, focus) or it opens: a popup never reached costs its launcher alone, and the drawing and the
   * opening fall in separate tasks.
   */
  private drawn = false;

  constructor(private readonly el: RetainSpinWheel) {
    adoptPartStyles(el, popupStyles);
  }

  private get dialog(): HTMLDialogElement | null {
    return this.el.renderRoot.querySelector('dialog');
  }

  show(trigger: string): void {
    const { el, dialog } = this;
    if (!dialog || dialog.open || !el.prizes.length) return;
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    this.returnFocus = active as HTMLElement | null;
    // Not drawn yet (opened by a trigger or from script): it renders in a microtask, before the browser draws the dialog.
    this.prepare();
    dialog.showModal();
    el.tell(new RetainSpinShownEvent(makeDetail(el.widgetName, el.instanceName, { mode: 'popup', trigger })), 'seen');
    void el.focusNext();
  }

  /** Draws the wheel into the (closed) dialog, once. */
  prepare(): void {
    if (this.drawn) return;
    this.drawn = true;
    this.el.requestUpdate();
  }

  hide(): void {
    this.closingByCode = true;
    this.dialog?.close();
  }

  /** Watches the triggers that open the popup, if it has some; returns the function that stops. */
  watch(): (() => void) | undefined {
    const el = this.el;
    // A popup without triggers (a launcher, or opened by `show()`) never loads their code.
    if (!el.trigger?.trim()) return undefined;
    let stop: (() => void) | undefined;
    let live = true;
    triggersCode().then(
      (t) => {
        if (!live) return;
        stop = t.watchTriggers(t.parseTriggers(el, 'trigger', el.trigger, []), async (fired) => {
          // A trigger may fire while the wheel still reads its state (a page view the loader counted already).
          await el.loaded;
          if (el.phase === 'ready' && !(await t.cooldownEnds(`${el.key}/snooze`).catch(() => null))) this.show(fired.kind);
        });
      },
      (error: unknown) => el.warn('load its triggers', error),
    );
    return () => {
      live = false;
      stop?.();
    };
  }

  private onClose(): void {
    const el = this.el;
    const byShopper = !this.closingByCode;
    this.closingByCode = false;
    if (byShopper) {
      const spun = el.phase !== 'ready';
      el.tell(new RetainSpinDismissedEvent(makeDetail(el.widgetName, el.instanceName, { spun })), 'dismissed');
      if (!spun && el.snoozeMs)
        triggersCode()
          .then((t) => t.startCooldown(`${el.key}/snooze`, el.snoozeMs))
          .catch(() => undefined);
    }
    el.animation?.finish();
    this.returnFocus?.focus();
    this.returnFocus = null;
  }

  render(body: () => TemplateResult): TemplateResult {
    const l = this.el.l;
    // A click on the backdrop (the dialog itself, outside .inner) closes the popup; keyboards have Escape.
    /* eslint-disable lit-a11y/click-events-have-key-events */
    const prepare = () => this.prepare();
    return html`${
      this.el.launcher
        ? html`<button
            part="launcher"
            class="button launcher"
            @pointerenter=${prepare}
            @pointerdown=${prepare}
            @focus=${prepare}
            @click=${() => this.show('launcher')}
          >${l.term('title')}</button>`
        : nothing
    }
      <dialog
        part="dialog"
        aria-labelledby="heading"
        @close=${() => this.onClose()}
        @click=${(e: Event) => e.target === e.currentTarget && this.dialog?.close()}
      >
        <div class="inner">
          <button part="close-button" class="close" aria-label=${l.term('close')} @click=${() => this.dialog?.close()}>×</button>
          ${this.drawn ? body() : nothing}
        </div>
      </dialog>`;
    /* eslint-enable lit-a11y/click-events-have-key-events */
  }
}
