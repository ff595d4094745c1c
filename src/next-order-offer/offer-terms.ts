/**
 * What a next-order offer is: the code and its terms as the device remembers them (no personal data),
 * what its discount can be, and the state keys. Pure: no storage, no DOM, so that the element's first
 * load, the hand-out (`handout.ts`) and the tests share it.
 */

/** What the code gives, as the store states it: `15%`, an amount in the offer's currency (`10`), or `shipping`. */
export type Discount = { kind: 'percent'; value: number } | { kind: 'amount'; value: number } | { kind: 'shipping' };

/** The terms of an offer, from the element's attributes (or the store's answer). */
export interface OfferTerms {
  discount: Discount | null;
  /** What the code gives in the store's own words; shown instead of the discount. */
  label: string | null;
  /** The smallest next order the code works on, in `currency`; null for none. */
  minimum: number | null;
  currency: string;
  /** The apply link's template (`{code}` replaced), checked to be https: or relative. */
  applyUrl: string | null;
}

/** An offer handed out on this device: remembered until it expires or the store says it was used. */
export interface Offer extends OfferTerms {
  code: string;
  /** When the code stops working (ms since the epoch). */
  expiresAt: number;
  handedAt: number;
  /** The order it was handed out on. */
  orderId: string;
  source: 'pool' | 'store';
}

/** The offer of an instance, and the decision about one order (`{ at, outcome }`). */
export const offerKey = (instance: string) => `next-order-offer/${instance}/offer`;
export const orderKey = (instance: string, orderId: string) => `next-order-offer/${instance}/order/${orderId}`;

/** A code: 1 to 64 characters without spaces, as the spin wheel takes them. */
export const isCode = (code: string) => /^\S{1,64}$/.test(code);

/** The discount in `raw` (`15%`, `10`, `shipping`), or what is wrong with it. */
export function readDiscount(raw: string): Discount | string {
  const text = raw.trim().toLowerCase();
  if (text === 'shipping') return { kind: 'shipping' };
  const match = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(text);
  if (!match) return 'is not a percentage (15%), an amount (10) or shipping';
  const value = Number(match[1]);
  if (!(value > 0)) return 'is not above 0';
  if (match[2] && value > 100) return 'is above 100%';
  return { kind: match[2] ? 'percent' : 'amount', value };
}
