/** Russian texts of `<retain-next-order-offer>`, loaded only on pages in Russian. */
import type { Terms } from '../../core/localize.js';
import type { OfferTerm } from '../next-order-offer.terms.js';

export default {
  title: 'Ваш код на следующий заказ',
  yourCode: 'Ваш код на следующий заказ',
  percent: ({ p }) => `Скидка ${String(p)}`,
  amount: ({ amount }) => `Скидка ${String(amount)}`,
  shipping: 'Бесплатная доставка',
  minimum: ({ amount }) => `Для заказов от ${String(amount)}.`,
  copy: 'Скопировать код',
  copied: 'Скопировано',
  copyFailed: 'Выделите код, чтобы скопировать его.',
  apply: 'За покупками с этим кодом',
  expires: ({ when, date }) => `Истекает ${String(when)} (${String(date)})`,
  inClock: ({ clock }) => `через ${String(clock)}`,
  expired: ({ date }) => `Срок действия кода истёк ${String(date)}.`,
  asking: 'Получаем ваш код…',
  error: 'Сейчас не удалось получить ваш код.',
  retry: 'Попробовать ещё раз',
} satisfies Terms<OfferTerm>;
