/** One order, normalized from any export (Shopify, WooCommerce, generic CSV). */
export interface ReportOrder {
  /** The order's id or name (Shopify `Name`, WooCommerce order number). */
  id: string;
  /** The customer's key, already hashed (SHA-256 hex of the lower-cased email or customer id). */
  customer: string;
  /** When it was placed: ms since the epoch. */
  placed: number;
  /** What the customer paid for the order, in `currency` units (the export's order total). */
  total: number;
  /** ISO 4217, upper case. */
  currency: string;
  /** Discount codes used, trimmed, upper case. */
  codes: string[];
}

/** Why an order of the export was left out of the figures. */
export type ExclusionReason = 'cancelled' | 'voided' | 'refunded' | 'test' | 'invalid';

export interface ReportOptions {
  /**
   * "Today" for recency and churn: an instant (ms since the epoch), whose day in `timeZone` is today, or a
   * calendar date `YYYY-MM-DD`, that day in `timeZone`. Default the latest order's date.
   */
  asOf?: number | string;
  /**
   * Days without an order after which a customer counts as lapsed; default from the store's own gaps
   * between orders (documented rule: `defaultLapseDays` in metrics/lapse.ts).
   */
  lapseDays?: number;
  /** Customer acquisition cost per currency, for CLV : CAC; `*`: for every currency without its own. */
  cac?: Record<string, number>;
  /**
   * IANA time zone in which orders fall on days and months (cohorts, returning rate per month, days
   * between orders). Default: the zone of the browser that computes, which is the owner's own.
   */
  timeZone?: string;
  /** Horizon of the predicted CLV, in days. Default 365. */
  horizonDays?: number;
}
