/**
 * Texts of what `<retain-survey>` says after the shopper answers (the follow-up, the thank-you, "not now"),
 * bundled with survey.actions.ts so that the first render does not carry them. English here; ru, uk and hu are
 * the `actions` export of the language files in translations/, which the first render loads.
 */
import type { Terms, Translations } from '../core/localize.js';
import type { SurveyActionTerm } from './survey.terms.js';

export type { SurveyActionTerm };

const en: Terms<SurveyActionTerm> = {
  gave: ({ score, max }) => `You gave us ${String(score)} out of ${String(max)}.`,
  followDetractor: 'What could we have done better?',
  followPassive: 'What would have made it even better?',
  followPromoter: 'What did you like most?',
  optional: 'optional',
  skip: 'Skip',
  sending: 'Sending…',
  failed: 'We couldn’t send your comment. What you wrote is kept; please try again.',
  retry: 'Try again',
  thanks: 'Thank you for your answer!',
  reviewAsk: 'Would you tell others in a review?',
  review: 'Write a review',
  supportAsk: 'We’re sorry it wasn’t better. Our support team will gladly help.',
  support: 'Contact support',
  snoozed: 'OK, we won’t ask again for now.',
};

export const actionTranslations: Translations<SurveyActionTerm> = {
  en,
  ru: () => import('./translations/ru.js').then((language) => ({ default: language.actions })),
  uk: () => import('./translations/uk.js').then((language) => ({ default: language.actions })),
  hu: () => import('./translations/hu.js').then((language) => ({ default: language.actions })),
};
