/** Russian texts of `<retain-spin-wheel>`, loaded only on pages in Russian. */
import type { Terms } from '../../core/localize.js';
import type { ResultTerm, WheelTerm } from '../terms.js';

export default {
  title: 'Крутите и выигрывайте',
  spin: 'Крутить колесо',
  skip: 'Пропустить',
  prizes: 'Призы',
  odds: ({ p }) => `шанс ${String(p)}`,
  error: 'Не удалось связаться с магазином. Попытка остаётся за вами: попробуйте ещё раз.',
  email: 'Эл. почта',
  consent: 'Присылать мне предложения и новости',
  close: 'Закрыть',
} satisfies Terms<WheelTerm>;

/** The spin's and result's texts (`result.translations.ts`), in the same chunk: one download per language. */
export const result = {
  spinning: 'Колесо крутится…',
  won: ({ label }) => `Ваш выигрыш: ${String(label)}`,
  none: 'В этот раз без приза. Спасибо за игру!',
  copy: 'Скопировать код',
  copied: 'Скопировано!',
  copyFailed: 'Выделите код, чтобы скопировать его',
  apply: 'Применить в корзине',
  expires: ({ time }) => `Действует ещё ${String(time)}`,
  spun: 'Вы уже крутили колесо.',
  next: ({ date }) => `Следующая попытка: ${String(date)}`,
  left: 'не осталось',
  empty: 'Призов больше не осталось. Спасибо за игру!',
} satisfies Terms<ResultTerm>;
