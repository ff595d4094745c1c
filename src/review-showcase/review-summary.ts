/**
 * A summary's figures (average and count) without the reviews: a showcase in `view="summary"` beside a
 * price needs two numbers, not the whole review JSON fetched and checked. Where they come from, first
 * found wins (docs/review-showcase-summary.md):
 *  1. the attributes `rating` and `count`, which a store's template renders;
 *  2. `summary-src`, a small JSON of the aggregate;
 *  3. the page's own Product JSON-LD with an AggregateRating (the node `schema-id` names, else the only one);
 *  4. else the full review JSON (`src` or inline), as before.
 * Loaded only by a summary (a part of the showcase).
 */
import { checkNumber, parseUrl, warnBadValue } from '../core/config.js';
import type { Aggregate } from './review-data.js';

type Raw = string | null | undefined;
type Node = Record<string, unknown>;

/** A rating scaled to five stars, when `best` says the scale is another. */
function toFive(value: number, best: unknown): number {
  const scale = Number(best);
  return Number.isFinite(scale) && scale > 0 && scale !== 5 ? (value / scale) * 5 : value;
}

/** Average and count when both are numbers in range (an average on 0–5, a whole count ≥ 0), else a reason. */
function aggregateOf(average: unknown, count: unknown): Aggregate | string {
  const a = checkNumber(String(average ?? ''), { min: 0, max: 5 });
  if (typeof a === 'string') return `the rating ${a}`;
  const n = checkNumber(String(count ?? ''), { min: 0, integer: true });
  if (typeof n === 'string') return `the count ${n}`;
  return { average: a, count: n, computed: false };
}

/** What a summary reads its figures from: its attributes, and whether it would otherwise fetch the reviews. */
export interface SummarySources {
  rating: string;
  count: string;
  summarySrc: string;
  schemaId: string;
  fetchesReviews: boolean;
}

/** The figures from the first source that has them (see the file comment); null: read the reviews. */
export async function summaryFigures(el: Element, from: SummarySources): Promise<Aggregate | null> {
  const given = fromAttributes(el, from.rating, from.count);
  if (given) return given;
  const url = parseUrl(el, 'summary-src', from.summarySrc);
  const fetched = url && (await fromSummarySrc(el, url));
  if (fetched) return fetched;
  return from.fetchesReviews ? fromJsonLd(el.ownerDocument, from.schemaId.trim()) : null;
}

/** From `rating` and `count`; null when neither is given. A bad or lone one warns, and the next source is used. */
function fromAttributes(el: Element, rating: Raw, count: Raw): Aggregate | null {
  if (!rating?.trim() && !count?.trim()) return null;
  const aggregate = aggregateOf(rating, count);
  if (typeof aggregate !== 'string') return aggregate;
  warnBadValue(el, 'rating', `${rating ?? ''} / count ${count ?? ''}`, 'the next source of the summary', `needs both: ${aggregate}`);
  return null;
}

/** From a summary JSON: `{ "average": 4.6, "count": 128 }`, or the review JSON's own `{ "aggregate": … }`. */
async function fromSummarySrc(el: Element, url: string): Promise<Aggregate | null> {
  let why: string;
  try {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body = (await response.json()) as Node | null;
    const figures = (body?.aggregate ?? body) as Node | null;
    const aggregate = aggregateOf(figures?.average, figures?.count);
    if (typeof aggregate !== 'string') return aggregate;
    why = `holds no usable average and count (${aggregate})`;
  } catch (error) {
    why = `could not be loaded (${(error as Error).message})`;
  }
  warnBadValue(el, 'summary-src', url, 'the next source of the summary', why);
  return null;
}

/** Every node of a JSON-LD document: the top, a top-level array, and `@graph`. */
function nodesOf(value: unknown): Node[] {
  if (Array.isArray(value)) return value.flatMap(nodesOf);
  if (!value || typeof value !== 'object') return [];
  const node = value as Node;
  return [node, ...nodesOf(node['@graph'])];
}

/**
 * From the page's JSON-LD: the AggregateRating of the node whose `@id` is `id`, else of the only node
 * that has one. The store's own markup, read as it is: a script that is not JSON is skipped quietly
 * (it is not this element's attribute, and search engines will say so).
 */
function fromJsonLd(doc: Document, id: string): Aggregate | null {
  const rated: Node[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      rated.push(...nodesOf(JSON.parse(script.textContent ?? '')).filter((node) => node.aggregateRating));
    } catch {
      continue;
    }
  }
  const node = (id && rated.find((n) => n['@id'] === id)) || (rated.length === 1 ? rated[0] : undefined);
  const rating = node?.aggregateRating as Node | undefined;
  if (!rating) return null;
  const average = Number(rating.ratingValue);
  const aggregate = aggregateOf(
    Number.isFinite(average) ? toFive(average, rating.bestRating) : NaN,
    rating.reviewCount ?? rating.ratingCount,
  );
  return typeof aggregate === 'string' ? null : aggregate;
}
