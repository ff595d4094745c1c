/** Russian texts of `<retain-account-prompt>`, loaded only on pages in Russian. */
import type { Terms } from '../../core/localize.js';
import type { ActionTerm, AccountTerm } from '../account-prompt.terms.js';

const terms: Terms<AccountTerm> = {
  title: 'Создайте аккаунт за один шаг',
  track: (a) => `Отслеживайте заказ ${a.order}`,
  fast: 'Быстрее оформляйте следующие заказы',
  points: (a, l) =>
    `Получите ${l.number(a.n as number)} ${l.plural(a.n as number, { one: 'балл', few: 'балла', many: 'баллов', other: 'балла' })} за этот заказ`,
  email: 'Эл. почта',
  password: 'Пароль',
  optional: 'необязательно',
  pwHint: 'Или оставьте пустым и получите ссылку на почту.',
  news: 'Новости и предложения (необязательно)',
  byEmail: 'Присылайте мне новости и предложения на почту',
  bySms: 'Присылайте мне предложения по SMS',
  create: 'Создать аккаунт',
  retry: 'Повторить',
  no: 'Нет, спасибо',
  sending: 'Создаём аккаунт…',
  failed: 'Не удалось создать аккаунт. Введённое сохранено — попробуйте ещё раз.',
  link: 'Мы пришлём на почту ссылку, чтобы задать пароль.',
  haveTitle: 'С возвращением',
  have: (a) => `У вас уже есть аккаунт. Войдите, чтобы привязать к нему заказ ${a.order}.`,
  login: 'Войти и привязать заказ',
};

/** The texts of the shopper's actions (account-prompt.actions.translations.ts). */
export const actions: Terms<ActionTerm> = {
  doneTitle: 'Аккаунт создан',
  done: (a) => `Заказ ${a.order} сохранён в нём.`,
  sent: 'Спасибо! Запрос отправлен.',
  dismissed: 'Хорошо, пока не будем предлагать.',
  close: 'Закрыть',
  emailBad: 'Введите адрес вида name@example.com.',
  pwMissing: 'Введите пароль.',
};

export default terms;
