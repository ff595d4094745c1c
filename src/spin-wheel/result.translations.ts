/** Texts of the spin and its result, loaded with them (`result.ts`); other languages share the wheel's chunks. */
import type { Translations } from '../core/localize.js';
import type { ResultTerm } from './terms.js';

export const resultTranslations: Translations<ResultTerm> = {
  en: {
    spinning: 'The wheel is spinning…',
    won: ({ label }) => `You won: ${String(label)}`,
    none: 'No prize this time. Thanks for playing!',
    copy: 'Copy code',
    copied: 'Copied!',
    copyFailed: 'Select the code to copy it',
    apply: 'Apply to cart',
    expires: ({ time }) => `Expires in ${String(time)}`,
    spun: 'You have already spun the wheel.',
    next: ({ date }) => `Next spin: ${String(date)}`,
    left: 'none left',
    empty: 'No prizes are left to win here. Thanks for playing!',
  },
  ru: () => import('./translations/ru.js').then((texts) => ({ default: texts.result })),
  uk: () => import('./translations/uk.js').then((texts) => ({ default: texts.result })),
  hu: () => import('./translations/hu.js').then((texts) => ({ default: texts.result })),
};
