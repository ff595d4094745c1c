/**
 * `<retain-order>`: records the order of an order-confirmation page, declaratively, for the loyalty
 * badge's estimate and the account prompt. Renders nothing.
 */
import { recordOrder } from '../core/orders.js';
import { parseNumber } from '../core/config.js';
import { defineElement } from '../core/define.js';

/**
 * @tag retain-order
 * @summary Records one order on this device (once per order id, across reloads and tabs).
 * @attr order-id - The store's order id (required).
 * @attr total - The order total in major units (e.g. `59.90`), ≥ 0 (required).
 * @attr currency - ISO 4217 code, default `USD`.
 * @fires retain-order-recorded - When this element recorded the order for the first time on this device.
 */
export class RetainOrder extends HTMLElement {
  /** Resolves once the order is recorded (true) or found already recorded (false); null when invalid. */
  recorded: Promise<boolean | null> = Promise.resolve(null);

  connectedCallback(): void {
    this.hidden = true;
    this.recorded = this.record();
  }

  private async record(): Promise<boolean | null> {
    const orderId = this.getAttribute('order-id')?.trim();
    if (!orderId) {
      console.warn(`<retain-order> needs an order-id; nothing was recorded.`, this);
      return null;
    }
    const total = parseNumber(this, 'total', this.getAttribute('total'), NaN, { min: 0 });
    if (Number.isNaN(total)) {
      if (!this.hasAttribute('total')) console.warn(`<retain-order> needs a total; nothing was recorded.`, this);
      return null;
    }
    const currency = /^[A-Za-z]{3}$/.test(this.getAttribute('currency') ?? '') ? this.getAttribute('currency')!.toUpperCase() : 'USD';
    try {
      const recorded = await recordOrder({ orderId, total, currency });
      if (recorded) this.dispatchEvent(new Event('retain-order-recorded', { bubbles: true, composed: true }));
      return recorded;
    } catch (error) {
      console.warn('<retain-order> could not record the order', error, this);
      return null;
    }
  }
}

defineElement('retain-order', RetainOrder);

declare global {
  interface HTMLElementTagNameMap {
    'retain-order': RetainOrder;
  }
}
