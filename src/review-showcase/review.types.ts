/** The shapes of review data, shared by review-data.ts (which reads it) and review-query.ts (which filters and sorts it). */

export interface Media {
  url: string;
  alt: string;
  width?: number;
  height?: number;
  /** A smaller image for the card; the lightbox shows `url`. */
  thumb?: string;
}

export interface Reply {
  body: string;
  author: string;
  date?: number;
}

export interface Review {
  id: string;
  /** Whole stars, 1–5. */
  rating: number;
  /** Milliseconds since the epoch; undefined when the data had no valid date. */
  date?: number;
  verified: boolean;
  /** Only the photos with an https: or relative URL. */
  media: Media[];
  helpful: number;
  unhelpful: number;
  featured: boolean;
  /** The primary subtag of the review's `language` (`uk` for `uk-UA`), for the shopper's-language-first order. */
  primaryLanguage?: string;
  /** Lower bound of the Wilson interval of the helpful share (see `wilson`), for the helpful sort. */
  score: number;
  /** The review as the data gave it: its texts are cleaned by `ready` when shown. */
  raw: Record<string, unknown>;
  /** Folded text for keyword search (review-search.ts), filled on first search. */
  text?: string;
}

/** A review about to be shown: its stranger-typed texts cleaned (see `cleanText`). */
export interface ShownReview extends Review {
  title: string;
  body: string;
  author: string;
  location: string;
  reply?: Reply;
  /** A BCP 47 tag, checked by `Intl`. */
  language?: string;
}

/** Counts per star: index 0 is 1★, index 4 is 5★. */
export type Distribution = [number, number, number, number, number];

export interface Aggregate {
  /** Over all the product's reviews (never over a selection). */
  average: number;
  count: number;
  distribution?: Distribution;
  /** True when the store gave no aggregate and it was computed from the reviews at hand. */
  computed: boolean;
}

export interface Product {
  id: string;
  name: string;
  url?: string;
  /** The `@id` of the page's Product JSON-LD to merge the ratings into. */
  schemaId?: string;
}

export interface ReviewData {
  product: Product;
  aggregate: Aggregate;
  reviews: Review[];
  /** The next page of a paged source (already checked to be https: or relative). */
  next?: string;
  /** How many reviews match the request in a paged source. */
  total?: number;
  /** A page with all reviews, for "see all" when the data holds only some. */
  all?: string;
  /** The primary languages of the reviews at hand ('' for those without one), for the language-first control. */
  languages: string[];
  /** What was wrong with the data (skipped reviews, a dropped distribution); empty when all was well. */
  problems: string[];
}
