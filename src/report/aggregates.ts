/**
 * The figures without any per-customer list: what leaves the worker for the page, and what IndexedDB
 * keeps. The RFM segments' members (hashed keys, one per customer: 100,000 objects for a large store)
 * stay in the worker's memory, where a segment's CSV is built.
 */
import type { ReportFigures } from './metrics/types.js';

export function withoutMembers(figures: ReportFigures): ReportFigures {
  return {
    ...figures,
    currencies: figures.currencies.map((c) => ({
      ...c,
      rfm: { segments: c.rfm.segments.map((segment) => ({ ...segment, members: [] })) },
    })),
  };
}
