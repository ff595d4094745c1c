/**
 * Texts of the loyalty badge: English here (bundled: the fallback), the others in `translations/`, each
 * loaded only on a page in its language. `pts` makes "1 point / 5 points", "1 балл, 2 балла, 5 баллов",
 * "1 бал, 2 бали, 5 балів", "1 pont, 5 pont" with the number formatted by Intl.
 */
import type { Translations } from '../core/localize.js';
import { cap, num, pts, type LoyaltyTerm } from './loyalty-badge.terms.js';

export { cap, num, pts, type LoyaltyTerm };

export const en = pts({ one: 'point', other: 'points' });

export const translations: Translations<LoyaltyTerm> = {
  en: {
    program: 'Rewards',
    points: (a, l) => en(num(a), l),
    estimate: 'estimate',
    verified: 'verified',
    join: (a, l) => `Join & earn ${en(num(a), l)}`,
  },
  ru: () => import('./translations/ru.js'),
  uk: () => import('./translations/uk.js'),
  hu: () => import('./translations/hu.js'),
};
