/** The event of `<retain-order>`. */
import { RetainEvent, type RetainDetail } from '../core/events.js';

export interface OrderRecordedDetail extends RetainDetail {
  /** The store's order id. */
  orderId: string;
  /** The order total in major units (`59.9`). */
  total: number;
  /** ISO 4217, upper case. */
  currency: string;
}

/** `retain-order-recorded`: this device recorded the order for the first time (not on a reload, nor in another tab). */
export class RetainOrderRecordedEvent extends RetainEvent<OrderRecordedDetail> {
  constructor(detail: OrderRecordedDetail) {
    // The name as a literal, as every event's: the docs' table reads its detail from it (custom-elements-manifest.config.mjs).
    super('retain-order-recorded', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'retain-order-recorded': RetainOrderRecordedEvent;
  }
}
