/**
 * Texts of `<retain-review-showcase>`: English here (the fallback), ru, uk and hu in translations/, each
 * its own chunk loaded only on a page in that language. Reviews themselves keep their own language.
 */
import { languageName as nameOf } from '../core/language-names.js';
import type { LocalizeController, Terms, Translations } from '../core/localize.js';
import { avg, counted, matches, num, type Args, type ReviewTerm } from './review-showcase.terms.js';

export { avg, counted, matches, num, type ReviewTerm };

/**
 * A language's name in the interface's language ("German" for `de`). English names itself without
 * `Intl.DisplayNames`: the first one a page makes cost 12–15 ms at 4× CPU on the bench's product page.
 */
const languageName = (a: Args, l: LocalizeController) => (a.language === 'en' ? 'English' : nameOf(l, String(a.language)));

const en = {
  heading: 'Customer reviews',
  count: counted({ one: 'review', other: 'reviews' }),
  rated: (a: Args, l: LocalizeController) => `Rated ${avg(a, l)} out of 5`,
  based: (a: Args, l: LocalizeController) => `${avg(a, l)} from ${counted({ one: 'review', other: 'reviews' })(a, l)}`,
  star: (a: Args, l: LocalizeController) => `${a.s} ${a.s === 1 ? 'star' : 'stars'}: ${counted({ one: 'review', other: 'reviews' })(a, l)}`,
  byStars: 'Filter by rating',
  sortBy: 'Sort by',
  newest: 'Newest',
  highest: 'Highest rating',
  lowest: 'Lowest rating',
  helpful: 'Most helpful',
  photos: 'With photos first',
  withPhotos: 'With photos',
  /** The shopper's language first; ru, uk and hu name their own language (the interface is in it). */
  languageFirst: (a: Args, l: LocalizeController) => `${languageName(a, l)} reviews first`,
  search: 'Search reviews',
  showing: (a: Args, l: LocalizeController) => `Showing reviews: ${a.what}${matches(a, l)}`,
  featured: 'featured',
  quote: (a: Args) => `“${a.q}”`,
  seeAll: 'See all reviews',
  more: 'Show more reviews',
  shown: (a: Args, l: LocalizeController) => `${num(a, 'n', l)} of ${num(a, 'total', l)} shown`,
  verified: 'Verified buyer',
  reply: 'Reply from the store',
  vote: 'Helpful',
  isNew: 'New',
  photo: (a: Args) => `Photo ${a.i} of ${a.n}`,
  photoBy: (a: Args) => (a.name ? `Photo ${a.i} from ${a.name}` : `Photo ${a.i}`),
  close: 'Close',
  prev: 'Previous',
  next: 'Next',
  readMore: 'Read more',
  loading: 'Loading reviews…',
  error: 'Reviews could not be loaded.',
  retry: 'Try again',
  empty: 'No reviews yet.',
  noMatch: 'No reviews match.',
  carousel: 'carousel',
} satisfies Terms<ReviewTerm>;

export const translations: Translations<ReviewTerm> = {
  en,
  ru: () => import('./translations/ru.js'),
  uk: () => import('./translations/uk.js'),
  hu: () => import('./translations/hu.js'),
};
