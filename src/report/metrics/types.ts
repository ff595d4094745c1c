/**
 * What `computeReport` returns: the report's figures, per currency. Every figure's formula is in its
 * comment, so the element can show it as the figure's definition.
 *
 * Conventions:
 * - Money is in the currency's own units (never converted, never summed across currencies), summed in
 *   thousandths of a unit so that sums are exact (no currency has more than 3 decimals).
 * - Rates are fractions from 0 to 1 (the element formats them as percentages).
 * - A "day" is a calendar day in the report's time zone; the days between two orders are the calendar
 *   days between them (two orders on the same day are 0 days apart). A "month" is `YYYY-MM` there.
 * - "asOf" is the report's "today": an order of that day is 0 days old.
 * - A figure that cannot be computed from the data is `null`, never `NaN` or `Infinity`.
 */

/** Orders handed to `computeReport` that it could not use, by reason. */
export interface SkippedOrders {
  /** Empty customer key, a date or total that is not a finite number, a negative total, or a currency that is not three letters. */
  invalid: number;
  /** Placed after the end of the asOf day, when the owner set asOf before the latest order. */
  afterAsOf: number;
}

/** An option that `computeReport` could not use, and what it used instead (for the element's console.warn). */
export interface IgnoredOption {
  option: 'asOf' | 'lapseDays' | 'cac' | 'timeZone' | 'horizonDays';
  /** The value given, as text. */
  value: string;
  /** What was used instead, as text. */
  used: string;
}

export interface ReportFigures {
  /**
   * The report's "today": ms since the epoch (the option, a date as its noon in the time zone, else the
   * latest valid order's date); its day in `timeZone` is the asOf day.
   */
  asOf: number;
  /** The IANA time zone of days and months. */
  timeZone: string;
  skipped: SkippedOrders;
  ignoredOptions: IgnoredOption[];
  /** One entry per currency present, most orders first (ties: currency code A–Z). */
  currencies: CurrencyFigures[];
}

export interface CurrencyFigures {
  /** ISO 4217 code. */
  currency: string;
  /** Distinct customer keys with at least one order in this currency. */
  customers: number;
  /** Orders in this currency. */
  orders: number;
  /** Revenue = Σ order totals in this currency. */
  revenue: number;
  /** The first order's date and the last one's, ms since the epoch. */
  firstOrder: number;
  lastOrder: number;
  /** Days of history = days from the first order's day to the asOf day, + 1 (both days counted). */
  historyDays: number;
  /** Average order value: AOV = revenue ÷ orders. */
  aov: number;
  /** Purchase frequency = orders ÷ customers (orders per customer over the whole export). */
  purchaseFrequency: number;
  /** Customers with 2 or more orders. */
  repeatCustomers: number;
  /** Repeat customer rate = customers with 2 or more orders ÷ customers. */
  repeatCustomerRate: number;
  /** Shopify's returning customer rate, month by month, oldest first, every month from the first order's to asOf's. */
  returningByMonth: MonthlyReturning[];
  /**
   * Median days between orders: the median, over every pair of consecutive orders of the same customer
   * (all customers' gaps pooled), of the calendar days between them. With an even count, the mean of
   * the two middle gaps. `null` when no customer has two orders.
   */
  medianDaysBetweenOrders: number | null;
  /** How many such gaps there are: orders − customers. */
  gapsBetweenOrders: number;
  lapse: LapseFigures;
  clv: HistoricClv;
  /** `null` when no positive CAC was given for this currency. */
  clvToCac: ClvToCac | null;
  cohorts: CohortRow[];
  rfm: RfmFigures;
  predicted: PredictedClv;
}

/**
 * Returning customer rate as Shopify's analytics defines it: "the percentage of customers that have
 * placed more than one order from your store, out of customers that placed an order within the
 * selected date range", with a calendar month as the date range. The "more than one order" counts
 * every order up to asOf, before or after the month, so a past month's rate grows as its customers
 * come back.
 */
export interface MonthlyReturning {
  /** `YYYY-MM`. */
  month: string;
  /** Customers with at least one order in the month. */
  customers: number;
  /** Of them, those with 2 or more orders in all (up to asOf). */
  returning: number;
  /** returning ÷ customers; `null` for a month without orders. */
  rate: number | null;
}

/** Where the lapse threshold came from. */
export type LapseSource =
  /** The owner's `lapseDays`. */
  | 'owner'
  /** The 90th percentile (nearest rank) of the store's gaps between consecutive orders, rounded up, at least 1. */
  | 'gaps'
  /** No customer has two orders yet, so no gap to learn from: 365 days. */
  | 'no-gaps';

export interface LapseFigures {
  /** Lapsed customers: the last order is more than `days` days before asOf (asOf day − last order day > days). */
  customers: number;
  /** Lapsed customers ÷ customers. */
  rate: number;
  /** The threshold N used, in days. */
  days: number;
  source: LapseSource;
}

/**
 * Historic customer lifetime value, two ways.
 *
 * 1. Revenue per customer = revenue ÷ customers: what a customer has been worth so far.
 * 2. AOV × frequency × lifespan, with the first order counted apart (a customer's first order starts
 *    the lifespan, the later ones come at the frequency during it):
 *    CLV = AOV × (1 + F × L), where
 *    - exposure of a customer = days from the first order to the last one if lapsed (their life ended
 *      there), else to asOf (still active); customer-years = Σ exposure ÷ 365.25;
 *    - F, repeat orders per active customer-year = (orders − customers) ÷ customer-years;
 *    - L, lifespan in years = customer-years ÷ lapsed customers (the mean of an exponential lifetime,
 *      estimated with the active customers' lives still running: the standard censored estimate).
 *    So CLV = AOV × (1 + (orders − customers) ÷ lapsed customers); it equals revenue per customer once
 *    every customer has lapsed, and is `null` while none has.
 */
export interface HistoricClv {
  /** revenue ÷ customers. */
  revenuePerCustomer: number;
  /** AOV × (1 + F × L); `null` when no customer has lapsed. */
  aovFrequencyLifespan: number | null;
  /** F = (orders − customers) ÷ customer-years; `null` when customer-years is 0. */
  repeatOrdersPerYear: number | null;
  /** L = customer-years ÷ lapsed customers; `null` when no customer has lapsed. */
  lifespanYears: number | null;
  /** Σ exposure ÷ 365.25. */
  customerYears: number;
}

/** CLV : CAC, the lifetime value a customer brings for each unit spent acquiring one (healthy ≈ 3). */
export interface ClvToCac {
  /** The owner's acquisition cost per customer, in this currency. */
  cac: number;
  /** Revenue per customer ÷ CAC. */
  ratio: number;
  /** AOV × (1 + F × L) ÷ CAC; `null` when that CLV is. */
  projectedRatio: number | null;
}

/** One cohort: the customers whose first order (in this currency) fell in one month. */
export interface CohortRow {
  /** `YYYY-MM` of the first order. */
  month: string;
  /** Customers in the cohort. */
  customers: number;
  /**
   * active[k] = customers of the cohort with at least one order in the k-th month after the cohort's
   * month (k = 0 is the month itself, so active[0] = customers), for every month up to asOf's.
   */
  active: number[];
  /** retention[k] = active[k] ÷ customers. */
  retention: number[];
}

/** RFM segment keys (the element translates them), in the order the report shows them. */
export type RfmSegmentName = 'champions' | 'loyal' | 'potential-loyalists' | 'new' | 'at-risk' | 'cant-lose' | 'hibernating' | 'lost';

/** A score from 1 (worst) to 5 (best). */
export type RfmScore = 1 | 2 | 3 | 4 | 5;

/** One customer's RFM values and scores. */
export interface RfmCustomer {
  /** The customer's (hashed) key. */
  customer: string;
  /** Recency: days from the last order's day to asOf's. */
  recencyDays: number;
  /** Frequency: the customer's orders. */
  orders: number;
  /** Money: the customer's revenue (Σ their order totals). */
  revenue: number;
  r: RfmScore;
  f: RfmScore;
  m: RfmScore;
}

export interface RfmSegment {
  segment: RfmSegmentName;
  /** Customers in the segment. */
  customers: number;
  /** Σ revenue of its customers. */
  revenue: number;
  /** Its customers, most revenue first (ties: key A–Z): what "export this segment" writes. */
  members: RfmCustomer[];
}

/**
 * RFM: recency, frequency and money, each scored 1–5 by quintiles with ties kept together:
 * score = ⌈5 × rank ÷ customers⌉, rank = 1 + customers with a strictly worse value, where worse is
 * more days since the last order (R), fewer orders (F), less revenue (M). Equal values always get
 * equal scores (the lowest rank of their group); for distinct values it is SQL's NTILE(5).
 *
 * Segments from the (R, F) pair, the widely used RFM grid:
 * | R \ F | 1 | 2 | 3 | 4 | 5 |
 * |---|---|---|---|---|---|
 * | 5 | New | Potential loyalists | Potential loyalists | Champions | Champions |
 * | 4 | New | Potential loyalists | Potential loyalists | Loyal | Loyal |
 * | 3 | Hibernating | Hibernating | Potential loyalists | Loyal | Loyal |
 * | 2 | Hibernating | Hibernating | At risk | At risk | Can't lose |
 * | 1 | Lost | Lost | At risk | At risk | Can't lose |
 * The M score is given per customer for the export, and does not move a customer between segments.
 */
export interface RfmFigures {
  /** All eight segments, in `RfmSegmentName` order, empty ones included. */
  segments: RfmSegment[];
}

/** Why the predicted CLV is not shown. */
export type PredictionReason =
  /** Fewer than 500 customers. */
  | 'too-few-customers'
  /** Less than 180 days from the first order to asOf. */
  | 'too-short-history'
  /** Fewer than 20 customers who ordered on 3 or more different days. */
  | 'too-few-frequent-customers'
  /** The BG/NBD fit did not converge to finite parameters. */
  | 'purchase-fit-failed'
  /** The Gamma-Gamma fit did not converge, or gave q ≤ 1 (mean spend undefined). */
  | 'spend-fit-failed';

/** BG/NBD parameters (Fader, Hardie & Lee 2005), time in days. */
export interface BgNbdParameters {
  /** Shape and scale of the gamma distribution of purchase rates λ (purchases per day). */
  r: number;
  alpha: number;
  /** Beta distribution of the drop-out probability p after each purchase. */
  a: number;
  b: number;
}

/** Gamma-Gamma parameters (Fader, Hardie & Lee 2005, "RFM and CLV"): spend per order. */
export interface GammaGammaParameters {
  p: number;
  q: number;
  gamma: number;
}

export type PredictedClv =
  | {
      shown: false;
      reason: PredictionReason;
      /** The threshold not met, and what the data has (for the element's sentence); both 0 for a failed fit. */
      needed: number;
      found: number;
    }
  | {
      shown: true;
      /** The prediction's horizon in days. */
      horizonDays: number;
      purchases: BgNbdParameters & { logLikelihood: number };
      spend: GammaGammaParameters & { logLikelihood: number; customers: number };
      /**
       * Expected repeat orders in the horizon, Σ over customers of the BG/NBD conditional expectation
       * E[Y(t) | x, tₓ, T] (x = repeat order days, tₓ = days from first to last order, T = days from first order to asOf).
       */
      expectedOrders: number;
      /** Expected revenue in the horizon: Σ over customers of E[Y(t) | x, tₓ, T] × E[spend | x, m̄ₓ] (Gamma-Gamma, no discounting). */
      expectedRevenue: number;
      /** Predicted CLV per customer = expectedRevenue ÷ customers. */
      clvPerCustomer: number;
      /** Mean over customers of P(alive | x, tₓ, T). */
      meanProbabilityAlive: number;
    };
