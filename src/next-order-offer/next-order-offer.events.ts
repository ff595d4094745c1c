/** The events of `<retain-next-order-offer>`: one class each, named `retain-offer-<what happened>`. */
import { RetainEvent, type RetainDetail } from '../core/events.js';

/** Where the code came from: the store's list in the page (`codes`), or its endpoint (`offer-src`). */
export type OfferSource = 'pool' | 'store';

export interface OfferShownDetail extends RetainDetail {
  orderId: string;
  code: string;
  expiresAt: number;
  source: OfferSource;
  /** The smallest next order the code works on, in `currency`; null for none. */
  minimum: number | null;
  currency: string;
}

export interface OfferCodeDetail extends RetainDetail {
  code: string;
  /** `card` on the order page, `reminder` in the header reminder. */
  view: 'card' | 'reminder';
}

export interface OfferAppliedDetail extends OfferCodeDetail {
  url: string;
}

export interface OfferRemindedDetail extends RetainDetail {
  code: string;
  expiresAt: number;
}

export interface OfferRedeemedDetail extends RetainDetail {
  /** The order that used the code (the store's `order-codes` said so). */
  orderId: string;
  code: string;
  /** The order the code was handed out on. */
  handedOn: string;
}

/** A code was handed out for this order and shown (once per order on this device). Counted as `seen`. */
export class RetainOfferShownEvent extends RetainEvent<OfferShownDetail> {
  constructor(detail: OfferShownDetail) {
    super('retain-offer-shown', detail);
  }
}

/** The shopper copied the code. Counted as `copied`. */
export class RetainOfferCopiedEvent extends RetainEvent<OfferCodeDetail> {
  constructor(detail: OfferCodeDetail) {
    super('retain-offer-copied', detail);
  }
}

/** The shopper followed the apply link. Counted as `applied`. */
export class RetainOfferAppliedEvent extends RetainEvent<OfferAppliedDetail> {
  constructor(detail: OfferAppliedDetail) {
    super('retain-offer-applied', detail);
  }
}

/** The header reminder of an unused code came half into view (once per page view). Counted as `reminded`. */
export class RetainOfferRemindedEvent extends RetainEvent<OfferRemindedDetail> {
  constructor(detail: OfferRemindedDetail) {
    super('retain-offer-reminded', detail);
  }
}

/** An order page said that its order used the held code: the offer is over. Counted as `converted`. */
export class RetainOfferRedeemedEvent extends RetainEvent<OfferRedeemedDetail> {
  constructor(detail: OfferRedeemedDetail) {
    super('retain-offer-redeemed', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'retain-offer-shown': RetainOfferShownEvent;
    'retain-offer-copied': RetainOfferCopiedEvent;
    'retain-offer-applied': RetainOfferAppliedEvent;
    'retain-offer-reminded': RetainOfferRemindedEvent;
    'retain-offer-redeemed': RetainOfferRedeemedEvent;
  }
}
