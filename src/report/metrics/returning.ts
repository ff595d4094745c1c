import { Calendar } from './calendar.js';
import type { CustomerHistory } from './histories.js';
import type { MonthlyReturning } from './types.js';

/**
 * Shopify's returning customer rate per month (see `MonthlyReturning`): of the customers who ordered
 * in the month, the share with 2 or more orders in all. Every month from `firstMonth` to `asOfMonth`.
 */
export function returningByMonth(customers: readonly CustomerHistory[], firstMonth: number, asOfMonth: number): MonthlyReturning[] {
  const months = asOfMonth - firstMonth + 1;
  const buyers = new Int32Array(months);
  const returning = new Int32Array(months);
  for (const { days } of customers) {
    const repeat = days.length >= 2;
    let previous = -1;
    for (const day of days) {
      const month = Calendar.month(day) - firstMonth;
      if (month === previous) continue;
      previous = month;
      buyers[month]++;
      if (repeat) returning[month]++;
    }
  }
  return Array.from({ length: months }, (_, i) => ({
    month: Calendar.monthKey(firstMonth + i),
    customers: buyers[i],
    returning: returning[i],
    rate: buyers[i] === 0 ? null : returning[i] / buyers[i],
  }));
}
