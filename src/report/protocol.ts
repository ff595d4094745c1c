/**
 * The messages between `<retain-report>` and its worker, and the report they produce. The worker reads
 * the files, hashes the customers and computes; the element only sends files and settings and draws
 * what comes back.
 */
import type { ColumnMapping, SourceFormat } from './formats.js';
import type { Funnels } from './funnels.js';
import type { ReportFigures, RfmSegmentName } from './metrics/types.js';
import type { Exclusions, Problem, ProblemKind } from './problems.js';

/** What the owner can change without reading the file again. */
export interface Settings {
  /** "Today" of the report: an instant, ms, or a date `YYYY-MM-DD`, that day in `timeZone`; default the latest order. */
  asOf?: number | string;
  lapseDays?: number;
  /** Acquisition cost per customer, by currency. */
  cac?: Record<string, number>;
  timeZone?: string;
  horizonDays?: number;
  /** The currency of an export that carries none (the element's `currency` attribute). */
  currency?: string;
}

/** A file given as a file, or as a URL the worker fetches (the `src` attribute). */
export type Input = Blob | { url: string };

export type ToWorker =
  | {
      type: 'run';
      /** Omitted: the orders the worker read last time (adding an events file to a report). */
      orders?: Input;
      ordersName?: string;
      customers?: Blob;
      events?: Input;
      mapping?: ColumnMapping;
      /**
       * The currency the owner named for a known export whose only lack was one (a mapping request with
       * `needsCurrency` and nothing `missing`): the export is read as that format, in this currency.
       */
      currency?: string;
      settings: Settings;
    }
  | { type: 'recompute'; settings: Settings }
  | { type: 'export'; currency: string; segment: RfmSegmentName };

export type Phase = 'fetch' | 'customers' | 'orders' | 'hash' | 'events' | 'compute';

export type FromWorker =
  | { type: 'progress'; phase: Phase; fraction: number }
  | {
      type: 'mapping';
      format: SourceFormat | 'woocommerce-customers';
      headers: string[];
      /** The first data rows, so the owner sees what each column holds. */
      sample: string[][];
      guess: ColumnMapping;
      missing: string[];
      needsCurrency: boolean;
    }
  | { type: 'done'; report: ComputedReport }
  | { type: 'csv'; currency: string; segment: RfmSegmentName; text: string }
  | { type: 'failed'; problem: Problem | { kind: 'no-orders' | 'fetch-failed' | 'worker-error' | 'worker-blocked'; value?: string } };

/** Everything the element draws. The figures' RFM members are hashed keys; the element never stores them. */
export interface ComputedReport {
  /** When the report was computed, ms. */
  computedAt: number;
  source: {
    name: string;
    format: SourceFormat;
    rows: number;
    /** Orders found in the export (kept + left out). */
    orders: number;
    /** Customers told apart by name only (WooCommerce Analytics without its customers export). */
    byName: boolean;
    /** The currency came from the amounts' symbol or the `currency` attribute, not a column. */
    currencyFrom?: 'attribute' | 'symbol' | 'mapping';
  };
  figures: ReportFigures;
  exclusions: Exclusions;
  problems: Problem[];
  problemCounts: Partial<Record<ProblemKind, number>>;
  problemTotal: number;
  funnels?: Funnels;
  settings: Settings;
  /** Whether segment exports are possible (the worker still holds the owner's file in memory). */
  exportable: boolean;
}
