/**
 * Texts of `<retain-referral>`: English here (the fallback), ru, uk and hu in translations/, each its own chunk
 * loaded only on a page in that language. `p` is a formatted percentage, `amount` a formatted price, `gift` what
 * the friend gets (formatted, or the store's words). The share message is the shopper speaking to a friend.
 */
import type { Terms, Translations } from '../core/localize.js';

import type { ReferralTerm } from './referral.terms.js';

export type { ReferralTerm };

const en: Terms<ReferralTerm> = {
  title: 'Invite a friend',
  friendGets: 'Your friend gets',
  youGet: 'You get',
  percent: ({ p }) => `${String(p)} off`,
  amount: ({ amount }) => `${String(amount)} off`,
  shipping: 'Free shipping',
  storeRewards: 'The store gives the rewards on its own terms, once your friend has ordered.',
  yourLink: 'Your link',
  yourCode: 'Your code',
  copyLink: 'Copy link',
  copyCode: 'Copy code',
  copied: 'Copied',
  linkCopied: 'Link copied',
  codeCopied: 'Code copied',
  copyFailed: 'Select the text above to copy it.',
  share: 'Share…',
  shared: 'Shared',
  shareVia: 'Send by',
  email: 'Email',
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  sms: 'Text message',
  newTab: 'opens in a new tab',
  message: 'Sharing a shop I like:',
  messageGift: ({ gift }) => `A gift for you from a shop I like: ${String(gift)}.`,
  messageCode: ({ code }) => `My code: ${String(code)}`,
  subject: 'A shop I like',
  asking: 'Getting your link…',
  error: 'We couldn’t get your link just now.',
  retry: 'Try again',
};

export const translations: Translations<ReferralTerm> = {
  en,
  ru: () => import('./translations/ru.js'),
  uk: () => import('./translations/uk.js'),
  hu: () => import('./translations/hu.js'),
};
