/** The names of the showcase's texts, and the helpers its language files share (translations/). */
import type { LocalizeController, PluralForms } from '../core/localize.js';

export type Args = Record<string, unknown>;

/** `n` in the locale's digits followed by the plural form for it. */
export const counted = (forms: PluralForms) => (a: Args, l: LocalizeController) =>
  `${l.number(a.n as number)} ${l.plural(a.n as number, forms)}`;

export const num = (a: Args, k: string, l: LocalizeController) => l.number(a[k] as number);

/** The average as shown everywhere: one decimal. */
export const avg = (a: Args, l: LocalizeController) => l.number(a.v as number, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "(23)" after a selection when the number of matches is known. */
export const matches = (a: Args, l: LocalizeController) => (a.n === undefined ? '' : ` (${num(a, 'n', l)})`);

export type ReviewTerm =
  | 'heading'
  | 'count'
  | 'rated'
  | 'based'
  | 'star'
  | 'byStars'
  | 'sortBy'
  | 'newest'
  | 'highest'
  | 'lowest'
  | 'helpful'
  | 'photos'
  | 'withPhotos'
  | 'languageFirst'
  | 'search'
  | 'showing'
  | 'featured'
  | 'quote'
  | 'seeAll'
  | 'more'
  | 'shown'
  | 'verified'
  | 'reply'
  | 'vote'
  | 'isNew'
  | 'photo'
  | 'photoBy'
  | 'close'
  | 'prev'
  | 'next'
  | 'readMore'
  | 'loading'
  | 'error'
  | 'retry'
  | 'empty'
  | 'noMatch'
  | 'carousel';
