/**
 * Texts of the loyalty badge: English here (bundled: the fallback), the others in `translations/`, each
 * loaded only on a page in its language. `pts` makes "1 point / 5 points", "1 балл, 2 балла, 5 баллов",
 * "1 бал, 2 бали, 5 балів", "1 pont, 5 pont" with the number formatted by Intl.
 */
import type { LocalizeController, PluralForms, Translations } from '../core/localize.js';

type Args = Record<string, unknown>;
type L = LocalizeController;

export const num = (a: Args, k = 'n') => a[k] as number;

/** `n` and its noun, in the language's plural form. */
export const pts = (forms: PluralForms) => (n: number, l: L) => `${l.number(n)} ${l.plural(n, forms)}`;
export const en = pts({ one: 'point', other: 'points' });

export const cap = (text: unknown) => String(text).charAt(0).toLocaleUpperCase() + String(text).slice(1);

/** The badge's own texts; the panel's are in `panel.translations.ts`. */
export type LoyaltyTerm = 'program' | 'points' | 'estimate' | 'verified' | 'join';

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
