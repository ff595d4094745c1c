/** Ukrainian texts of `<retain-spin-wheel>`, loaded only on pages in Ukrainian. */
import type { Terms } from '../../core/localize.js';
import type { ResultTerm, WheelTerm } from '../terms.js';

export default {
  title: 'Крутіть і вигравайте',
  spin: 'Крутити колесо',
  skip: 'Пропустити',
  prizes: 'Призи',
  odds: ({ p }) => `шанс ${String(p)}`,
  error: 'Не вдалося зв’язатися з магазином. Спроба залишається за вами: спробуйте ще раз.',
  email: 'Ел. пошта',
  consent: 'Надсилати мені пропозиції та новини',
  close: 'Закрити',
} satisfies Terms<WheelTerm>;

/** The spin's and result's texts (`result.translations.ts`), in the same chunk: one download per language. */
export const result = {
  spinning: 'Колесо крутиться…',
  won: ({ label }) => `Ваш виграш: ${String(label)}`,
  none: 'Цього разу без призу. Дякуємо за гру!',
  copy: 'Скопіювати код',
  copied: 'Скопійовано!',
  copyFailed: 'Виділіть код, щоб скопіювати його',
  apply: 'Застосувати в кошику',
  expires: ({ time }) => `Діє ще ${String(time)}`,
  spun: 'Ви вже крутили колесо.',
  next: ({ date }) => `Наступна спроба: ${String(date)}`,
  left: 'не залишилося',
  empty: 'Призів більше не залишилося. Дякуємо за гру!',
} satisfies Terms<ResultTerm>;
