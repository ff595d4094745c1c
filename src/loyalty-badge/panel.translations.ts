/** Texts of the badge's panel and its announcements, loaded with the panel; other languages share the badge's chunks. */
import type { Translations } from '../core/localize.js';
import { cap, en, num } from './loyalty-badge.translations.js';
import type { PanelTerm } from './loyalty-badge.terms.js';

export type { PanelTerm };

const ordinal = { one: 'st', two: 'nd', few: 'rd', other: 'th' } as Record<string, string>;

export const panelTranslations: Translations<PanelTerm> = {
  en: {
    pending: (a, l) => `${en(num(a), l)} pending`,
    sourceStore: 'Your balance',
    sourceVerified: 'Verified by the store',
    sourceEstimate: 'Estimate from orders on this device; the store confirms your balance.',
    tier: 'Tier',
    toNext: (a, l) => `${en(num(a), l)} to ${a.tier}`,
    top: 'Top tier',
    gift: 'surprise gift',
    punch: (a) => `${a.done} of ${a.every} orders to your ${a.label}`,
    punchDone: (a) => `You earned your ${a.label}!`,
    ways: 'Ways to earn',
    earnSpend: (a, l) => `${en(num(a), l)} per ${a.amount} spent`,
    earnPunch: (a) =>
      `${cap(a.label)} on every ${a.every}${ordinal[new Intl.PluralRules('en', { type: 'ordinal' }).select(num(a, 'every'))]} order`,
    earnSignup: (a, l) => `${en(num(a), l)} for creating an account`,
    rewards: 'Rewards within reach',
    ready: 'Ready to redeem',
    toGo: (a, l) => `${en(num(a), l)} to go`,
    joinOrder: (a, l) => `Join and earn ${en(num(a), l)} on this order`,
    joinPlain: (a, l) => `Join and earn ${en(num(a), l)}`,
    cta: 'Create an account',
    gained: (a, l) => `You earned ${en(num(a), l)}. Balance: ${en(num(a, 'total'), l)}.`,
    balance: (a, l) => `Balance: ${en(num(a, 'total'), l)}.`,
    tierUp: (a) => `Welcome to ${a.tier}!`,
    unlocked: (a) => `Reward unlocked: ${a.label}.`,
    readyOnceConfirmed: 'redeemable once the store confirms your balance',
    unlockedOnceConfirmed: (a) => `Redeemable once the store confirms your balance: ${a.label}.`,
    cartEarns: (a, l) => `This cart earns ${en(num(a), l)}`,
  },
  ru: () => import('./translations/ru.js').then((texts) => ({ default: texts.panel })),
  uk: () => import('./translations/uk.js').then((texts) => ({ default: texts.panel })),
  hu: () => import('./translations/hu.js').then((texts) => ({ default: texts.panel })),
};
