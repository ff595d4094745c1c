/**
 * The last report, kept so that it reopens: aggregates only, in the kit's `state` store under a key of
 * its own. Before saving, every per-customer list is dropped (the RFM segments' members, even hashed):
 * what IndexedDB holds is counts, sums, rates and the problems found (cells that are dates, amounts or
 * currency codes, never a customer's email or name).
 */
import { storage } from '../core/storage.js';
import { withoutMembers } from './aggregates.js';
import type { ComputedReport } from './protocol.js';

export const SAVED_VERSION = 1;

export interface SavedReport extends ComputedReport {
  version: typeof SAVED_VERSION;
}

export const savedKey = (instance: string) => `report/${instance}/last`;

/** The report without any per-customer list. */
export function aggregatesOf(report: ComputedReport): SavedReport {
  return { ...report, version: SAVED_VERSION, exportable: false, figures: withoutMembers(report.figures) };
}

export async function saveReport(instance: string, report: ComputedReport): Promise<void> {
  await storage().put('state', aggregatesOf(report), savedKey(instance));
}

export async function loadReport(instance: string): Promise<SavedReport | undefined> {
  const saved = (await storage().get('state', savedKey(instance))) as SavedReport | undefined;
  // A report saved by another version of the kit may not have the fields this one draws: start afresh.
  return saved && saved.version === SAVED_VERSION && Array.isArray(saved.figures?.currencies) ? saved : undefined;
}

export async function forgetReport(instance: string): Promise<void> {
  await storage().delete('state', savedKey(instance));
}
