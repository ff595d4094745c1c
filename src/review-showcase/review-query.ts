/**
 * Sorting and filtering of reviews, and what counts as a selection. Pure functions over normalized
 * reviews (see review-data.ts): O(n) filters over a sort made once per order, cheap enough for 10,000
 * reviews per change.
 */
import type { Review } from './review.types.js';

export const SORTS = ['newest', 'highest', 'lowest', 'helpful', 'photos'] as const;
export type SortKey = (typeof SORTS)[number];

/** What the shopper (or the store, through attributes) asked to see. */
export interface Query {
  sort: SortKey;
  /** Stars to show; empty means all. */
  stars: number[];
  photos: boolean;
  keyword: string;
  featured: boolean;
  /** Reviews in this language (a primary subtag, `en`) first; '' keeps the sort's order. Not a selection. */
  language: string;
}

/** One decimal, as the widget shows it. */
export const roundAverage = (average: number) => Math.round(average * 10) / 10;

export const ALL: Query = { sort: 'newest', stars: [], photos: false, keyword: '', featured: false, language: '' };

/** The primary language subtag of a BCP 47 tag, lower case: `uk` for `uk-UA`. */
export const primaryLanguage = (tag: string): string => tag.trim().toLowerCase().split(/[-_]/)[0];

/**
 * Lower bound of the Wilson score interval (95 %) for the share of helpful votes. Unlike the plain share
 * or the raw count, it does not put one lucky vote (1 of 1 = 100 %) above 40 of 45: few votes, wide
 * interval, low bound. No votes → 0.
 */
export function wilson(up: number, down: number, z = 1.96): number {
  const n = up + down;
  if (n <= 0) return 0;
  const p = up / n;
  const z2 = z * z;
  return (p + z2 / (2 * n) - z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
}

/** The stars of a query as a sorted list; all five (or none) mean no star filter. */
export function starsOf(query: Query): number[] {
  const stars = [...new Set(query.stars)].filter((s) => s >= 1 && s <= 5).sort();
  return stars.length === 5 ? [] : stars;
}

/** True when the query shows less than all reviews: the widget must then say so. */
export function isSelection(query: Query): boolean {
  return starsOf(query).length > 0 || query.photos || query.featured || query.keyword.trim() !== '';
}

/**
 * The reviews matching the query's stars, photos and featured, in their given order. The keyword is
 * matched by `searchReviews` (review-search.ts, loaded when the shopper first searches).
 */
export function filterReviews(reviews: readonly Review[], query: Query): Review[] {
  const stars = starsOf(query);
  return reviews.filter(
    (r) => (!stars.length || stars.includes(r.rating)) && (!query.photos || r.media.length) && (!query.featured || r.featured),
  );
}

const newest = (a: Review, b: Review) => (b.date ?? -Infinity) - (a.date ?? -Infinity) || 0;

const COMPARE: Record<SortKey, (a: Review, b: Review) => number> = {
  newest,
  highest: (a, b) => b.rating - a.rating || newest(a, b),
  lowest: (a, b) => a.rating - b.rating || newest(a, b),
  helpful: (a, b) => b.score - a.score || b.helpful - a.helpful || newest(a, b),
  photos: (a, b) => Number(b.media.length > 0) - Number(a.media.length > 0) || newest(a, b),
};

const sorted = new WeakMap<readonly Review[], Partial<Record<SortKey, readonly Review[]>>>();

/**
 * Sorted copy (stable: equal reviews keep the data's order); undated reviews go last in "newest". Kept
 * per list and order: 10,000 reviews are sorted once per order, and a filter reuses the sort.
 */
export function sortReviews(reviews: readonly Review[], sort: SortKey): readonly Review[] {
  let orders = sorted.get(reviews);
  if (!orders) sorted.set(reviews, (orders = {}));
  return (orders[sort] ??= reviews.slice().sort(COMPARE[sort]));
}

/**
 * The shopper's language first, as the large review apps order: reviews not known to be in another language
 * (in `language`, or untagged: most likely the store's own) keep their order ahead of those in other languages,
 * which keep theirs. O(n), no sort.
 */
export function languageFirst(reviews: Review[], language: string): Review[] {
  if (!language) return reviews;
  const first: Review[] = [];
  const others: Review[] = [];
  for (const r of reviews) (r.primaryLanguage && r.primaryLanguage !== language ? others : first).push(r);
  return others.length ? first.concat(others) : reviews;
}

/** Sort, the shopper's language first, then filter (all but the keyword); filtering keeps the order. */
export function selectReviews(reviews: readonly Review[], query: Query): Review[] {
  return languageFirst(filterReviews(sortReviews(reviews, query.sort), query), query.language);
}
