/** Hungarian texts of `<retain-next-order-offer>`, loaded only on pages in Hungarian (informal "te", as the spin wheel). */
import type { Terms } from '../../core/localize.js';
import type { OfferTerm } from '../next-order-offer.terms.js';

export default {
  title: 'Kódod a következő rendelésedhez',
  yourCode: 'Kódod a következő rendelésedhez',
  percent: ({ p }) => `${String(p)} kedvezmény`,
  amount: ({ amount }) => `${String(amount)} kedvezmény`,
  shipping: 'Ingyenes szállítás',
  minimum: ({ amount }) => `Legalább ${String(amount)} értékű rendelésre.`,
  copy: 'Kód másolása',
  copied: 'Másolva',
  copyFailed: 'Jelöld ki a kódot a másoláshoz.',
  apply: 'Vásárolj ezzel a kóddal',
  expires: ({ when, date }) => `Lejár ${String(when)} (${String(date)})`,
  inClock: ({ clock }) => `${String(clock)} múlva`,
  expired: ({ date }) => `A kód lejárt: ${String(date)}.`,
  asking: 'Lekérjük a kódodat…',
  error: 'Most nem sikerült lekérni a kódodat.',
  retry: 'Próbáld újra',
} satisfies Terms<OfferTerm>;
