/**
 * Texts of what `<retain-account-prompt>` says after the shopper acts (field errors, the closing notes),
 * bundled with account-prompt.actions.ts so that the first render does not carry them. English here; ru,
 * uk and hu are the `actions` export of the language files in translations/, which the first render loads.
 */
import type { Translations } from '../core/localize.js';
import type { ActionTerm } from './account-prompt.terms.js';

export type { ActionTerm };

export const actionTranslations: Translations<ActionTerm> = {
  en: {
    doneTitle: 'Your account is ready',
    done: (a) => `Order ${a.order} is saved to it.`,
    sent: 'Thank you! Your request has been sent.',
    dismissed: 'OK, we won’t ask again for now.',
    close: 'Close',
    emailBad: 'Enter an email address like name@example.com.',
    pwMissing: 'Enter a password.',
  },
  ru: () => import('./translations/ru.js').then((language) => ({ default: language.actions })),
  uk: () => import('./translations/uk.js').then((language) => ({ default: language.actions })),
  hu: () => import('./translations/hu.js').then((language) => ({ default: language.actions })),
};
