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
const en = pts({ one: 'point', other: 'points' });

export const cap = (text: unknown) => String(text).charAt(0).toLocaleUpperCase() + String(text).slice(1);
const ordinal = { one: 'st', two: 'nd', few: 'rd', other: 'th' } as Record<string, string>;

export type LoyaltyTerm =
  | 'program'
  | 'points'
  | 'pending'
  | 'estimate'
  | 'verified'
  | 'sourceStore'
  | 'sourceVerified'
  | 'sourceEstimate'
  | 'tier'
  | 'toNext'
  | 'top'
  | 'gift'
  | 'punch'
  | 'punchDone'
  | 'ways'
  | 'earnSpend'
  | 'earnPunch'
  | 'earnSignup'
  | 'rewards'
  | 'ready'
  | 'toGo'
  | 'join'
  | 'joinOrder'
  | 'joinPlain'
  | 'cta'
  | 'gained'
  | 'balance'
  | 'tierUp'
  | 'unlocked';

export const translations: Translations<LoyaltyTerm> = {
  en: {
    program: 'Rewards',
    points: (a, l) => en(num(a), l),
    pending: (a, l) => `${en(num(a), l)} pending`,
    estimate: 'estimate',
    verified: 'verified',
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
    join: (a, l) => `Join & earn ${en(num(a), l)}`,
    joinOrder: (a, l) => `Join and earn ${en(num(a), l)} on this order`,
    joinPlain: (a, l) => `Join and earn ${en(num(a), l)}`,
    cta: 'Create an account',
    gained: (a, l) => `You earned ${en(num(a), l)}. Balance: ${en(num(a, 'total'), l)}.`,
    balance: (a, l) => `Balance: ${en(num(a, 'total'), l)}.`,
    tierUp: (a) => `Welcome to ${a.tier}!`,
    unlocked: (a) => `Reward unlocked: ${a.label}.`,
  },
  ru: () => import('./translations/ru.js'),
  uk: () => import('./translations/uk.js'),
  hu: () => import('./translations/hu.js'),
};
