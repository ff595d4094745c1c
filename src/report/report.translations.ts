/**
 * Texts of `<retain-report>`: English here (the fallback), ru, uk and hu in translations/, each its own
 * chunk loaded only on a page in that language. Arguments: `n` counts, `row` a spreadsheet row, `column`
 * a header name, `value` a cell, `days`, `date`, `name`, `currency`, `formats` …
 */
import type { Terms, Translations } from '../core/localize.js';

export type ReportTerm =
  | 'title'
  | 'intro'
  | 'drop'
  | 'dropHint'
  | 'choose'
  | 'phase.fetch'
  | 'phase.customers'
  | 'phase.orders'
  | 'phase.hash'
  | 'phase.events'
  | 'phase.compute'
  | 'cancel'
  | 'cancelled'
  | 'mappingTitle'
  | 'mappingUnknown'
  | 'mappingMissing'
  | 'mappingCurrency'
  | 'mappingCustomers'
  | 'field.id'
  | 'field.customer'
  | 'field.placed'
  | 'field.total'
  | 'field.currency'
  | 'field.status'
  | 'field.codes'
  | 'fixedCurrency'
  | 'noColumn'
  | 'sample'
  | 'readWithMapping'
  | 'chooseColumn'
  | 'badCurrencyCode'
  | 'format.shopify'
  | 'format.woocommerce'
  | 'format.woocommerce-analytics'
  | 'format.generic'
  | 'format.woocommerce-customers'
  | 'source'
  | 'computed'
  | 'reopened'
  | 'forget'
  | 'forgotten'
  | 'newFile'
  | 'print'
  | 'byName'
  | 'currencyFrom.attribute'
  | 'currencyFrom.symbol'
  | 'currencyFrom.mapping'
  | 'excludedTitle'
  | 'excluded'
  | 'reason.cancelled'
  | 'reason.voided'
  | 'reason.refunded'
  | 'reason.test'
  | 'reason.invalid'
  | 'noneExcluded'
  | 'problemsTitle'
  | 'andMore'
  | 'problem.empty-file'
  | 'problem.bad-date'
  | 'problem.bad-number'
  | 'problem.bad-currency'
  | 'problem.mixed-currency'
  | 'problem.missing-value'
  | 'problem.no-customer'
  | 'problem.no-id'
  | 'problem.open-quote'
  | 'problem.bad-quote'
  | 'problem.field-count'
  | 'problem.bad-event-line'
  | 'file.customers'
  | 'file.events'
  | 'fail.no-orders'
  | 'fail.fetch-failed'
  | 'fail.worker-error'
  | 'fail.worker-blocked'
  | 'currency'
  | 'currencies'
  | 'period'
  | 'figuresTitle'
  | 'fig.customers'
  | 'fig.orders'
  | 'fig.revenue'
  | 'fig.aov'
  | 'fig.frequency'
  | 'fig.repeatRate'
  | 'fig.medianGap'
  | 'fig.lapsed'
  | 'fig.clvRevenue'
  | 'fig.clvProjected'
  | 'fig.clvCac'
  | 'def.customers'
  | 'def.orders'
  | 'def.revenue'
  | 'def.aov'
  | 'def.frequency'
  | 'def.repeatRate'
  | 'def.medianGap'
  | 'def.lapsed'
  | 'def.clvRevenue'
  | 'def.clvProjected'
  | 'def.clvCac'
  | 'def.returning'
  | 'def.cohorts'
  | 'def.rfm'
  | 'def.predicted'
  | 'val.frequency'
  | 'val.repeatRate'
  | 'val.days'
  | 'val.noGaps'
  | 'val.lapsed'
  | 'lapse.owner'
  | 'lapse.gaps'
  | 'lapse.no-gaps'
  | 'val.clvParts'
  | 'val.noLapsed'
  | 'val.cacRatio'
  | 'val.noCac'
  | 'returningTitle'
  | 'col.month'
  | 'col.customers'
  | 'col.returning'
  | 'col.rate'
  | 'cohortsTitle'
  | 'col.cohort'
  | 'col.monthN'
  | 'cohortYear'
  | 'cohortsShown'
  | 'curveTitle'
  | 'rfmTitle'
  | 'col.segment'
  | 'col.revenue'
  | 'col.share'
  | 'col.export'
  | 'seg.champions'
  | 'seg.loyal'
  | 'seg.potential-loyalists'
  | 'seg.new'
  | 'seg.at-risk'
  | 'seg.cant-lose'
  | 'seg.hibernating'
  | 'seg.lost'
  | 'segDef.champions'
  | 'segDef.loyal'
  | 'segDef.potential-loyalists'
  | 'segDef.new'
  | 'segDef.at-risk'
  | 'segDef.cant-lose'
  | 'segDef.hibernating'
  | 'segDef.lost'
  | 'exportCsv'
  | 'exportLabel'
  | 'exported'
  | 'exportNeedsFile'
  | 'predictedTitle'
  | 'pred.orders'
  | 'pred.revenue'
  | 'pred.clv'
  | 'pred.alive'
  | 'pred.params'
  | 'why.too-few-customers'
  | 'why.too-short-history'
  | 'why.too-few-frequent-customers'
  | 'why.purchase-fit-failed'
  | 'why.spend-fit-failed'
  | 'funnelsTitle'
  | 'funnelsEmpty'
  | 'funnelsPeriod'
  | 'funnel.spin'
  | 'funnel.account'
  | 'funnel.reviews'
  | 'step.spin-shown'
  | 'step.spin-spun'
  | 'step.spin-won'
  | 'step.spin-copied'
  | 'step.spin-applied'
  | 'step.spin-orders'
  | 'step.spin-revenue'
  | 'step.account-shown'
  | 'step.account-requested'
  | 'step.account-created'
  | 'step.reviews-seen'
  | 'step.reviews-helpful'
  | 'col.step'
  | 'col.count'
  | 'col.ofPrevious'
  | 'settingsTitle'
  | 'lapseLabel'
  | 'lapseHint'
  | 'cacLabel'
  | 'recompute'
  | 'settingsNeedFile';

/** Ends a sentence with a date or a word that may end with a period already ("5 дек. 2026 г.", "2026. dec. 5."). */
export const sentence = (text: string): string => (text.endsWith('.') ? text : `${text}.`);

const en: Terms<ReportTerm> = {
  title: 'Retention report',
  intro: 'Your store’s retention figures, computed in this browser from your orders export. The file never leaves it.',
  drop: 'Drop your orders export here',
  dropHint:
    'Shopify’s or WooCommerce’s orders export, or any CSV of orders. Add the WooCommerce customers export and the kit’s forwarded events (JSON lines) alongside, if you have them.',
  choose: 'Choose files',
  'phase.fetch': 'Downloading the export…',
  'phase.customers': 'Reading the customers…',
  'phase.orders': 'Reading the orders…',
  'phase.hash': 'Hashing customer identities…',
  'phase.events': 'Counting the kit’s events…',
  'phase.compute': 'Computing the figures…',
  cancel: 'Cancel',
  cancelled: 'Cancelled. Nothing was kept.',
  mappingTitle: 'Which column is which?',
  mappingUnknown: 'These columns are not from an export the report knows. Say which column holds what.',
  mappingMissing: (a) => `This looks like a ${a.format} file, but it lacks ${a.columns}. Pick the columns to use instead.`,
  mappingCurrency: 'This export has no currency column: name the currency of its amounts.',
  mappingCustomers: 'This is a customers export. Add the orders export with it.',
  'field.id': 'Order id',
  'field.customer': 'Customer (email or id)',
  'field.placed': 'Order date',
  'field.total': 'Order total',
  'field.currency': 'Currency',
  'field.status': 'Status (optional)',
  'field.codes': 'Discount codes (optional)',
  fixedCurrency: 'Or one currency for every order (ISO code, such as EUR)',
  noColumn: '(none)',
  sample: 'The first rows of the file',
  readWithMapping: 'Read the file with these columns',
  chooseColumn: 'Choose a column.',
  badCurrencyCode: 'Choose a currency column, or type a three-letter code such as EUR.',
  'format.shopify': 'Shopify orders export',
  'format.woocommerce': 'WooCommerce orders export',
  'format.woocommerce-analytics': 'WooCommerce Analytics orders',
  'format.generic': 'CSV with your column mapping',
  'format.woocommerce-customers': 'WooCommerce customers export',
  source: (a, l) =>
    `${a.name}: ${a.format}, ${l.number(a.rows as number)} ${l.plural(a.rows as number, { one: 'row', other: 'rows' })}, ${l.number(a.orders as number)} ${l.plural(a.orders as number, { one: 'order', other: 'orders' })}.`,
  computed: (a) => sentence(`Computed ${a.date}`),
  reopened: (a) => `${sentence(`Saved report of ${a.date}`)} To export a segment’s customers or change the settings, drop the file again.`,
  forget: 'Forget this report',
  forgotten: 'The report is forgotten: nothing of it is kept in this browser.',
  newFile: 'Read other files',
  print: 'Print',
  byName: 'Customers are told apart by name only: add the WooCommerce customers export to tell them apart by email.',
  'currencyFrom.attribute': (a) => `The export has no currency column: its amounts are read as ${a.currency}.`,
  'currencyFrom.symbol': (a) => `The export has no currency column: its amounts’ symbol says ${a.currency}.`,
  'currencyFrom.mapping': (a) => `Amounts are read as ${a.currency}, as you chose.`,
  excludedTitle: 'Left out of the figures',
  excluded: (a, l) => `${l.number(a.n as number)} ${l.plural(a.n as number, { one: 'order', other: 'orders' })} left out:`,
  'reason.cancelled': 'cancelled',
  'reason.voided': 'voided or never paid',
  'reason.refunded': 'refunded in full',
  'reason.test': 'test orders',
  'reason.invalid': 'unreadable (see the problems below)',
  noneExcluded: 'No order was left out.',
  problemsTitle: (a, l) =>
    `${l.number(a.n as number)} ${l.plural(a.n as number, { one: 'problem', other: 'problems' })} in the files; the rows around them were read.`,
  andMore: (a, l) => `…and ${l.number(a.n as number)} more.`,
  'problem.empty-file': 'The file is empty: it has no header row.',
  'problem.bad-date': (a) => `Row ${a.row}: “${a.column}” is not a date (“${a.value}”). The order is left out.`,
  'problem.bad-number': (a) => `Row ${a.row}: “${a.column}” is not an amount (“${a.value}”). The order is left out.`,
  'problem.bad-currency': (a) => `Row ${a.row}: “${a.column}” is not a currency code (“${a.value}”). The order is left out.`,
  'problem.mixed-currency': (a) =>
    `Row ${a.row}: this row of the order is in ${a.value}, its first row in ${a.expected}. The order is left out.`,
  'problem.missing-value': (a) => `Row ${a.row}: the order has no “${a.column}”. It is left out.`,
  'problem.no-customer': (a) => `Row ${a.row}: the order names no customer (no email or customer id). It is left out.`,
  'problem.no-id': (a) => `Row ${a.row}: no order id (“${a.column}”). The row is skipped.`,
  'problem.open-quote': (a) => `Row ${a.row}: a quote opened here is never closed. The row is skipped; the rows after it were read.`,
  'problem.bad-quote': (a) => `Row ${a.row}: a quote inside a field is malformed. The row is skipped.`,
  'problem.field-count': (a) => `Row ${a.row}: ${a.value} fields where the header has ${a.expected}. The row is skipped.`,
  'problem.bad-event-line': (a) => `Line ${a.row}: not a JSON event. The line is skipped.`,
  'file.customers': 'Customers export',
  'file.events': 'Events file',
  'fail.no-orders': 'None of these files is an orders export. Choose the orders export (with the other files, if any).',
  'fail.fetch-failed': (a) => `The export could not be downloaded (${a.value}).`,
  'fail.worker-error': (a) => `The report stopped on an error: ${a.value}`,
  'fail.worker-blocked':
    'The report’s worker could not start. Serve the kit’s files from this page’s own site (a browser runs a worker only from the page’s origin).',
  currency: 'Currency',
  currencies: (a, l) => `This export has orders in ${l.number(a.n as number)} currencies: each has its own figures, never summed.`,
  period: (a) => sentence(`Orders from ${a.from} to ${a.to}; “today” is ${a.asOf}`),
  figuresTitle: 'Key figures',
  'fig.customers': 'Customers',
  'fig.orders': 'Orders',
  'fig.revenue': 'Revenue',
  'fig.aov': 'Average order value',
  'fig.frequency': 'Purchase frequency',
  'fig.repeatRate': 'Repeat customer rate',
  'fig.medianGap': 'Median days between orders',
  'fig.lapsed': 'Lapsed customers',
  'fig.clvRevenue': 'Customer value so far',
  'fig.clvProjected': 'Lifetime value (AOV × frequency × lifespan)',
  'fig.clvCac': 'CLV : CAC',
  'def.customers': 'Distinct customers (by hashed email) with at least one order in this currency.',
  'def.orders': 'Orders kept in this currency: cancelled, voided, fully refunded and test orders are left out.',
  'def.revenue': 'Σ order totals, partial refunds deducted. Never summed across currencies.',
  'def.aov': 'AOV = revenue ÷ orders.',
  'def.frequency': 'Purchase frequency = orders ÷ customers, over the whole export.',
  'def.repeatRate': 'Repeat customer rate = customers with 2 or more orders ÷ customers.',
  'def.medianGap': 'The median, over every pair of consecutive orders of the same customer, of the calendar days between them.',
  'def.lapsed':
    'Customers whose last order is more than N days before “today”. N is yours if you set it, else the 90th percentile of the store’s own gaps between orders.',
  'def.clvRevenue': 'Historic CLV = revenue ÷ customers: what a customer has been worth so far.',
  'def.clvProjected':
    'CLV = AOV × (1 + F × L): the first order, then F repeat orders per customer-year over a lifespan of L years (customer-years ÷ lapsed customers).',
  'def.clvCac': 'CLV : CAC = revenue per customer ÷ what acquiring a customer costs. About 3 : 1 is healthy.',
  'def.returning':
    'Shopify’s returning customer rate: of the customers who ordered in the month, the share with more than one order in all (up to “today”).',
  'def.cohorts':
    'Customers grouped by the month of their first order; each cell is the share of the group who ordered in the k-th month after it (month 0: 100 %).',
  'def.rfm': 'Recency, frequency and money, each scored 1–5 by quintiles; segments from the recency and frequency scores.',
  'def.predicted':
    'BG/NBD (Fader, Hardie & Lee 2005) for how many more orders each customer places, Gamma-Gamma for what they spend, fitted to this export.',
  'val.frequency': (a, l) => `${l.number(a.n as number, { maximumFractionDigits: 2 })} orders per customer`,
  'val.repeatRate': (a, l) =>
    `${l.number(a.n as number)} ${l.plural(a.n as number, { one: 'customer', other: 'customers' })} ordered again`,
  'val.days': (a, l) =>
    `${l.number(a.n as number, { maximumFractionDigits: 1 })} ${l.plural(a.n as number, { one: 'day', other: 'days' })}`,
  'val.noGaps': 'No customer has ordered twice yet.',
  'val.lapsed': (a, l) =>
    `no order for more than ${l.number(a.days as number)} ${l.plural(a.days as number, { one: 'day', other: 'days' })}`,
  'lapse.owner': '(your setting)',
  'lapse.gaps': '(from the store’s gaps between orders)',
  'lapse.no-gaps': '(no repeat orders yet: a year)',
  'val.clvParts': (a, l) =>
    `F = ${l.number(a.f as number, { maximumFractionDigits: 2 })} repeat orders a year, L = ${l.number(a.life as number, { maximumFractionDigits: 1 })} years`,
  'val.noLapsed': 'Not yet: no customer has lapsed, so the lifespan is unknown.',
  'val.cacRatio': (a, l) => `${l.number(a.n as number, { maximumFractionDigits: 1 })} : 1`,
  'val.noCac': 'Enter your acquisition cost per customer in the settings below.',
  returningTitle: 'Returning customer rate by month',
  'col.month': 'Month',
  'col.customers': 'Customers',
  'col.returning': 'Returning',
  'col.rate': 'Rate',
  cohortsTitle: 'Cohorts: who came back, by the month of the first order',
  'col.cohort': 'First order',
  'col.monthN': (a) => `Month ${a.n}`,
  cohortYear: 'Year of the first order',
  cohortsShown: (a, l) => `Cohorts shown: ${l.number(a.n as number)} of ${l.number(a.total as number)}, first orders in ${a.year}`,
  curveTitle: 'Retention curve: share of a cohort ordering k months after its first order (all cohorts, weighted by size)',
  rfmTitle: 'RFM segments',
  'col.segment': 'Segment',
  'col.revenue': 'Revenue',
  'col.share': 'Share of revenue',
  'col.export': 'Customer list',
  'seg.champions': 'Champions',
  'seg.loyal': 'Loyal',
  'seg.potential-loyalists': 'Potential loyalists',
  'seg.new': 'New',
  'seg.at-risk': 'At risk',
  'seg.cant-lose': 'Can’t lose',
  'seg.hibernating': 'Hibernating',
  'seg.lost': 'Lost',
  'segDef.champions': 'Ordered recently and often.',
  'segDef.loyal': 'Order often, not all of them lately.',
  'segDef.potential-loyalists': 'Recent customers with a few orders.',
  'segDef.new': 'Recent first orders.',
  'segDef.at-risk': 'Ordered a few times, but not for a while.',
  'segDef.cant-lose': 'Ordered most often, but not for a while.',
  'segDef.hibernating': 'Few orders, long ago.',
  'segDef.lost': 'One order, long ago.',
  exportCsv: 'Export CSV',
  exportLabel: (a) => `Export the customers of “${a.segment}” (${a.currency}) as CSV`,
  exported: (a, l) =>
    `${l.number(a.n as number)} ${l.plural(a.n as number, { one: 'customer', other: 'customers' })} of “${a.segment}” exported.`,
  exportNeedsFile: 'Drop the file again to export',
  predictedTitle: (a, l) => `Predicted value, next ${l.number(a.days as number)} days`,
  'pred.orders': 'Expected repeat orders',
  'pred.revenue': 'Expected revenue',
  'pred.clv': 'Predicted value per customer',
  'pred.alive': 'Customers still active (mean probability)',
  'pred.params': 'Fitted parameters',
  'why.too-few-customers': (a, l) =>
    `Not shown: the prediction needs at least ${l.number(a.needed as number)} customers, and this currency has ${l.number(a.found as number)}.`,
  'why.too-short-history': (a, l) =>
    `Not shown: the prediction needs ${l.number(a.needed as number)} days of history, and this one has ${l.number(a.found as number)}.`,
  'why.too-few-frequent-customers': (a, l) =>
    `Not shown: the prediction needs ${l.number(a.needed as number)} customers who ordered on 3 or more days, and this currency has ${l.number(a.found as number)}.`,
  'why.purchase-fit-failed': 'Not shown: the purchase model did not fit this data.',
  'why.spend-fit-failed': 'Not shown: the spending model did not fit this data.',
  funnelsTitle: 'Is the kit paying off?',
  funnelsEmpty: 'Add the events the kit forwarded to your endpoint (JSON lines) to see each widget’s funnel.',
  funnelsPeriod: (a, l) => sentence(`${l.number(a.n as number)} events, ${a.from} to ${a.to}`),
  'funnel.spin': 'Spin wheel',
  'funnel.account': 'Account prompt',
  'funnel.reviews': 'Reviews',
  'step.spin-shown': 'Wheel shown',
  'step.spin-spun': 'Spun',
  'step.spin-won': 'Won a code',
  'step.spin-copied': 'Copied the code',
  'step.spin-applied': 'Applied the code',
  'step.spin-orders': 'Orders with a wheel’s code',
  'step.spin-revenue': 'Their revenue',
  'step.account-shown': 'Prompt shown',
  'step.account-requested': 'Sign-up asked',
  'step.account-created': 'Accounts created',
  'step.reviews-seen': 'Reviews seen',
  'step.reviews-helpful': 'Helpful votes',
  'col.step': 'Step',
  'col.count': 'Count',
  'col.ofPrevious': 'Of the step before',
  settingsTitle: 'Settings',
  lapseLabel: 'Lapsed after (days without an order)',
  lapseHint: 'Empty: from the store’s own gaps between orders.',
  cacLabel: (a) => `Acquisition cost per customer (${a.currency})`,
  recompute: 'Recompute',
  settingsNeedFile: 'Drop the file again to change the settings.',
};

export const translations: Translations<ReportTerm> = {
  en,
  ru: () => import('./translations/ru.js'),
  uk: () => import('./translations/uk.js'),
  hu: () => import('./translations/hu.js'),
};
