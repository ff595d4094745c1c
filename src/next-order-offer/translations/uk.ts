/** Ukrainian texts of `<retain-next-order-offer>`, loaded only on pages in Ukrainian. */
import type { Terms } from '../../core/localize.js';
import type { OfferTerm } from '../next-order-offer.terms.js';

export default {
  title: 'Ваш код на наступне замовлення',
  yourCode: 'Ваш код на наступне замовлення',
  percent: ({ p }) => `Знижка ${String(p)}`,
  amount: ({ amount }) => `Знижка ${String(amount)}`,
  shipping: 'Безкоштовна доставка',
  minimum: ({ amount }) => `Для замовлень від ${String(amount)}.`,
  copy: 'Скопіювати код',
  copied: 'Скопійовано',
  copyFailed: 'Виділіть код, щоб скопіювати його.',
  apply: 'До покупок із цим кодом',
  expires: ({ when, date }) => `Спливає ${String(when)} (${String(date)})`,
  inClock: ({ clock }) => `через ${String(clock)}`,
  expired: ({ date }) => `Термін дії коду минув ${String(date)}.`,
  asking: 'Отримуємо ваш код…',
  error: 'Зараз не вдалося отримати ваш код.',
  retry: 'Спробувати ще раз',
} satisfies Terms<OfferTerm>;
