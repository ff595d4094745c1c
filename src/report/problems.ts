/**
 * What was wrong with a file, as data: the worker finds it, the element says it in the owner's language.
 * Rows are numbered as a spreadsheet shows them: the header is row 1, the first order row is row 2.
 */
import type { ExclusionReason } from './model.js';

export type ProblemKind =
  /** The file has no rows, or no header. */
  | 'empty-file'
  /** A cell is not a date (`column`, `value`). */
  | 'bad-date'
  /** A cell is not an amount (`column`, `value`). */
  | 'bad-number'
  /** A cell is not a three-letter currency code (`column`, `value`). */
  | 'bad-currency'
  /** A row of an order names another currency than the order's first row (`value`, `expected`). */
  | 'mixed-currency'
  /** An order lacks a value its format needs on its first row (`column`). */
  | 'missing-value'
  /** An order's total is below zero (`value`): a credit or a return, not an order. */
  | 'negative-total'
  /** An order has no email, customer id or name to tell its customer by. */
  | 'no-customer'
  /** A row has no order id. */
  | 'no-id'
  /** A quote opened in this row is never closed: the row is skipped, the rows after it are read again. */
  | 'open-quote'
  /** A quote inside a field is malformed. */
  | 'bad-quote'
  /** A row has another number of fields than the header (`value`: found, `expected`). */
  | 'field-count'
  /** A line of the events file is not a JSON event. */
  | 'bad-event-line';

export interface Problem {
  kind: ProblemKind;
  /** Which file: the orders export (default), the customers export or the events. */
  file?: 'orders' | 'customers' | 'events';
  /** Spreadsheet row (or line of the events file). */
  row?: number;
  column?: string;
  /** The cell as found (never a customer's email or name). */
  value?: string;
  expected?: string;
}

/** Orders left out, by reason. */
export type Exclusions = Record<ExclusionReason, number>;

export const emptyExclusions = (): Exclusions => ({ cancelled: 0, voided: 0, refunded: 0, test: 0, invalid: 0 });

/** How many problem details a report keeps (the rest are counted): enough to find a pattern, not 100,000 lines. */
export const PROBLEMS_KEPT = 50;

/** Collects problems: the first ones in detail, all of them counted by kind. */
export class ProblemLog {
  readonly kept: Problem[] = [];
  readonly counts: Partial<Record<ProblemKind, number>> = {};
  total = 0;

  add(problem: Problem): void {
    this.total++;
    this.counts[problem.kind] = (this.counts[problem.kind] ?? 0) + 1;
    if (this.kept.length < PROBLEMS_KEPT) this.kept.push(problem);
  }
}
