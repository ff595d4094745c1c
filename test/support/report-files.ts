/**
 * Export files for the report's tests, in the platforms' own layouts: Shopify's orders export (its full
 * header, one row per line item, the order's columns on its first row only), WooCommerce Analytics'
 * orders and customers downloads, a WooCommerce export plugin's snake_case columns, and the kit's
 * forwarded events as JSON lines.
 */

export const SHOPIFY_HEADER = [
  'Name',
  'Email',
  'Financial Status',
  'Paid at',
  'Fulfillment Status',
  'Fulfilled at',
  'Accepts Marketing',
  'Currency',
  'Subtotal',
  'Shipping',
  'Taxes',
  'Total',
  'Discount Code',
  'Discount Amount',
  'Shipping Method',
  'Created at',
  'Lineitem quantity',
  'Lineitem name',
  'Lineitem price',
  'Lineitem compare at price',
  'Lineitem sku',
  'Lineitem requires shipping',
  'Lineitem taxable',
  'Lineitem fulfillment status',
  'Billing Name',
  'Billing Street',
  'Billing Address1',
  'Billing Address2',
  'Billing Company',
  'Billing City',
  'Billing Zip',
  'Billing Province',
  'Billing Country',
  'Billing Phone',
  'Shipping Name',
  'Shipping Street',
  'Shipping Address1',
  'Shipping Address2',
  'Shipping Company',
  'Shipping City',
  'Shipping Zip',
  'Shipping Province',
  'Shipping Country',
  'Shipping Phone',
  'Notes',
  'Note Attributes',
  'Cancelled at',
  'Payment Method',
  'Payment Reference',
  'Refunded Amount',
  'Vendor',
  'Outstanding Balance',
  'Employee',
  'Location',
  'Device ID',
  'Id',
  'Tags',
  'Risk Level',
  'Source',
  'Lineitem discount',
  'Tax 1 Name',
  'Tax 1 Value',
  'Tax 2 Name',
  'Tax 2 Value',
  'Tax 3 Name',
  'Tax 3 Value',
  'Tax 4 Name',
  'Tax 4 Value',
  'Tax 5 Name',
  'Tax 5 Value',
  'Phone',
  'Receipt Number',
  'Duties',
  'Billing Province Name',
  'Shipping Province Name',
  'Payment ID',
  'Payment Terms Name',
  'Next Payment Due At',
  'Payment References',
];

export interface ShopifyOrder {
  name: string;
  email: string;
  /** `2024-05-01 10:00:00 +0000` */
  created: string;
  total: string;
  currency?: string;
  financial?: string;
  cancelledAt?: string;
  code?: string;
  refunded?: string;
  payment?: string;
  /** Line items (rows); default 1. */
  lines?: number;
  /** Overrides of cells by header name, on the first row. */
  cells?: Record<string, string>;
}

const quote = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function csv(header: string[], rows: string[][]): string {
  return `${[header, ...rows].map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** Shopify's orders export for these orders. */
export function shopifyCsv(orders: ShopifyOrder[]): string {
  const at = (name: string) => SHOPIFY_HEADER.indexOf(name);
  const rows: string[][] = [];
  for (const order of orders) {
    const first = SHOPIFY_HEADER.map(() => '');
    const set = (name: string, value: string | undefined) => value !== undefined && (first[at(name)] = value);
    set('Name', order.name);
    set('Email', order.email);
    set('Financial Status', order.financial ?? 'paid');
    set('Paid at', order.created);
    set('Fulfillment Status', 'fulfilled');
    set('Currency', order.currency ?? 'EUR');
    set('Subtotal', order.total);
    set('Shipping', '0.00');
    set('Taxes', '0.00');
    set('Total', order.total);
    set('Discount Code', order.code);
    set('Created at', order.created);
    set('Lineitem quantity', '1');
    set('Lineitem name', 'Earl Grey Cream, 100 g');
    set('Lineitem price', order.total);
    set('Billing Name', 'A Customer');
    set('Cancelled at', order.cancelledAt);
    set('Payment Method', order.payment ?? 'Shopify Payments');
    set('Refunded Amount', order.refunded ?? '0.00');
    set('Source', 'web');
    for (const [name, value] of Object.entries(order.cells ?? {})) set(name, value);
    rows.push(first);
    for (let line = 1; line < (order.lines ?? 1); line++) {
      const row = SHOPIFY_HEADER.map(() => '');
      row[at('Name')] = order.name;
      row[at('Lineitem quantity')] = '1';
      row[at('Lineitem name')] = `Sencha, tin ${line}`;
      row[at('Lineitem price')] = '5.00';
      rows.push(row);
    }
  }
  return csv(SHOPIFY_HEADER, rows);
}

export const WOO_ANALYTICS_HEADER = [
  'Date',
  'Order #',
  'N. Revenue (formatted)',
  'Status',
  'Customer',
  'Customer type',
  'Product(s)',
  'Items sold',
  'Coupon(s)',
  'Net Sales',
  'Attribution',
];
export const WOO_CUSTOMERS_HEADER = [
  'Name',
  'Username',
  'Last Active',
  'Sign Up',
  'Email',
  'Orders',
  'Total Spend',
  'AOV',
  'Country / Region',
  'City',
  'Region',
  'Postal Code',
];
export const WOO_PLUGIN_HEADER = [
  'order_id',
  'order_number',
  'order_date',
  'status',
  'shipping_total',
  'tax_total',
  'discount_total',
  'order_total',
  'refunded_total',
  'order_currency',
  'payment_method',
  'customer_id',
  'billing_first_name',
  'billing_last_name',
  'billing_email',
  'coupon_items',
];

/** One order of a WooCommerce export plugin's CSV (`WOO_PLUGIN_HEADER`), in USD. */
export function wooPluginRow(order: {
  id: string;
  date: string;
  status: string;
  total: string;
  refunded?: string;
  customerId: string;
  email: string;
  coupons?: string;
}): string[] {
  const [first, last] = order.email.split('@')[0].split('.');
  return [
    order.id,
    order.id,
    order.date,
    order.status,
    '5',
    '0',
    '0',
    order.total,
    order.refunded ?? '0',
    'USD',
    'stripe',
    order.customerId,
    first,
    last ?? '',
    order.email,
    order.coupons ?? '',
  ];
}

export const file = (text: string, name: string, type = 'text/csv') => new File([text], name, { type });

/** A small Shopify export: three orders of two customers, one of whom came back. */
export const threeOrdersFile = () =>
  file(
    shopifyCsv([
      { name: '#1', email: 'ann@example.com', created: '2024-01-10 10:00:00 +0000', total: '20.00' },
      { name: '#2', email: 'bob@example.com', created: '2024-02-10 10:00:00 +0000', total: '30.00' },
      { name: '#3', email: 'ann@example.com', created: '2024-03-10 10:00:00 +0000', total: '40.00' },
    ]),
    'orders.csv',
  );

/** One forwarded event as the store's endpoint receives it (`events[]` of a batch). */
export function eventLine(
  name: string,
  detail: Record<string, unknown> = {},
  id = `${name}-${Math.random().toString(36).slice(2)}`,
): string {
  return JSON.stringify({
    id,
    name,
    cancelled: false,
    detail: { id, widget: name.split('-')[1], instance: 'default', timestamp: Date.UTC(2024, 5, 1), ...detail },
  });
}
