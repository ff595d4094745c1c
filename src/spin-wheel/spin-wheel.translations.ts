/**
 * Texts of the spin wheel: English here (bundled: the fallback), the others in `translations/`, each
 * loaded only on a page in its language. The wheel's own texts are here; those of the spin and its
 * result (loaded with them) are in `result.translations.ts`, and share the language's chunk.
 */
import type { Translations } from '../core/localize.js';
import type { WheelTerm } from './terms.js';

export const translations: Translations<WheelTerm> = {
  en: {
    title: 'Spin to win',
    spin: 'Spin the wheel',
    skip: 'Skip',
    prizes: 'Prizes',
    odds: ({ p }) => `${String(p)} chance`,
    error: 'We could not reach the store. Your spin is still yours: try again.',
    email: 'Email',
    consent: 'Email me offers and news',
    close: 'Close',
  },
  ru: () => import('./translations/ru.js'),
  uk: () => import('./translations/uk.js'),
  hu: () => import('./translations/hu.js'),
};
