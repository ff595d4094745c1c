/**
 * The demo store's loyalty programme, for the header's `<retain-loyalty-badge>` on every page, as a store's
 * template would render it (each page loads this module after its own script, before the kit's):
 *
 * - the tier and reward names in the page's language (demo/texts.ts), with the thresholds and costs of one
 *   programme: the kit shows the names it is given, so a store passes its own, translated;
 * - the punch card's count from the shop's own orders (`orders`), so that the signup bonus below, which the
 *   kit records like an order, is not counted as one;
 * - the signup bonus the account prompt promises ("Earn 100 points"), credited when the account is created
 *   (`retain-account-created`), through the kit's public API, so that the badge shows it.
 */
import { productBySlug } from './catalog.js';
import { lang, money, orderCount, t, textOf, weight } from './shop.js';
import type { TextKey } from './texts.js';

const TIERS: { name: TextKey; min: number }[] = [
  { name: 'loyalty.bronze', min: 0 },
  { name: 'loyalty.silver', min: 150 },
  { name: 'loyalty.gold', min: 500 },
];

const tin = productBySlug('earl-grey-cream')!;
/** Each reward keeps one `id` in every language: events and the store's redemption name it by that. */
const REWARDS = [
  { id: 'tasting-sample', label: t('loyalty.rewardSample'), cost: 100 },
  { id: 'five-euro-off', label: t('loyalty.rewardOff', { off: money(500) }), cost: 250 },
  { id: 'earl-grey-tin', label: t('loyalty.rewardTin', { name: textOf(tin).name, weight: weight(100) }), cost: 600 },
];

/** The order id the signup bonus is recorded under: once per device (the demo's stand-in for once per account). */
const SIGNUP_BONUS_ID = 'KB-SIGNUP-BONUS';

for (const badge of document.querySelectorAll('retain-loyalty-badge[data-programme]')) {
  badge.setAttribute('tiers', JSON.stringify(TIERS.map(({ name, min }) => ({ name: t(name), min }))));
  badge.setAttribute('rewards', JSON.stringify(REWARDS));
  badge.setAttribute('orders', String(orderCount()));
  // The badge remembers the tier it showed last time by its name: under one instance, switching to another
  // language would announce "Welcome to Бронза!" and report a tier change. One memory per language instead.
  badge.setAttribute('instance', `${badge.getAttribute('instance') ?? 'header'}-${lang}`);
}

/** Credits the bonus the prompt promised (its `incentive-points`) as points in the badge's programme. */
async function creditSignupBonus(prompt: Element): Promise<void> {
  const points = Number(prompt.getAttribute('incentive-points'));
  const badge = document.querySelector('retain-loyalty-badge[data-programme]');
  if (!(points > 0) || !badge || !window.retainkit) return;
  const perEuro = Number(badge.getAttribute('points-per-unit') ?? 1);
  const currency = badge.getAttribute('currency') ?? 'EUR';
  if (!(perEuro > 0)) return;
  // The kit's estimate counts points of recorded orders, so the bonus is recorded as an "order" worth exactly
  // those points (rounded up to the cent: the kit rounds points down).
  const total = Math.ceil((points / perEuro) * 100) / 100;
  try {
    await window.retainkit.recordOrder({ orderId: SIGNUP_BONUS_ID, total, currency });
  } catch (error) {
    console.warn('Kettlebloom demo: could not credit the signup bonus', error);
  }
}

document.addEventListener('retain-account-created', (event) => void creditSignupBonus(event.target as Element));
