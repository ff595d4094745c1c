/**
 * The header reminder of `<retain-next-order-offer reminder>`: a small button (a gift and what the code gives)
 * that opens a panel with the code, its terms, copy and apply. Loaded only once a reminder has a code to show,
 * so a shopper without one (most of them) never downloads it.
 */
import { html, type TemplateResult } from 'lit';
import { adoptPartStyles } from '../core/parts.js';
import { keepInViewport } from '../core/placement.js';
import type { OfferHost } from './next-order-offer.host.js';
import type { Offer, OfferTerms } from './offer-terms.js';
import { reminderStyles } from './reminder.styles.js';

const GIFT = html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <path d="M4 11h16v9H4zM3 7h18v4H3zM12 7v13M12 7c-2-4-6-4-6-1.5S9 7 12 7c3 0 6-1 6-1.5S14 3 12 7z" />
</svg>`;

/** One reminder's button and panel: a disclosure (Escape, a click or focus outside closes it). */
export class Reminder {
  constructor(private readonly el: OfferHost) {
    adoptPartStyles(el, reminderStyles);
  }

  /** `own`: the reminder's own attributes; its label and apply link, given in the page's language, win over the offer's. */
  render(offer: Offer, own: OfferTerms): TemplateResult {
    const { el } = this;
    const l = el.l;
    const shown: Offer = { ...offer, label: own.label ?? offer.label, applyUrl: own.applyUrl ?? offer.applyUrl };
    const benefit = el.benefit(shown);
    return html`<div part="base" class="reminder" lang=${l.language} dir=${l.dir} @keydown=${this.onKey} @focusout=${this.onFocusOut}>
      <button type="button" part="reminder-button" class="chip" aria-expanded=${el.open ? 'true' : 'false'} aria-controls="panel" @click=${this.toggle}>
        ${GIFT}<span part="reminder-label">${benefit ? html`<span class="sr">${l.term('yourCode')}: </span>${benefit}` : l.term('yourCode')}</span>
      </button>
      <div id="panel" part="panel" class="panel" role="group" aria-labelledby="panel-title" ?hidden=${!el.open}>
        <p id="panel-title" class="panel-title">${l.term('title')}</p>
        ${el.terms(shown)}
        <p class="code" part="code" id="code">${shown.code}</p>
        ${el.actions(shown, 'reminder')} ${el.expiry(shown.expiresAt)}
      </div>
      <p class="sr" role="status">${el.said}</p>
    </div>`;
  }

  private readonly toggle = (): void => {
    const { el } = this;
    el.open = !el.open;
    if (!el.open) {
      document.removeEventListener('pointerdown', this.outside);
      return;
    }
    document.addEventListener('pointerdown', this.outside);
    el.warm();
    // The panel hangs from the button's end; near the other edge of a phone it is shifted back on screen.
    void el.updateComplete.then(() => keepInViewport(el.renderRoot.querySelector<HTMLElement>('.panel')!));
  };

  /** Closes the panel; with `focus`, focus goes back to the button. */
  shut(focus: boolean): void {
    if (this.el.open) this.toggle();
    if (focus) this.el.renderRoot.querySelector<HTMLElement>('[part~=reminder-button]')?.focus();
  }

  private readonly outside = (event: Event): void => {
    if (!event.composedPath().includes(this.el)) this.shut(false);
  };

  private readonly onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.el.open) {
      event.stopPropagation();
      this.shut(true);
    }
  };

  private readonly onFocusOut = (event: FocusEvent): void => {
    const to = event.relatedTarget as Node | null;
    if (this.el.open && to && !this.el.renderRoot.contains(to)) this.shut(false);
  };
}
