/** Russian texts of `<retain-survey>`, loaded only on pages in Russian. */
import type { Terms } from '../../core/localize.js';
import type { SurveyActionTerm, SurveyTerm } from '../survey.terms.js';

export default {
  npsQuestion: 'Насколько вероятно, что вы порекомендуете нас другу или коллеге?',
  csatQuestion: 'Насколько вы довольны заказом?',
  npsLow: 'Совсем маловероятно',
  npsHigh: 'Очень вероятно',
  csat1: 'Очень плохо',
  csat2: 'Плохо',
  csat3: 'Нормально',
  csat4: 'Хорошо',
  csat5: 'Отлично',
  send: 'Отправить',
  notNow: 'Не сейчас',
  pick: 'Сначала выберите оценку.',
} satisfies Terms<SurveyTerm>;

/** The texts after an answer (survey.actions.translations.ts), in the same chunk: one download per language. */
export const actions = {
  gave: ({ score, max }) => `Ваша оценка: ${String(score)} из ${String(max)}.`,
  followDetractor: 'Что нам стоило сделать лучше?',
  followPassive: 'Что сделало бы заказ ещё лучше?',
  followPromoter: 'Что понравилось больше всего?',
  optional: 'необязательно',
  skip: 'Пропустить',
  sending: 'Отправляем…',
  failed: 'Не удалось отправить комментарий. Написанное сохранено — попробуйте ещё раз.',
  retry: 'Попробовать ещё раз',
  thanks: 'Спасибо за ответ!',
  reviewAsk: 'Расскажете другим в отзыве?',
  review: 'Написать отзыв',
  supportAsk: 'Жаль, что не всё прошло хорошо. Наша поддержка с радостью поможет.',
  support: 'Написать в поддержку',
  snoozed: 'Хорошо, пока не будем спрашивать.',
} satisfies Terms<SurveyActionTerm>;
