/**
 * Review JSON from a `src`, fetched and checked once per page and URL, whichever showcases ask: two
 * showcases of one product (a summary by the price, the list below) share one request and one pass of
 * checks. A failed request is forgotten, so that asking again tries again.
 */
import { normalizeData, type ReviewData } from './review-data.js';

const pages = new Map<string, Promise<ReviewData | string>>();

/** The page of reviews at `url`, checked (a string says what is wrong with it); rejects when it cannot be fetched. */
export function fetchReviews(url: string): Promise<ReviewData | string> {
  let page = pages.get(url);
  if (!page) {
    page = fetchPage(url);
    pages.set(url, page);
    page.catch(() => pages.delete(url));
  }
  return page;
}

async function fetchPage(url: string): Promise<ReviewData | string> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return normalizeData(await response.json(), response.url || url, true);
}
