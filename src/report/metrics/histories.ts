import type { ReportOrder } from '../model.js';
import type { Calendar } from './calendar.js';

/** One customer's orders in one currency, oldest first. */
export interface CustomerHistory {
  /** The customer's (hashed) key. */
  customer: string;
  /** Calendar day of each order (days since 1970-01-01 in the report's zone), ascending. */
  days: number[];
  /** Each order's total, in thousandths of the currency unit (so sums are exact), same order as `days`. */
  totals: number[];
  /** Σ totals, in currency units. */
  revenue: number;
}

/** The valid orders of one currency, by customer. */
export interface CurrencyHistory {
  currency: string;
  orders: number;
  /** Σ order totals, in currency units. */
  revenue: number;
  firstPlaced: number;
  lastPlaced: number;
  /** Customers, by key A–Z (so every figure built from them is in a stable order). */
  customers: CustomerHistory[];
}

/** Money is summed in thousandths of a unit: exact for every ISO 4217 currency (none has more than 3 decimals). */
export const MILLI = 1000;

export function toMilli(amount: number): number {
  return Math.round(amount * MILLI);
}

/**
 * Groups orders by currency and, inside each, by customer. `orders` must already be valid (see
 * `isUsableOrder`) and on or before the asOf day.
 */
export function groupByCurrency(orders: readonly ReportOrder[], calendar: Calendar): CurrencyHistory[] {
  const byCurrency = new Map<string, { orders: ReportOrder[] }>();
  for (const order of orders) {
    const currency = order.currency.toUpperCase();
    let group = byCurrency.get(currency);
    if (!group) byCurrency.set(currency, (group = { orders: [] }));
    group.orders.push(order);
  }
  const result: CurrencyHistory[] = [];
  for (const [currency, group] of byCurrency) {
    const byCustomer = new Map<string, ReportOrder[]>();
    let firstPlaced = Infinity;
    let lastPlaced = -Infinity;
    let revenueMilli = 0;
    for (const order of group.orders) {
      let list = byCustomer.get(order.customer);
      if (!list) byCustomer.set(order.customer, (list = []));
      list.push(order);
      firstPlaced = Math.min(firstPlaced, order.placed);
      lastPlaced = Math.max(lastPlaced, order.placed);
      revenueMilli += toMilli(order.total);
    }
    const customers: CustomerHistory[] = [];
    for (const [customer, list] of byCustomer) {
      list.sort((a, b) => a.placed - b.placed || compareText(a.id, b.id));
      const totals = list.map((order) => toMilli(order.total));
      customers.push({
        customer,
        days: list.map((order) => calendar.day(order.placed)),
        totals,
        revenue: totals.reduce((sum, total) => sum + total, 0) / MILLI,
      });
    }
    customers.sort((a, b) => compareText(a.customer, b.customer));
    result.push({ currency, orders: group.orders.length, revenue: revenueMilli / MILLI, firstPlaced, lastPlaced, customers });
  }
  return result.sort((a, b) => b.orders - a.orders || compareText(a.currency, b.currency));
}

/** Code-unit order: the same in every engine and locale (unlike localeCompare). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
