/**
 * The wheel as a popup: a modal dialog with a close button, an optional launcher, the triggers that
 * open it (the core's `triggers.ts`, loaded only when it has some) and the snooze after a dismissal.
 * Loaded only by a wheel in `mode="popup"`, which shows nothing until then. Render functions and steps
 * over state the wheel owns (whether the dialog is drawn yet, where focus returns): the wheel hands them
 * in and keeps what they return.
 */
import { html, nothing, type TemplateResult } from 'lit';

export { popupStyles } from './popup.styles.js';

const triggersCode = () => import('../core/triggers.js');

/** What the wheel does when the shopper reaches for the launcher, opens the popup, or it has closed. */
export interface PopupCallbacks {
  /** Draws the wheel into the (closed) dialog. */
  prepare(): void;
  open(trigger: string): void;
  closed(): void;
}

/**
 * The launcher (with `launcher`) and the dialog; the wheel (`body`) is drawn into it once `drawn`: when
 * the shopper reaches for the launcher (pointer over it, a press, focus) or it opens, so that a popup
 * never reached costs its launcher alone, and the drawing and the opening fall in separate tasks.
 */
export function renderPopup(
  texts: { title: string; close: string },
  launcher: boolean,
  drawn: boolean,
  body: () => TemplateResult,
  on: PopupCallbacks,
): TemplateResult {
  const close = (event: Event) => (event.currentTarget as Element).closest('dialog')!.close();
  // A click on the backdrop (the dialog itself, outside .inner) closes the popup; keyboards have Escape.
  /* eslint-disable lit-a11y/click-events-have-key-events */
  return html`${
    launcher
      ? html`<button
          part="launcher"
          class="button launcher"
          @pointerenter=${on.prepare}
          @pointerdown=${on.prepare}
          @focus=${on.prepare}
          @click=${() => on.open('launcher')}
        >${texts.title}</button>`
      : nothing
  }
    <dialog part="dialog" aria-labelledby="heading" @close=${on.closed} @click=${(e: Event) => e.target === e.currentTarget && close(e)}>
      <div class="inner">
        <button part="close-button" class="close" aria-label=${texts.close} @click=${close}>×</button>
        ${drawn ? body() : nothing}
      </div>
    </dialog>`;
  /* eslint-enable lit-a11y/click-events-have-key-events */
}

/** Opens `dialog` as a modal; returns the element that had the focus, to give it back on close. */
export function openDialog(dialog: HTMLDialogElement): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  dialog.showModal();
  return active as HTMLElement | null;
}

/**
 * Watches the triggers in `trigger` (read from `host`'s attribute of that name); when one fires and
 * `mayOpen()` agrees, and no snooze (`snoozeKey`) is running, calls `open` with its kind. Returns the
 * function that stops.
 */
export function watchTriggers(
  host: HTMLElement,
  trigger: string,
  snoozeKey: string,
  mayOpen: () => Promise<boolean>,
  open: (kind: string) => void,
): () => void {
  let stop: (() => void) | undefined;
  let live = true;
  triggersCode().then(
    (t) => {
      if (!live) return;
      stop = t.watchTriggers(t.parseTriggers(host, 'trigger', trigger, []), async (fired) => {
        if ((await mayOpen()) && !(await t.cooldownEnds(snoozeKey).catch(() => null))) open(fired.kind);
      });
    },
    (error: unknown) => console.warn(`<${host.localName}> could not load its triggers`, error),
  );
  return () => {
    live = false;
    stop?.();
  };
}

/** Keeps the triggers quiet for `ms` after the shopper closed the popup unspun. */
export function snooze(snoozeKey: string, ms: number): void {
  triggersCode()
    .then((t) => t.startCooldown(snoozeKey, ms))
    .catch(() => undefined);
}
