/** Ukrainian texts of `<retain-account-prompt>`, loaded only on pages in Ukrainian. */
import type { Terms } from '../../core/localize.js';
import type { ActionTerm, AccountTerm } from '../account-prompt.terms.js';

const terms: Terms<AccountTerm> = {
  title: 'Створіть акаунт за один крок',
  track: (a) => `Відстежуйте замовлення ${a.order}`,
  fast: 'Швидше оформлюйте наступні замовлення',
  points: (a, l) =>
    `Отримайте ${l.number(a.n as number)} ${l.plural(a.n as number, { one: 'бал', few: 'бали', many: 'балів', other: 'бала' })} за це замовлення`,
  email: 'Ел. пошта',
  password: 'Пароль',
  optional: 'необовʼязково',
  pwHint: 'Або залиште порожнім і отримайте посилання на пошту.',
  news: 'Новини та пропозиції (необовʼязково)',
  byEmail: 'Надсилайте мені новини та пропозиції на пошту',
  bySms: 'Надсилайте мені пропозиції в SMS',
  create: 'Створити акаунт',
  retry: 'Спробувати ще',
  no: 'Ні, дякую',
  sending: 'Створюємо акаунт…',
  failed: 'Не вдалося створити акаунт. Введене збережено — спробуйте ще раз.',
  link: 'Ми надішлемо на пошту посилання, щоб задати пароль.',
  haveTitle: 'З поверненням',
  have: (a) => `У вас уже є акаунт. Увійдіть, щоб привʼязати до нього замовлення ${a.order}.`,
  login: 'Увійти й привʼязати замовлення',
};

/** The texts of the shopper's actions (account-prompt.actions.translations.ts). */
export const actions: Terms<ActionTerm> = {
  doneTitle: 'Акаунт створено',
  done: (a) => `Замовлення ${a.order} збережено в ньому.`,
  sent: 'Дякуємо! Запит надіслано.',
  dismissed: 'Гаразд, поки не пропонуватимемо.',
  close: 'Закрити',
  emailBad: 'Введіть адресу на зразок name@example.com.',
  pwMissing: 'Введіть пароль.',
};

export default terms;
