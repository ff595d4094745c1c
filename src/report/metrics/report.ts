/**
 * The report's figures from normalized orders: pure computation, no DOM, so it runs in a Web Worker.
 * Each currency is computed on its own; nothing is ever summed across currencies.
 */
import { isCurrencyCode } from '../../core/config.js';
import type { ReportOrder, ReportOptions } from '../model.js';
import type { CurrencyFigures, IgnoredOption, ReportFigures, SkippedOrders } from './types.js';
import { Calendar } from './calendar.js';
import { groupByCurrency, type CurrencyHistory } from './histories.js';
import { gapsBetweenOrders, median } from './gaps.js';
import { defaultLapseDays, lapseFigures } from './lapse.js';
import { returningByMonth } from './returning.js';
import { clvToCac, historicClv } from './clv.js';
import { cohortTable } from './cohorts.js';
import { rfmFigures } from './rfm.js';
import { predictClv } from './predict.js';
import { resolveOptions, type ResolvedOptions } from './options.js';

export function computeReport(orders: readonly ReportOrder[], options: ReportOptions = {}): ReportFigures {
  const ignoredOptions: IgnoredOption[] = [];
  const resolved = resolveOptions(options, ignoredOptions);
  const calendar = new Calendar(resolved.timeZone);
  const skipped: SkippedOrders = { invalid: 0, afterAsOf: 0 };

  const usable: ReportOrder[] = [];
  let latest = -Infinity;
  for (const order of orders) {
    if (!isUsableOrder(order)) skipped.invalid++;
    else {
      usable.push(order);
      latest = Math.max(latest, order.placed);
    }
  }
  // A date the owner gave is that day in the report's zone; an instant (or the latest order) is the day it falls on there.
  const given = resolved.asOfDay === undefined ? resolved.asOf : calendar.noonOf(resolved.asOfDay);
  if (usable.length === 0) return { asOf: given ?? Date.now(), timeZone: resolved.timeZone, skipped, ignoredOptions, currencies: [] };
  const asOf = given ?? latest;
  const asOfDay = resolved.asOfDay ?? calendar.day(asOf);
  const inRange = usable.filter((order) => calendar.day(order.placed) <= asOfDay);
  skipped.afterAsOf = usable.length - inRange.length;

  const currencies = groupByCurrency(inRange, calendar).map((history) => currencyFigures(history, calendar, asOfDay, resolved));
  return { asOf, timeZone: resolved.timeZone, skipped, ignoredOptions, currencies };
}

/**
 * An order the figures can use: a customer key, a finite date, a finite total of 0 or more, and a
 * three-letter currency. (Cancelled, refunded and test orders are the parser's to leave out.)
 */
export function isUsableOrder(order: ReportOrder): boolean {
  return (
    typeof order === 'object' &&
    order !== null &&
    typeof order.customer === 'string' &&
    order.customer !== '' &&
    typeof order.placed === 'number' &&
    Number.isFinite(order.placed) &&
    typeof order.total === 'number' &&
    Number.isFinite(order.total) &&
    order.total >= 0 &&
    isCurrencyCode(order.currency)
  );
}

function currencyFigures(history: CurrencyHistory, calendar: Calendar, asOfDay: number, options: ResolvedOptions): CurrencyFigures {
  const { customers, orders, revenue } = history;
  const firstDay = calendar.day(history.firstPlaced);
  const repeatCustomers = customers.filter((customer) => customer.days.length >= 2).length;
  const gaps = gapsBetweenOrders(customers);
  const threshold = options.lapseDays === undefined ? defaultLapseDays(gaps) : { days: options.lapseDays, source: 'owner' as const };
  const clv = historicClv(customers, { orders, revenue }, asOfDay, threshold.days);
  const asOfMonth = Calendar.month(asOfDay);
  return {
    currency: history.currency,
    customers: customers.length,
    orders,
    revenue,
    firstOrder: history.firstPlaced,
    lastOrder: history.lastPlaced,
    historyDays: asOfDay - firstDay + 1,
    aov: revenue / orders,
    purchaseFrequency: orders / customers.length,
    repeatCustomers,
    repeatCustomerRate: repeatCustomers / customers.length,
    returningByMonth: returningByMonth(customers, Calendar.month(firstDay), asOfMonth),
    medianDaysBetweenOrders: median(gaps),
    gapsBetweenOrders: gaps.length,
    lapse: lapseFigures(customers, asOfDay, threshold),
    clv,
    clvToCac: clvToCac(clv, options.cac[history.currency] ?? options.cac['*']),
    cohorts: cohortTable(customers, asOfMonth),
    rfm: rfmFigures(customers, asOfDay),
    predicted: predictClv(customers, asOfDay, options.horizonDays),
  };
}
