/**
 * Texts of `<retain-account-prompt>`: English here (the fallback), ru, uk and hu in translations/, each its
 * own chunk loaded only on a page in that language. `order` is the store's order id; `n` a number of points.
 */
import type { Terms, Translations } from '../core/localize.js';
import type { AccountTerm } from './account-prompt.terms.js';

export type { AccountTerm };

const en: Terms<AccountTerm> = {
  title: 'Create an account in one step',
  track: (a) => `Track order ${a.order}`,
  fast: 'Faster checkout next time',
  points: (a, l) => `Earn ${l.number(a.n as number)} ${l.plural(a.n as number, { one: 'point', other: 'points' })} on this order`,
  email: 'Email',
  password: 'Password',
  optional: 'optional',
  pwHint: 'Or leave it empty to get a link by email.',
  news: 'News and offers (optional)',
  byEmail: 'Email me news and offers',
  bySms: 'Text me offers (SMS)',
  create: 'Create account',
  retry: 'Try again',
  no: 'No thanks',
  sending: 'Creating your account…',
  failed: 'We couldn’t create your account. What you typed is kept; please try again.',
  link: 'We’ll email you a link to set your password.',
  haveTitle: 'Welcome back',
  have: (a) => `You have an account: log in to link order ${a.order} to it.`,
  login: 'Log in to link this order',
};

export const translations: Translations<AccountTerm> = {
  en,
  ru: () => import('./translations/ru.js'),
  uk: () => import('./translations/uk.js'),
  hu: () => import('./translations/hu.js'),
};
