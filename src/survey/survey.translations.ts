/**
 * Texts of `<retain-survey>`'s question: English here (the fallback), ru, uk and hu in translations/, each its own
 * chunk loaded only on a page in that language. What follows an answer is in survey.actions.translations.ts.
 */
import type { Terms, Translations } from '../core/localize.js';
import type { SurveyTerm } from './survey.terms.js';

export type { SurveyTerm };

const en: Terms<SurveyTerm> = {
  npsQuestion: 'How likely are you to recommend us to a friend or colleague?',
  csatQuestion: 'How satisfied are you with your order?',
  npsLow: 'Not at all likely',
  npsHigh: 'Extremely likely',
  csat1: 'Very dissatisfied',
  csat2: 'Dissatisfied',
  csat3: 'Neutral',
  csat4: 'Satisfied',
  csat5: 'Very satisfied',
  send: 'Send',
  notNow: 'Not now',
  pick: 'Choose a score first.',
};

export const translations: Translations<SurveyTerm> = {
  en,
  ru: () => import('./translations/ru.js'),
  uk: () => import('./translations/uk.js'),
  hu: () => import('./translations/hu.js'),
};
