/**
 * Which export a file is, from its header row, and where each order field is in it. The header lists
 * are the platforms' own:
 * - Shopify's orders export (Orders → Export → CSV): one row per line item, the order's own columns
 *   (`Email`, `Financial Status`, `Total`, `Currency`, `Created at`, `Cancelled at`, …) on its first
 *   row only, every row carrying the order's `Name`.
 * - WooCommerce Analytics → Orders → Download: `Date`, `Order #`, `N. Revenue (formatted)`, `Status`,
 *   `Customer` (a name), `Customer type`, `Product(s)`, `Items sold`, `Coupon(s)`, `Net Sales`,
 *   `Attribution`; with Analytics → Customers → Download (`Name`, `Username`, `Last Active`, `Sign Up`,
 *   `Email`, `Orders`, `Total Spend`, …) to tell customers apart by email.
 * - WooCommerce order export plugins (Customer/Order/Coupon Export, Order Export & Import): snake_case
 *   columns `order_id`/`order_number`, `order_date`, `status`, `order_total`, `order_currency`,
 *   `billing_email`/`customer_email`, `customer_id`, `coupon_items`, `refunded_total`.
 * - Anything else: the owner maps the columns (`generic`).
 */
import type { ExclusionReason } from './model.js';

export type SourceFormat = 'shopify' | 'woocommerce' | 'woocommerce-analytics' | 'generic';

/** The order fields a mapping fills: the first four are required, currency is a column or a fixed code. */
export const MAPPED_FIELDS = ['id', 'customer', 'placed', 'total', 'currency', 'status', 'codes'] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];
export const REQUIRED_FIELDS: readonly MappedField[] = ['id', 'customer', 'placed', 'total'];

/** The owner's mapping of a generic file: a header name per field, and a currency for files without one. */
export interface ColumnMapping {
  columns: Partial<Record<MappedField, string>>;
  currency?: string;
}

/** Where each field of an order is: column indexes, -1 when the export has no such column. */
export interface Layout {
  format: SourceFormat;
  id: number;
  /** Identity columns, best first: an email, else a customer id, else a name. */
  email: number;
  customerId: number;
  customerName: number;
  placed: number;
  /** Read when `placed` is empty (Shopify's `Paid at`). */
  placedAlt: number;
  total: number;
  currency: number;
  /** Used when there is no currency column. */
  fixedCurrency?: string;
  codes: number;
  status: number;
  cancelledAt: number;
  refunded: number;
  test: number;
  payment: number;
  /** A column holding the currency inside formatted amounts (WooCommerce's `N. Revenue (formatted)`). */
  formattedTotal: number;
}

/** What detection found: a layout to read with, or what stops it (missing columns, a currency to ask for). */
export type Detection =
  | { ok: true; layout: Layout }
  | {
      ok: false;
      format: SourceFormat | 'woocommerce-customers';
      /** Header names the format needs but the file lacks (empty for an unknown file). */
      missing: string[];
      /** The file has no currency column and none was given: the owner names one. */
      needsCurrency: boolean;
      /** A first guess at the mapping, for the owner to correct. */
      guess: ColumnMapping;
    };

const normalize = (name: string) =>
  name
    .replace(/^\ufeff/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');

/** Finds columns by name, in any letter case, spaces or underscores alike. */
class Header {
  private readonly index = new Map<string, number>();
  constructor(readonly names: string[]) {
    names.forEach((name, i) => {
      const key = normalize(name);
      if (!this.index.has(key)) this.index.set(key, i);
    });
  }
  /** The index of the first of `candidates` present, else -1. */
  find(...candidates: string[]): number {
    for (const candidate of candidates) {
      const i = this.index.get(normalize(candidate));
      if (i !== undefined) return i;
    }
    return -1;
  }
  has(...candidates: string[]): boolean {
    return this.find(...candidates) >= 0;
  }
}

const none = (format: SourceFormat): Omit<Layout, 'id' | 'placed' | 'total'> => ({
  format,
  email: -1,
  customerId: -1,
  customerName: -1,
  placedAlt: -1,
  currency: -1,
  codes: -1,
  status: -1,
  cancelledAt: -1,
  refunded: -1,
  test: -1,
  payment: -1,
  formattedTotal: -1,
});

const SHOPIFY_REQUIRED = ['Name', 'Email', 'Financial Status', 'Created at', 'Total', 'Currency'];

function shopify(h: Header): Layout {
  return {
    ...none('shopify'),
    id: h.find('Name'),
    email: h.find('Email'),
    placed: h.find('Created at'),
    placedAlt: h.find('Paid at'),
    total: h.find('Total'),
    currency: h.find('Currency'),
    codes: h.find('Discount Code'),
    status: h.find('Financial Status'),
    cancelledAt: h.find('Cancelled at'),
    refunded: h.find('Refunded Amount'),
    test: h.find('Test'),
    payment: h.find('Payment Method'),
  };
}

function wooPlugin(h: Header): Layout {
  return {
    ...none('woocommerce'),
    id: h.find('order_number', 'order_number_formatted', 'order_id'),
    email: h.find('billing_email', 'customer_email'),
    customerId: h.find('customer_id', 'customer_user'),
    placed: h.find('order_date', 'date', 'date_created'),
    placedAlt: h.find('paid_date', 'date_paid'),
    total: h.find('order_total', 'total'),
    currency: h.find('order_currency', 'currency'),
    codes: h.find('coupon_items', 'coupons', 'coupon_code', 'coupon'),
    status: h.find('status', 'order_status'),
    refunded: h.find('refunded_total', 'order_refund', 'refund_total'),
  };
}

function wooAnalytics(h: Header): Layout {
  return {
    ...none('woocommerce-analytics'),
    id: h.find('Order #'),
    customerName: h.find('Customer'),
    placed: h.find('Date'),
    total: h.find('Net Sales'),
    codes: h.find('Coupon(s)'),
    status: h.find('Status'),
    formattedTotal: h.find('N. Revenue (formatted)'),
  };
}

/** Header names a generic file often uses for each field, best first (for the first guess of a mapping). */
const SYNONYMS: Record<MappedField, string[]> = {
  id: ['order id', 'order', 'order number', 'order no', 'order #', 'order_id', 'order name', 'id', 'number', 'name'],
  customer: ['email', 'customer email', 'e-mail', 'billing email', 'customer', 'customer id', 'client', 'buyer'],
  placed: ['created at', 'date', 'order date', 'created', 'placed at', 'purchase date', 'paid at', 'timestamp', 'time'],
  total: ['total', 'order total', 'amount', 'total price', 'grand total', 'revenue', 'sales', 'price', 'value'],
  currency: ['currency', 'currency code', 'order currency'],
  status: ['status', 'order status', 'financial status', 'state'],
  codes: ['discount code', 'discount codes', 'coupon', 'coupons', 'coupon code', 'promo code', 'voucher'],
};

/** The first guess of a mapping: for each field, the first synonym present and not taken by another field. */
export function guessMapping(names: string[]): ColumnMapping {
  const h = new Header(names);
  const taken = new Set<number>();
  const columns: ColumnMapping['columns'] = {};
  for (const field of MAPPED_FIELDS) {
    const i = SYNONYMS[field].map((name) => h.find(name)).find((index) => index >= 0 && !taken.has(index));
    if (i !== undefined) {
      taken.add(i);
      columns[field] = names[i];
    }
  }
  return { columns };
}

/** The layout of a generic file from the owner's mapping, or the fields it still lacks. */
export function layoutFromMapping(names: string[], mapping: ColumnMapping): Layout | MappedField[] {
  const h = new Header(names);
  const at = (field: MappedField) => {
    const name = mapping.columns[field];
    return name ? h.find(name) : -1;
  };
  const missing = REQUIRED_FIELDS.filter((field) => at(field) < 0);
  const currency = at('currency');
  if (currency < 0 && !mapping.currency) missing.push('currency');
  if (missing.length) return missing;
  const customer = at('customer');
  const isEmail = /e-?mail/i.test(names[customer]);
  return {
    ...none('generic'),
    id: at('id'),
    email: isEmail ? customer : -1,
    customerId: isEmail ? -1 : customer,
    placed: at('placed'),
    total: at('total'),
    currency,
    fixedCurrency: currency < 0 ? mapping.currency : undefined,
    codes: at('codes'),
    status: at('status'),
  };
}

/** Whether a header row is WooCommerce Analytics' customers download (it names customers, not orders). */
export function isWooCustomers(names: string[]): boolean {
  const h = new Header(names);
  return h.has('Name') && h.has('Email') && h.has('Total Spend') && !h.has('Order #');
}

/**
 * Recognizes an export by its header row. `currency` is the element's `currency` attribute, for
 * exports that carry none.
 */
export function detect(names: string[], currency?: string): Detection {
  const h = new Header(names);
  const missingOf = (required: string[]) => required.filter((name) => !h.has(name));
  const guess = guessMapping(names);
  if (isWooCustomers(names)) return { ok: false, format: 'woocommerce-customers', missing: [], needsCurrency: false, guess };
  if (h.has('Name') && (h.has('Financial Status') || h.has('Lineitem quantity') || h.has('Lineitem name'))) {
    const missing = missingOf(SHOPIFY_REQUIRED);
    return missing.length ? { ok: false, format: 'shopify', missing, needsCurrency: false, guess } : { ok: true, layout: shopify(h) };
  }
  if (h.has('Order #') && h.has('Status')) {
    const missing = missingOf(['Order #', 'Date', 'Customer', 'Net Sales', 'Status']);
    const layout = wooAnalytics(h);
    const needsCurrency = !currency;
    if (missing.length || needsCurrency) return { ok: false, format: 'woocommerce-analytics', missing, needsCurrency, guess };
    return { ok: true, layout: { ...layout, fixedCurrency: currency } };
  }
  if (h.has('order_total') && h.has('order_id', 'order_number')) {
    const layout = wooPlugin(h);
    const missing: string[] = [];
    if (layout.placed < 0) missing.push('order_date');
    if (layout.email < 0 && layout.customerId < 0) missing.push('billing_email');
    const needsCurrency = layout.currency < 0 && !currency;
    if (missing.length || needsCurrency) return { ok: false, format: 'woocommerce', missing, needsCurrency, guess };
    return { ok: true, layout: { ...layout, fixedCurrency: layout.currency < 0 ? currency : undefined } };
  }
  return { ok: false, format: 'generic', missing: [], needsCurrency: !guess.columns.currency && !currency, guess };
}

/** The reason an order is left out, from its status words; `undefined` keeps it. */
export function exclusionOf(
  format: SourceFormat,
  cells: { status: string; cancelledAt: string; refunded: boolean; test: boolean; payment: string },
): ExclusionReason | undefined {
  const status = cells.status
    .trim()
    .toLowerCase()
    .replace(/^wc-/, '')
    .replace(/[\s_]+/g, '-');
  // Shopify's test gateway is the "Bogus Gateway"; a `Test` column says so outright.
  if (cells.test || /\bbogus\b/i.test(cells.payment) || status === 'test') return 'test';
  if (cells.cancelledAt.trim() || status === 'cancelled' || status === 'canceled' || status === 'trash') return 'cancelled';
  if (status === 'voided' || status === 'expired') return 'voided';
  // WooCommerce: a failed or never-paid checkout is not an order the customer paid for.
  if (format !== 'shopify' && (status === 'failed' || status === 'pending' || status === 'pending-payment' || status === 'checkout-draft'))
    return 'voided';
  if (status === 'refunded' || cells.refunded) return 'refunded';
  return undefined;
}

/** A currency from a formatted amount's symbol (`€12.00`, `12,00 ₴`), when the symbol names one currency. */
export function currencyOfSymbol(formatted: string): string | undefined {
  const symbols: [RegExp, string][] = [
    [/€/, 'EUR'],
    [/£/, 'GBP'],
    [/₴|грн/i, 'UAH'],
    [/₽|руб/i, 'RUB'],
    [/\bFt\b/, 'HUF'],
    [/zł/i, 'PLN'],
    [/Kč/, 'CZK'],
    [/₹/, 'INR'],
  ];
  const code = /\b[A-Z]{3}\b/.exec(formatted)?.[0];
  if (code) return code;
  return symbols.find(([pattern]) => pattern.test(formatted))?.[1];
}
