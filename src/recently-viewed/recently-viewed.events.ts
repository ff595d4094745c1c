/** The events of `<retain-recently-viewed>`: one class each, named `retain-recently-viewed-<what happened>`. */
import { RetainEvent, type RetainDetail } from '../core/events.js';

export interface RecentlyViewedShownDetail extends RetainDetail {
  /** The products shown, in order (most recently viewed first): the store's ids. */
  productIds: string[];
}

export interface RecentlyViewedProductClickedDetail extends RetainDetail {
  productId: string;
  name: string;
  url: string;
  /** Where the card sat in the strip, from 1. */
  position: number;
  price?: number;
  currency?: string;
}

export interface RecentlyViewedClearedDetail extends RetainDetail {
  /** How many products the shopper cleared from this device. */
  cleared: number;
}

/** The strip came half into view with its products (once per page view). Counted as `seen`. */
export class RetainRecentlyViewedShownEvent extends RetainEvent<RecentlyViewedShownDetail> {
  constructor(detail: RecentlyViewedShownDetail) {
    super('retain-recently-viewed-shown', detail);
  }
}

/** The shopper followed a product's card. Counted as `clicked`. */
export class RetainRecentlyViewedProductClickedEvent extends RetainEvent<RecentlyViewedProductClickedDetail> {
  constructor(detail: RecentlyViewedProductClickedDetail) {
    super('retain-recently-viewed-product-clicked', detail);
  }
}

/** The shopper cleared their recently viewed products from this device. Counted as `cleared`. */
export class RetainRecentlyViewedClearedEvent extends RetainEvent<RecentlyViewedClearedDetail> {
  constructor(detail: RecentlyViewedClearedDetail) {
    super('retain-recently-viewed-cleared', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'retain-recently-viewed-shown': RetainRecentlyViewedShownEvent;
    'retain-recently-viewed-product-clicked': RetainRecentlyViewedProductClickedEvent;
    'retain-recently-viewed-cleared': RetainRecentlyViewedClearedEvent;
  }
}
