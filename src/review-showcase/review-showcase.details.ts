/** What the showcase's vote and lightbox events carry: types only, shared by review-showcase.events.ts and the parts that fire them. */
import type { RetainDetail } from '../core/events.js';

export interface ReviewVotedDetail extends RetainDetail {
  productId: string;
  reviewId: string;
}

export interface ReviewPhotoDetail extends RetainDetail {
  productId: string;
  reviewId: string;
  /** Which of the review's photos, from 0. */
  index: number;
}
