/**
 * The wheel as a popup: a modal dialog with a close button, an optional launcher, the triggers that
 * open it (the core's `triggers.ts`, loaded only when it has some) and the snooze after a dismissal.
 * Loaded only by a wheel in `mode="popup"`, which shows nothing until then. Functions over state the
 * wheel owns (`PopupState`): they are handed it with the wheel's callbacks, and hand the new state back.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { RetainElement } from '../core/element.js';
import { makeDetail, RetainEvent } from '../core/events.js';
import { RetainSpinShownEvent, type SpinDismissedDetail } from './spin-wheel.events.js';
import type { LocalizeController } from '../core/localize.js';
import { nextFrame } from '../core/pacing.js';
import { part } from '../core/parts.js';
import { nextTask } from '../core/tasks.js';
import { focusNext } from './focus.js';
import type { WheelCallbacks } from './state.js';
import type { WheelTerm } from './terms.js';

export { popupStyles } from './popup.styles.js';

/** When a popup opens by itself (`trigger`), and how long a dismissal keeps it shut: loaded for a popup that has them. */
const triggersCode = part('retain-spin-wheel', 'triggers', () => import('../core/triggers.js'));

/** The shopper closed the popup (close button, Escape or a click outside it). Counted as `dismissed`. */
export class RetainSpinDismissedEvent extends RetainEvent<SpinDismissedDetail> {
  constructor(detail: SpinDismissedDetail) {
    super('retain-spin-dismissed', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'retain-spin-dismissed': RetainSpinDismissedEvent;
  }
}

/** The wheel, as the popup reads it: its popup attributes. */
export type PopupHost = RetainElement & { trigger: string | null; launcher: boolean };

/** What the popup asks of its wheel. */
export type PopupCallbacks = Pick<WheelCallbacks, 'popup' | 'keep' | 'tell' | 'state' | 'loaded' | 'finish' | 'snooze'>;

const dialogOf = (host: PopupHost) => host.renderRoot.querySelector('dialog');

/**
 * Opens the popup of `host` (not when it is open), in tasks of their own, none long: the click's (or a
 * tap's, which also brings the pointer's events) does no more than ask; the next opens the dialog (the
 * page made inert), named by its heading, focus in it on its close button; the next draws the stage, spin
 * button and odds; the wheel's slices and labels (the costliest layout) come a frame later, and focus
 * moves to the spin button (or the result) a frame after that, its layout done.
 */
export function open(host: PopupHost, trigger: string, on: PopupCallbacks): void {
  const dialog = dialogOf(host);
  if (!dialog || dialog.open) return;
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  void openInPieces(host, dialog, trigger, active as HTMLElement | null, on);
}

async function openInPieces(
  host: PopupHost,
  dialog: HTMLDialogElement,
  trigger: string,
  back: HTMLElement | null,
  on: PopupCallbacks,
): Promise<void> {
  await nextTask();
  if (dialog.open || !dialog.isConnected) return;
  on.keep({ ...on.popup(), back });
  dialog.showModal();
  on.tell(new RetainSpinShownEvent(makeDetail(host.widgetName, host.instanceName, { mode: 'popup', trigger })), 'seen');
  await nextTask();
  if (!dialog.open) return;
  on.keep({ ...on.popup(), drawn: true });
  await nextFrame();
  if (!dialog.open) return;
  on.keep({ ...on.popup(), slices: true });
  await nextFrame();
  await focusNext(host, on);
}

/** Closes the popup of `host` without counting it as the shopper's dismissal. */
export function hide(host: PopupHost, on: PopupCallbacks): void {
  const dialog = dialogOf(host);
  if (!dialog?.open) return;
  on.keep({ ...on.popup(), byCode: true });
  dialog.close();
}

function closed(host: PopupHost, on: PopupCallbacks): void {
  const state = on.popup();
  if (!state.byCode) {
    const spun = ['spinning', 'won', 'spent'].includes(on.state().phase);
    on.tell(new RetainSpinDismissedEvent(makeDetail(host.widgetName, host.instanceName, { spun })), 'dismissed');
    const [key, ms] = on.snooze();
    if (!spun && ms)
      void triggersCode
        .get()
        .then((t) => t?.startCooldown(key, ms))
        .catch(() => undefined);
  }
  // Drawn again at the next opening, a piece at a time: a closed dialog keeps no wheel.
  on.keep({ byCode: false, back: null, drawn: false, slices: false });
  on.finish();
  state.back?.focus();
}

/**
 * The launcher (with `launcher`) and the dialog with its `heading`, the rest of the wheel (`body`) drawn
 * into it once it opens (`open`): a popup never opened costs its launcher alone.
 */
export function renderPopup(
  host: PopupHost,
  l: LocalizeController<WheelTerm>,
  heading: TemplateResult,
  body: () => TemplateResult,
  on: PopupCallbacks,
): TemplateResult {
  const state = on.popup();
  const close = (event: Event) => (event.currentTarget as Element).closest('dialog')!.close();
  // A click on the backdrop (the dialog itself, outside .inner) closes the popup; keyboards have Escape.
  /* eslint-disable lit-a11y/click-events-have-key-events */
  return html`${
    host.launcher
      ? html`<button
          part="launcher"
          class="button launcher"
          @click=${() => open(host, 'launcher', on)}
        >${l.term('title')}</button>`
      : nothing
  }
    <dialog
      part="dialog"
      aria-labelledby="heading"
      @close=${() => closed(host, on)}
      @click=${(e: Event) => e.target === e.currentTarget && close(e)}
    >
      <div class="inner">
        <button part="close-button" class="close" aria-label=${l.term('close')} @click=${close}>×</button>
        ${heading} ${state.drawn ? body() : nothing}
      </div>
    </dialog>`;
  /* eslint-enable lit-a11y/click-events-have-key-events */
}

/**
 * Watches the triggers in the `trigger` attribute of `host`, if it has some (a launcher, or `show()`,
 * never loads their code): one that fires opens the popup when the wheel, its state read, is ready to
 * spin and no snooze runs. Returns the function that stops.
 */
export function watch(host: PopupHost, on: PopupCallbacks): (() => void) | undefined {
  if (!host.trigger?.trim()) return undefined;
  let stop: (() => void) | undefined;
  let live = true;
  void triggersCode.get().then((t) => {
    if (!t || !live) return;
    stop = t.watchTriggers(t.parseTriggers(host, 'trigger', host.trigger, []), async (fired) => {
      // A trigger may fire while the wheel still reads its state (a page view the loader counted already).
      await on.loaded();
      if (on.state().phase === 'ready' && !(await t.cooldownEnds(on.snooze()[0]).catch(() => null))) open(host, fired.kind, on);
    });
  });
  return () => {
    live = false;
    stop?.();
  };
}
