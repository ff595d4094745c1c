/**
 * Texts of `<retain-recently-viewed>`: English here (the fallback), ru, uk and hu in translations/, each its own
 * chunk loaded only on a page in that language. Prices are formatted by Intl, not here.
 */
import type { Terms, Translations } from '../core/localize.js';

import type { RecentlyViewedTerm } from './recently-viewed.terms.js';

export type { RecentlyViewedTerm };

const en: Terms<RecentlyViewedTerm> = {
  heading: 'Recently viewed',
  clear: 'Clear',
  cleared: 'Your recently viewed products were cleared from this device.',
};

export const translations: Translations<RecentlyViewedTerm> = {
  en,
  ru: () => import('./translations/ru.js'),
  uk: () => import('./translations/uk.js'),
  hu: () => import('./translations/hu.js'),
};
