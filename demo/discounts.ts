/**
 * The demo store's discount codes: the ones its spin wheels hand out (the home page's pools in index.html, the
 * product page's server wheel in server/spin-outcome.route.ts) and its next-order offer (order.html), what each
 * gives, and what that does to a cart's sums. Pure: no DOM and no storage, so the cart, the order and the tests read the same rules.
 *
 * The demo only checks a code's shape. The server wheel's codes are single-use and live in the dev server's
 * memory; a real store checks a code on its server at checkout (see docs/trust.md), never only here.
 */

export type Discount =
  /** A share of the items' subtotal off; with a `minimum`, only on items of at least that many cents. */
  | { code: string; kind: 'percent'; percent: number; minimum?: number }
  /** Standard shipping costs nothing; express keeps its price. */
  | { code: string; kind: 'shipping' }
  /** A sample tin packed with the order: a gift line at 0, no price change. */
  | { code: string; kind: 'gift' };

/** The next-order offer's minimum (order.html says it beside the code): items of €30.00 or more. */
export const NEXT_ORDER_MINIMUM = 3000;

/** Every code the demo hands out, by shape: `KB10-W7KQ` from a pool, `KB10-7F3QAX` from the server. */
const OFFERS: { pattern: RegExp; offer: (code: string) => Discount }[] = [
  { pattern: /^KB10-(?:[A-Z0-9]{4}|[A-Z0-9]{6})$/, offer: (code) => ({ code, kind: 'percent', percent: 10 }) },
  { pattern: /^KB15-[A-Z0-9]{4}$/, offer: (code) => ({ code, kind: 'percent', percent: 15 }) },
  { pattern: /^(?:KBSHIPFREE|KBSHIP-[A-Z0-9]{6})$/, offer: (code) => ({ code, kind: 'shipping' }) },
  { pattern: /^(?:KBSAMPLETIN|KBTIN-[A-Z0-9]{6})$/, offer: (code) => ({ code, kind: 'gift' }) },
  { pattern: /^KBNEXT-[A-Z0-9]{4}$/, offer: (code) => ({ code, kind: 'percent', percent: 15, minimum: NEXT_ORDER_MINIMUM }) },
];

/**
 * The offer a code gives, or null when it is not a code of this shop. Shoppers type codes as they like, so
 * spaces around it and the letter case do not matter; the offer carries the code in the shop's own spelling.
 * Anything else (a URL, markup, a megabyte of text) fails the anchored patterns and is simply not a code.
 */
export function parseDiscount(input: string): Discount | null {
  const code = input.trim().toUpperCase();
  const match = OFFERS.find(({ pattern }) => pattern.test(code));
  return match ? match.offer(code) : null;
}

/** What a discount takes off: cents off the items and whether standard shipping is waived. */
export interface DiscountEffect {
  /** Cents off the items, rounded to the cent (half up), never more than the subtotal. */
  cents: number;
  freeStandardShipping: boolean;
}

/** Whether a cart of `subtotal` cents reaches the code's minimum (codes without one always do). */
export function meetsMinimum(discount: Discount, subtotal: number): boolean {
  return discount.kind !== 'percent' || subtotal >= (discount.minimum ?? 0);
}

/** How `discount` changes a cart of `subtotal` cents (`totals` in shop.ts adds shipping and the total). */
export function discountEffect(discount: Discount | null | undefined, subtotal: number): DiscountEffect {
  if (!discount || subtotal <= 0 || !meetsMinimum(discount, subtotal)) return { cents: 0, freeStandardShipping: false };
  const cents = discount.kind === 'percent' ? Math.min(subtotal, Math.max(0, Math.round((subtotal * discount.percent) / 100))) : 0;
  return { cents, freeStandardShipping: discount.kind === 'shipping' };
}
