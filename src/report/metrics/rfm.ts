import { compareText, MILLI, toMilli, type CustomerHistory } from './histories.js';
import type { RfmCustomer, RfmFigures, RfmScore, RfmSegment, RfmSegmentName } from './types.js';

/** The segments in the order the report shows them. */
export const RFM_SEGMENTS: readonly RfmSegmentName[] = [
  'champions',
  'loyal',
  'potential-loyalists',
  'new',
  'at-risk',
  'cant-lose',
  'hibernating',
  'lost',
];

// The (R, F) grid documented on `RfmFigures`: SEGMENT_GRID[r - 1][f - 1].
const L: RfmSegmentName = 'lost';
const H: RfmSegmentName = 'hibernating';
const A: RfmSegmentName = 'at-risk';
const C: RfmSegmentName = 'cant-lose';
const P: RfmSegmentName = 'potential-loyalists';
const O: RfmSegmentName = 'loyal';
const N: RfmSegmentName = 'new';
const X: RfmSegmentName = 'champions';
const SEGMENT_GRID: readonly (readonly RfmSegmentName[])[] = [
  /* R1 */ [L, L, A, A, C],
  /* R2 */ [H, H, A, A, C],
  /* R3 */ [H, H, P, O, O],
  /* R4 */ [N, P, P, O, O],
  /* R5 */ [N, P, P, X, X],
];

export function segmentOf(r: RfmScore, f: RfmScore): RfmSegmentName {
  return SEGMENT_GRID[r - 1][f - 1];
}

/**
 * Quintile scores, higher values better, ties kept together: score = ⌈5 × rank ÷ n⌉, where rank is
 * 1 + the number of values strictly below (the lowest rank of the value's tie group). For distinct
 * values this is SQL's NTILE(5) when n is a multiple of 5; equal values always get equal scores, the
 * score of the lowest of them, whatever order they come in.
 */
export function quintileScores(values: ArrayLike<number>): RfmScore[] {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => values[i] - values[j]);
  const scores = new Array<RfmScore>(n);
  let below = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0 && values[order[k]] !== values[order[k - 1]]) below = k;
    scores[order[k]] = Math.ceil((5 * (below + 1)) / n) as RfmScore;
  }
  return scores;
}

/** RFM scores of every customer and the eight segments (definitions on `RfmFigures`). */
export function rfmFigures(customers: readonly CustomerHistory[], asOfDay: number): RfmFigures {
  const recency = customers.map((history) => asOfDay - history.days[history.days.length - 1]);
  // Fewer days since the last order is better: score the negated days.
  const r = quintileScores(recency.map((days) => -days));
  const f = quintileScores(customers.map((history) => history.days.length));
  const m = quintileScores(customers.map((history) => history.revenue));
  const bySegment = new Map<RfmSegmentName, RfmCustomer[]>(RFM_SEGMENTS.map((name) => [name, []]));
  customers.forEach((history, i) => {
    bySegment.get(segmentOf(r[i], f[i]))!.push({
      customer: history.customer,
      recencyDays: recency[i],
      orders: history.days.length,
      revenue: history.revenue,
      r: r[i],
      f: f[i],
      m: m[i],
    });
  });
  const segments: RfmSegment[] = RFM_SEGMENTS.map((segment) => {
    const members = bySegment.get(segment)!.sort((a, b) => b.revenue - a.revenue || compareText(a.customer, b.customer));
    return { segment, customers: members.length, revenue: sumRevenue(members), members };
  });
  return { segments };
}

/** Σ revenue, summed in thousandths so that it is exact. */
function sumRevenue(members: readonly RfmCustomer[]): number {
  let milli = 0;
  for (const member of members) milli += toMilli(member.revenue);
  return milli / MILLI;
}
