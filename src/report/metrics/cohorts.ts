import { Calendar } from './calendar.js';
import type { CustomerHistory } from './histories.js';
import type { CohortRow } from './types.js';

/**
 * Retention by first-order month: for each month in which customers first ordered, the share of them
 * who ordered in each later month up to asOf's (see `CohortRow`). Oldest cohort first.
 */
export function cohortTable(customers: readonly CustomerHistory[], asOfMonth: number): CohortRow[] {
  const cohorts = new Map<number, { customers: number; active: Int32Array }>();
  for (const { days } of customers) {
    const first = Calendar.month(days[0]);
    let cohort = cohorts.get(first);
    if (!cohort) cohorts.set(first, (cohort = { customers: 0, active: new Int32Array(asOfMonth - first + 1) }));
    cohort.customers++;
    let previous = -1;
    for (const day of days) {
      const offset = Calendar.month(day) - first;
      if (offset === previous) continue;
      previous = offset;
      cohort.active[offset]++;
    }
  }
  return [...cohorts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([month, cohort]) => ({
      month: Calendar.monthKey(month),
      customers: cohort.customers,
      active: Array.from(cohort.active),
      retention: Array.from(cohort.active, (active) => active / cohort.customers),
    }));
}
