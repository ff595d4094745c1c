/** Events of `<retain-review-showcase>`: one class each, fired on a shopper's action only. */
import { RetainEvent, type RetainDetail } from '../core/events.js';
import type { SortKey } from './review-query.js';
import type { RetainReviewVotedEvent } from './review-vote.js';
import type { RetainReviewPhotoOpenedEvent } from './review-lightbox.js';
import type { ReviewVotedDetail, ReviewPhotoDetail } from './review-showcase.details.js';

export type { ReviewVotedDetail, ReviewPhotoDetail };

export interface ReviewSeenDetail extends RetainDetail {
  productId: string;
  /** Reviews that came into view since the last such event (each once per page view). */
  reviewIds: string[];
}

export interface ReviewFilteredDetail extends RetainDetail {
  productId: string;
  /** Stars shown (empty: all). */
  stars: number[];
  photos: boolean;
  keyword: string;
  featured: boolean;
  /** How many reviews match now, when known. */
  matches?: number;
}

export interface ReviewSortedDetail extends RetainDetail {
  productId: string;
  sort: SortKey;
  /** The language whose reviews come first (the shopper's, `en`), or null when the shopper turned that off. */
  languageFirst: string | null;
}

/** Reviews scrolled into view (half visible), batched. */
export class RetainReviewSeenEvent extends RetainEvent<ReviewSeenDetail> {
  constructor(detail: ReviewSeenDetail) {
    super('retain-review-seen', detail);
  }
}

/** The shopper changed a filter (stars, photos, keyword, "see all"). */
export class RetainReviewFilteredEvent extends RetainEvent<ReviewFilteredDetail> {
  constructor(detail: ReviewFilteredDetail) {
    super('retain-review-filtered', detail);
  }
}

/** The shopper chose a sort order, or turned "reviews in my language first" on or off. */
export class RetainReviewSortedEvent extends RetainEvent<ReviewSortedDetail> {
  constructor(detail: ReviewSortedDetail) {
    super('retain-review-sorted', detail);
  }
}

// The helpful and photo-opened events load with the code that fires them (review-vote.ts, review-lightbox.ts).
export type { RetainReviewVotedEvent, RetainReviewPhotoOpenedEvent };

declare global {
  interface GlobalEventHandlersEventMap {
    'retain-review-seen': RetainReviewSeenEvent;
    'retain-review-filtered': RetainReviewFilteredEvent;
    'retain-review-sorted': RetainReviewSortedEvent;
    'retain-review-voted': RetainReviewVotedEvent;
    'retain-review-photo-opened': RetainReviewPhotoOpenedEvent;
  }
}
