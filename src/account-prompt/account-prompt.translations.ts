/** Texts of `<retain-account-prompt>`. `order` is the store's order id; `n` a number of points. */
import type { Translations } from '../core/localize.js';

export type AccountTerm =
  | 'title'
  | 'track'
  | 'fast'
  | 'points'
  | 'email'
  | 'password'
  | 'optional'
  | 'pwHint'
  | 'news'
  | 'byEmail'
  | 'bySms'
  | 'create'
  | 'retry'
  | 'no'
  | 'sending'
  | 'failed'
  | 'doneTitle'
  | 'done'
  | 'link'
  | 'sent'
  | 'dismissed'
  | 'haveTitle'
  | 'have'
  | 'login'
  | 'close'
  | 'emailBad'
  | 'pwMissing';

export const translations: Translations<AccountTerm> = {
  en: {
    title: 'Create an account in one step',
    track: (a) => `Track order ${a.order}`,
    fast: 'Faster checkout next time',
    points: (a, l) => `Earn ${l.number(a.n as number)} ${l.plural(a.n as number, { one: 'point', other: 'points' })} on this order`,
    email: 'Email',
    password: 'Password',
    optional: 'optional',
    pwHint: 'Or leave it empty to get a link by email.',
    news: 'News and offers (optional)',
    byEmail: 'Email me news and offers',
    bySms: 'Text me offers (SMS)',
    create: 'Create account',
    retry: 'Try again',
    no: 'No thanks',
    sending: 'Creating your account…',
    failed: 'We couldn’t create your account. What you typed is kept; please try again.',
    doneTitle: 'Your account is ready',
    done: (a) => `Order ${a.order} is saved to it.`,
    link: 'We’ll email you a link to set your password.',
    sent: 'Thank you! Your request has been sent.',
    dismissed: 'OK, we won’t ask again for now.',
    haveTitle: 'Welcome back',
    have: (a) => `You have an account: log in to link order ${a.order} to it.`,
    login: 'Log in to link this order',
    close: 'Close',
    emailBad: 'Enter an email address like name@example.com.',
    pwMissing: 'Enter a password.',
  },
  ru: {
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
    doneTitle: 'Аккаунт создан',
    done: (a) => `Заказ ${a.order} сохранён в нём.`,
    link: 'Мы пришлём на почту ссылку, чтобы задать пароль.',
    sent: 'Спасибо! Запрос отправлен.',
    dismissed: 'Хорошо, пока не будем предлагать.',
    haveTitle: 'С возвращением',
    have: (a) => `У вас уже есть аккаунт. Войдите, чтобы привязать к нему заказ ${a.order}.`,
    login: 'Войти и привязать заказ',
    close: 'Закрыть',
    emailBad: 'Введите адрес вида name@example.com.',
    pwMissing: 'Введите пароль.',
  },
  uk: {
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
    doneTitle: 'Акаунт створено',
    done: (a) => `Замовлення ${a.order} збережено в ньому.`,
    link: 'Ми надішлемо на пошту посилання, щоб задати пароль.',
    sent: 'Дякуємо! Запит надіслано.',
    dismissed: 'Гаразд, поки не пропонуватимемо.',
    haveTitle: 'З поверненням',
    have: (a) => `У вас уже є акаунт. Увійдіть, щоб привʼязати до нього замовлення ${a.order}.`,
    login: 'Увійти й привʼязати замовлення',
    close: 'Закрити',
    emailBad: 'Введіть адресу на зразок name@example.com.',
    pwMissing: 'Введіть пароль.',
  },
  hu: {
    title: 'Hozzon létre fiókot egy lépésben',
    track: (a) => `Kövesse nyomon a rendelését (${a.order})`,
    fast: 'Gyorsabb fizetés legközelebb',
    points: (a, l) => `Szerezzen ${l.number(a.n as number)} pontot ezzel a rendeléssel`,
    email: 'E-mail-cím',
    password: 'Jelszó',
    optional: 'nem kötelező',
    pwHint: 'Vagy hagyja üresen, és e-mailben küldünk egy linket.',
    news: 'Hírek és ajánlatok (nem kötelező)',
    byEmail: 'Kérek híreket és ajánlatokat e-mailben',
    bySms: 'Kérek ajánlatokat SMS-ben',
    create: 'Fiók létrehozása',
    retry: 'Újra',
    no: 'Köszönöm, nem',
    sending: 'Fiók létrehozása…',
    failed: 'Nem sikerült létrehozni a fiókot. A beírt adatok megmaradtak; próbálja újra.',
    doneTitle: 'Elkészült a fiókja',
    done: (a) => `A rendelését (${a.order}) elmentettük benne.`,
    link: 'E-mailben küldünk egy linket a jelszó beállításához.',
    sent: 'Köszönjük! A kérést elküldtük.',
    dismissed: 'Rendben, egyelőre nem kérdezzük újra.',
    haveTitle: 'Üdv újra',
    have: (a) => `Már van fiókja. Jelentkezzen be, és kapcsolja hozzá a rendelését (${a.order}).`,
    login: 'Bejelentkezés és a rendelés hozzákapcsolása',
    close: 'Bezárás',
    emailBad: 'Adjon meg egy e-mail-címet, például: nev@example.com.',
    pwMissing: 'Adjon meg egy jelszót.',
  },
};
