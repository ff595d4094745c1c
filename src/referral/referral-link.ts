/**
 * What a referral is on this device: the shopper's link (or only a code), where it came from, and the state
 * key under which the link the store's endpoint issued is remembered. Pure: no storage, no DOM.
 */

/** Where the link came from: the `link` attribute, `code` in `link-pattern`, a `code` alone, or the store's endpoint. */
export type ReferralSource = 'link' | 'pattern' | 'code' | 'store';

/** The shopper's referral: a link to share, a code, or both (never neither). */
export interface Referral {
  link: string | null;
  code: string | null;
  source: ReferralSource;
}

/** The link the store's endpoint issued, as the device remembers it: the link and code only, nothing personal. */
export interface Remembered {
  link: string | null;
  code: string | null;
  /** When the store issued it (ms since the epoch). */
  at: number;
}

export const rememberedKey = (instance: string) => `referral/${instance}/link`;

/** The link of a pattern such as `https://store.example/discount/{code}`: the code URL-encoded in its place. */
export const fillPattern = (pattern: string, code: string) => pattern.replaceAll('{code}', encodeURIComponent(code));
