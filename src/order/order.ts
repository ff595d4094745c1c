/**
 * `<retain-order>`: records the order of an order-confirmation page, declaratively, for the loyalty
 * badge's estimate and the account prompt. Renders nothing (core/recorder.ts).
 */
import { checkNumber, parseCurrency, warn, warnInvalid } from '../core/config.js';
import { defineElement } from '../core/define.js';
import { emit, makeDetail } from '../core/events.js';
import { announceOnce, recordOrder } from '../core/orders.js';
import { RecorderElement } from '../core/recorder.js';
import { RetainOrderRecordedEvent, type OrderRecordedDetail } from './order.events.js';

// The widget's events, typed for whoever imports this module (their declarations on
// GlobalEventHandlersEventMap come with them): `import type { … } from 'retainkit/<widget>'`.
export type * from './order.events.js';

const DEFAULT_CURRENCY = 'USD';

/**
 * @tag retain-order
 * @summary Records one order on this device (once per order id, across reloads and tabs).
 * @attr order-id - The store's order id (required).
 * @attr total - The order total in major units (e.g. `59.90`), ≥ 0 (required).
 * @attr [currency=USD] - ISO 4217 code of the total.
 * @attr instance - Names this element in the event's detail; defaults to its `id`, else `default`.
 * @fires retain-order-recorded - When this page recorded the order for the first time on this device, by this element
 *   or another widget (the account prompt records it too); once a page (detail: id, widget `order`, instance,
 *   timestamp, orderId, total, currency).
 */
export class RetainOrder extends RecorderElement<boolean> {
  static readonly widget = 'order';
  static readonly observedAttributes = ['order-id', 'total', 'currency'];

  /**
   * Resolves once the order is recorded: true when this page recorded it first on this device (the event fired),
   * false when it was known already (recorded before, in another tab, or announced by another `<retain-order>` of the
   * page); null when the attributes are not usable or storage failed. Replaced each time the attributes change.
   */
  declare recorded: Promise<boolean | null>;

  get instanceName(): string {
    return this.getAttribute('instance')?.trim() || this.id || 'default';
  }

  protected async record(): Promise<boolean | null> {
    const orderId = this.getAttribute('order-id')?.trim() ?? '';
    if (!orderId) {
      warnInvalid(this, 'order-id', orderId, 'is required', 'nothing was recorded');
      return null;
    }
    const rawTotal = this.getAttribute('total') ?? '';
    const total = checkNumber(rawTotal, { min: 0 });
    if (typeof total === 'string') {
      warnInvalid(this, 'total', rawTotal, rawTotal.trim() ? total : 'is required', 'nothing was recorded');
      return null;
    }
    const currency = parseCurrency(this, 'currency', this.getAttribute('currency'), DEFAULT_CURRENCY);
    try {
      await recordOrder({ orderId, total, currency });
      // The first recording on this device may be another widget's on this page (the account prompt records the
      // order too, and may come first): this page's first <retain-order> announces it all the same.
      const first = announceOnce(orderId);
      if (first) {
        const detail = makeDetail<OrderRecordedDetail>(RetainOrder.widget, this.instanceName, { orderId, total, currency });
        emit(this, new RetainOrderRecordedEvent(detail));
      }
      return first;
    } catch (error) {
      warn('<retain-order> could not record the order', error, this);
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
