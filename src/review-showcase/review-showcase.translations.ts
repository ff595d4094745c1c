/**
 * Texts of `<retain-review-showcase>`: English here (the fallback), ru, uk and hu in translations/, each
 * its own chunk loaded only on a page in that language. Reviews themselves keep their own language.
 */
import type { LocalizeController, PluralForms, Translations } from '../core/localize.js';

type Args = Record<string, unknown>;
/** `n` in the locale's digits followed by the plural form for it. */
export const counted = (forms: PluralForms) => (a: Args, l: LocalizeController) =>
  `${l.number(a.n as number)} ${l.plural(a.n as number, forms)}`;
export const num = (a: Args, k: string, l: LocalizeController) => l.number(a[k] as number);
/** The average as shown everywhere: one decimal. */
export const avg = (a: Args, l: LocalizeController) => l.number(a.v as number, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** A language's name in the interface's language ("German" for `de`). */
const languageName = (a: Args, l: LocalizeController) => l.languageName(String(a.language));
/** "(23)" after a selection when the number of matches is known. */
export const matches = (a: Args, l: LocalizeController) => (a.n === undefined ? '' : ` (${num(a, 'n', l)})`);

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
};

export type ReviewTerm = keyof typeof en;

export const translations: Translations<ReviewTerm> = {
  en,
  ru: () => import('./translations/ru.js'),
  uk: () => import('./translations/uk.js'),
  hu: () => import('./translations/hu.js'),
};
