/**
 * Texts of `<retain-next-order-offer>`: English here (the fallback), ru, uk and hu in translations/, each its own
 * chunk loaded only on a page in that language. `p` is a formatted percentage, `amount` a formatted price, `when`
 * a formatted time to come ("in 30 days", or `inClock` of "05:12:09"), `date` a formatted date and time.
 */
import type { Terms, Translations } from '../core/localize.js';
import type { OfferTerm } from './next-order-offer.terms.js';

export type { OfferTerm };

const en: Terms<OfferTerm> = {
  title: 'Your code for your next order',
  yourCode: 'Your next-order code',
  percent: ({ p }) => `${String(p)} off`,
  amount: ({ amount }) => `${String(amount)} off`,
  shipping: 'Free shipping',
  minimum: ({ amount }) => `On orders of ${String(amount)} or more.`,
  copy: 'Copy code',
  copied: 'Copied',
  copyFailed: 'Select the code to copy it.',
  apply: 'Shop with this code',
  expires: ({ when, date }) => `Expires ${String(when)} (${String(date)})`,
  inClock: ({ clock }) => `in ${String(clock)}`,
  expired: ({ date }) => `This code expired on ${String(date)}.`,
  asking: 'Getting your code…',
  error: 'We couldn’t get your code just now.',
  retry: 'Try again',
};

export const translations: Translations<OfferTerm> = {
  en,
  ru: () => import('./translations/ru.js'),
  uk: () => import('./translations/uk.js'),
  hu: () => import('./translations/hu.js'),
};
