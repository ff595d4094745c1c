/**
 * Keyword search over reviews, loaded when the shopper first focuses the search field (the widget waits
 * for it before showing a keyword's results): texts folded so that "jo" finds "jó" and "ÉLMÉNY" finds
 * "élmény", each review's folded once and kept.
 */
import { Slice } from '../core/slice.js';
import type { Review } from './review-data.js';

/** Lower case without (Latin and Cyrillic) diacritics. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The folded text search looks in: title, body and author, as given (search needs no cleaning). */
function textOf(r: Review): string {
  const { title, body, author } = r.raw;
  return (r.text ??= fold(
    `${str(title)}\n${str(body)}\n${str(author && typeof author === 'object' ? (author as Record<string, unknown>).name : author)}`,
  ));
}

/** The reviews whose title, body or author holds `keyword`, in their given order. */
export function searchReviews(reviews: readonly Review[], keyword: string): Review[] {
  const needle = fold(keyword.trim());
  return needle ? reviews.filter((r) => textOf(r).includes(needle)) : reviews.slice();
}

/** Folds the search texts ahead of the first search, a slice at a time (no long task for 10,000). */
export async function prepareSearch(reviews: readonly Review[]): Promise<void> {
  const slice = new Slice();
  for (const review of reviews) {
    if (slice.due) await slice.pause();
    textOf(review);
  }
}
