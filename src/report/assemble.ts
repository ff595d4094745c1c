/**
 * From rows to orders: groups an export's rows by order (Shopify writes one row per line item, the
 * order's own columns on its first row only), reads each order's values once, and sorts every order
 * into kept or left out (with the reason). Customers are still identified in the clear here; the worker
 * hashes them before anything leaves it.
 */
import { exclusionOf, type Layout } from './formats.js';
import type { ExclusionReason } from './model.js';
import { emptyExclusions, type Exclusions, type ProblemLog } from './problems.js';
import { currencyCode } from '../core/config.js';
import { isYes, parseCodes, parseDate, parseMoney } from './values.js';

/** An order read from the export, its customer not yet hashed. */
export interface DraftOrder {
  id: string;
  /** What gets hashed: the email, else the customer id, else the name; lower case (the report model's key). */
  identity: string;
  /** Told apart by name only (WooCommerce Analytics without its customers download). */
  byName: boolean;
  /** The customer as the file wrote them (email, else customer id, else name), for the owner's own segment export: kept in the worker's memory only. */
  contact: string;
  placed: number;
  total: number;
  currency: string;
  codes: string[];
}

interface Pending {
  id: string;
  row: number;
  email: string;
  customerId: string;
  customerName: string;
  placed?: number;
  total?: number;
  refunded?: number;
  currency?: string;
  codes: Set<string>;
  status: string;
  cancelledAt: string;
  test: boolean;
  payment: string;
  /** Set once a value of this order could not be read: the order is left out as invalid. */
  broken: boolean;
}

const cell = (row: string[], index: number) => (index >= 0 ? (row[index] ?? '').trim() : '');

export class OrderAssembler {
  private readonly orders = new Map<string, Pending>();
  /** Rows read, for the report's source line. */
  rows = 0;

  constructor(
    private readonly layout: Layout,
    private readonly header: string[],
    private readonly problems: ProblemLog,
    /** WooCommerce Analytics names customers; its customers export maps a name to an email. */
    private readonly emailByName?: Map<string, string>,
  ) {}

  private column(index: number): string {
    return this.header[index] ?? '';
  }

  /** Reads one data row; `row` is its spreadsheet row number. */
  add(cells: string[], row: number): void {
    this.rows++;
    const { layout } = this;
    const id = cell(cells, layout.id);
    if (!id) {
      this.problems.add({ kind: 'no-id', row, column: this.column(layout.id) });
      return;
    }
    let order = this.orders.get(id);
    if (!order) {
      order = {
        id,
        row,
        email: '',
        customerId: '',
        customerName: '',
        codes: new Set(),
        status: '',
        cancelledAt: '',
        test: false,
        payment: '',
        broken: false,
      };
      this.orders.set(id, order);
    }
    // The first row that carries a value sets it; line-item rows leave the order's columns empty.
    order.email ||= cell(cells, layout.email);
    order.customerId ||= cell(cells, layout.customerId);
    order.customerName ||= cell(cells, layout.customerName);
    order.status ||= cell(cells, layout.status);
    order.cancelledAt ||= cell(cells, layout.cancelledAt);
    order.payment ||= cell(cells, layout.payment);
    order.test ||= isYes(cell(cells, layout.test));
    for (const code of parseCodes(cell(cells, layout.codes))) order.codes.add(code);
    if (order.placed === undefined) {
      const raw = cell(cells, layout.placed) || cell(cells, layout.placedAlt);
      if (raw) order.placed = this.read(order, row, layout.placed, raw, parseDate, 'bad-date');
    }
    if (order.total === undefined) {
      const raw = cell(cells, layout.total);
      if (raw) order.total = this.read(order, row, layout.total, raw, parseMoney, 'bad-number');
    }
    if (order.refunded === undefined) {
      const raw = cell(cells, layout.refunded);
      if (raw) order.refunded = this.read(order, row, layout.refunded, raw, parseMoney, 'bad-number');
    }
    this.readCurrency(order, cells, row);
  }

  private read<T>(
    order: Pending,
    row: number,
    index: number,
    raw: string,
    parse: (raw: string) => T | undefined,
    kind: 'bad-date' | 'bad-number',
  ): T | undefined {
    const value = parse(raw);
    if (value === undefined) {
      order.broken = true;
      this.problems.add({ kind, row, column: this.column(index), value: raw.slice(0, 60) });
    }
    return value;
  }

  private readCurrency(order: Pending, cells: string[], row: number): void {
    const { layout } = this;
    const raw = cell(cells, layout.currency);
    if (!raw) {
      if (layout.currency < 0) order.currency ??= layout.fixedCurrency;
      return;
    }
    const currency = currencyCode(raw);
    if (!currency) {
      order.broken = true;
      this.problems.add({ kind: 'bad-currency', row, column: this.column(layout.currency), value: raw.slice(0, 20) });
    } else if (order.currency && order.currency !== currency) {
      // One order in two currencies: which total is it in? Leave it out, and say where.
      order.broken = true;
      this.problems.add({ kind: 'mixed-currency', row, column: this.column(layout.currency), value: currency, expected: order.currency });
    } else order.currency = currency;
  }

  /** The kept orders, and how many were left out and why. */
  finish(): { orders: DraftOrder[]; exclusions: Exclusions } {
    const exclusions = emptyExclusions();
    const orders: DraftOrder[] = [];
    for (const order of this.orders.values()) {
      const reason = this.reasonToLeaveOut(order);
      if (reason) {
        exclusions[reason]++;
        continue;
      }
      const email = order.email.toLowerCase();
      const byName = this.emailByName?.get(nameKey(order.customerName));
      const identity = email || byName?.toLowerCase() || order.customerId.toLowerCase() || nameKey(order.customerName);
      const total = order.total! - (order.refunded && order.refunded > 0 ? order.refunded : 0);
      orders.push({
        id: order.id,
        identity,
        byName: !email && !byName && !order.customerId,
        contact: order.email || byName || order.customerId || order.customerName,
        placed: order.placed!,
        total,
        currency: order.currency!,
        codes: [...order.codes],
      });
    }
    this.orders.clear();
    return { orders, exclusions };
  }

  private reasonToLeaveOut(order: Pending): ExclusionReason | undefined {
    const fullyRefunded = order.refunded !== undefined && order.total !== undefined && order.refunded > 0 && order.refunded >= order.total;
    const reason = exclusionOf(this.layout.format, {
      status: order.status,
      cancelledAt: order.cancelledAt,
      refunded: fullyRefunded,
      test: order.test,
      payment: order.payment,
    });
    if (reason) return reason;
    if (order.broken) return 'invalid';
    const { layout } = this;
    const lacking =
      order.placed === undefined ? layout.placed : order.total === undefined ? layout.total : !order.currency ? layout.currency : undefined;
    if (lacking !== undefined) {
      this.problems.add({ kind: 'missing-value', row: order.row, column: this.column(lacking) });
      return 'invalid';
    }
    // A credit or a return exported as an order: no order to count, and said so rather than dropped unseen.
    if (order.total! < 0) {
      this.problems.add({ kind: 'negative-total', row: order.row, value: String(order.total) });
      return 'invalid';
    }
    if (!order.email && !order.customerId && !nameKey(order.customerName)) {
      this.problems.add({ kind: 'no-customer', row: order.row });
      return 'invalid';
    }
    return undefined;
  }
}

/** A customer name as a key: lower case, single spaces. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}
