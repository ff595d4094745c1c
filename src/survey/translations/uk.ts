/** Ukrainian texts of `<retain-survey>`, loaded only on pages in Ukrainian. */
import type { Terms } from '../../core/localize.js';
import type { SurveyActionTerm, SurveyTerm } from '../survey.terms.js';

export default {
  npsQuestion: 'Наскільки ймовірно, що ви порекомендуєте нас другу чи колезі?',
  csatQuestion: 'Наскільки ви задоволені замовленням?',
  npsLow: 'Зовсім малоймовірно',
  npsHigh: 'Дуже ймовірно',
  csat1: 'Дуже погано',
  csat2: 'Погано',
  csat3: 'Нормально',
  csat4: 'Добре',
  csat5: 'Чудово',
  send: 'Надіслати',
  notNow: 'Не зараз',
  pick: 'Спершу оберіть оцінку.',
} satisfies Terms<SurveyTerm>;

/** The texts after an answer (survey.actions.translations.ts), in the same chunk: one download per language. */
export const actions = {
  gave: ({ score, max }) => `Ваша оцінка: ${String(score)} з ${String(max)}.`,
  followDetractor: 'Що нам варто було зробити краще?',
  followPassive: 'Що зробило б замовлення ще кращим?',
  followPromoter: 'Що сподобалося найбільше?',
  optional: 'необовʼязково',
  skip: 'Пропустити',
  sending: 'Надсилаємо…',
  failed: 'Не вдалося надіслати коментар. Написане збережено — спробуйте ще раз.',
  retry: 'Спробувати ще раз',
  thanks: 'Дякуємо за відповідь!',
  reviewAsk: 'Розкажете іншим у відгуку?',
  review: 'Написати відгук',
  supportAsk: 'Шкода, що не все вдалося. Наша підтримка охоче допоможе.',
  support: 'Написати в підтримку',
  snoozed: 'Гаразд, поки не питатимемо.',
} satisfies Terms<SurveyActionTerm>;
