/**
 * `<retain-report>`'s events: one class each, declared on `GlobalEventHandlersEventMap`. They are only
 * dispatched on the page (the store owner's own), never handed to the kit's forwarding: the report makes
 * no request after its code has loaded.
 */
import { RetainEvent, type RetainDetail } from '../core/events.js';
import type { SourceFormat } from './formats.js';
import type { RfmSegmentName } from './metrics/types.js';

export interface ReportLoadedDetail extends RetainDetail {
  format: SourceFormat;
  /** Orders kept and left out, and the currencies with figures. */
  orders: number;
  excluded: number;
  currencies: string[];
  /** True when the report was reopened from this browser's storage rather than computed from a file. */
  reopened: boolean;
}

export interface ReportExportedDetail extends RetainDetail {
  segment: RfmSegmentName;
  currency: string;
  customers: number;
}

export type ReportForgottenDetail = RetainDetail;

/** A report is on screen: computed from the owner's files, or reopened. */
export class RetainReportLoadedEvent extends RetainEvent<ReportLoadedDetail> {
  constructor(detail: ReportLoadedDetail) {
    super('retain-report-loaded', detail);
  }
}

/** The owner exported a segment's customers as CSV. */
export class RetainReportExportedEvent extends RetainEvent<ReportExportedDetail> {
  constructor(detail: ReportExportedDetail) {
    super('retain-report-exported', detail);
  }
}

/** The owner forgot the report: nothing of it is left in IndexedDB. */
export class RetainReportForgottenEvent extends RetainEvent<ReportForgottenDetail> {
  constructor(detail: ReportForgottenDetail) {
    super('retain-report-forgotten', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'retain-report-loaded': RetainReportLoadedEvent;
    'retain-report-exported': RetainReportExportedEvent;
    'retain-report-forgotten': RetainReportForgottenEvent;
  }
}
