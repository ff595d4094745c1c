/** The names of the badge's and the panel's texts, and the helpers its language files share (translations/). */
import type { LocalizeController, PluralForms } from '../core/localize.js';

type Args = Record<string, unknown>;
type L = LocalizeController;

export const num = (a: Args, k = 'n') => a[k] as number;

/** `n` and its noun, in the language's plural form. */
export const pts = (forms: PluralForms) => (n: number, l: L) => `${l.number(n)} ${l.plural(n, forms)}`;

export const cap = (text: unknown) => String(text).charAt(0).toLocaleUpperCase() + String(text).slice(1);

/** The badge's own texts; the panel's are in `panel.translations.ts`. */
export type LoyaltyTerm = 'program' | 'points' | 'estimate' | 'verified' | 'join';

export type PanelTerm =
  | 'pending'
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
  | 'joinOrder'
  | 'joinPlain'
  | 'cta'
  | 'gained'
  | 'balance'
  | 'tierUp'
  | 'unlocked'
  | 'readyOnceConfirmed'
  | 'unlockedOnceConfirmed'
  | 'cartEarns';
