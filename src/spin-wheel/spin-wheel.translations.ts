import type { Translations } from '../core/localize.js';

type Key =
  | 'title'
  | 'spin'
  | 'skip'
  | 'spinning'
  | 'prizes'
  | 'odds'
  | 'won'
  | 'none'
  | 'copy'
  | 'copied'
  | 'copyFailed'
  | 'apply'
  | 'expires'
  | 'spun'
  | 'next'
  | 'error'
  | 'email'
  | 'consent'
  | 'close';

const s = (value: unknown) => String(value);

export const translations: Translations<Key> = {
  en: {
    title: 'Spin to win',
    spin: 'Spin the wheel',
    skip: 'Skip',
    spinning: 'The wheel is spinning…',
    prizes: 'Prizes',
    odds: ({ p }) => `${s(p)} chance`,
    won: ({ label }) => `You won: ${s(label)}`,
    none: 'No prize this time. Thanks for playing!',
    copy: 'Copy code',
    copied: 'Copied!',
    copyFailed: 'Select the code to copy it',
    apply: 'Apply to cart',
    expires: ({ time }) => `Expires in ${s(time)}`,
    spun: 'You have already spun the wheel.',
    next: ({ date }) => `Next spin: ${s(date)}`,
    error: 'We could not reach the store. Your spin is still yours: try again.',
    email: 'Email',
    consent: 'Email me offers and news',
    close: 'Close',
  },
  ru: {
    title: 'Крутите и выигрывайте',
    spin: 'Крутить колесо',
    skip: 'Пропустить',
    spinning: 'Колесо крутится…',
    prizes: 'Призы',
    odds: ({ p }) => `шанс ${s(p)}`,
    won: ({ label }) => `Ваш выигрыш: ${s(label)}`,
    none: 'В этот раз без приза. Спасибо за игру!',
    copy: 'Скопировать код',
    copied: 'Скопировано!',
    copyFailed: 'Выделите код, чтобы скопировать его',
    apply: 'Применить в корзине',
    expires: ({ time }) => `Действует ещё ${s(time)}`,
    spun: 'Вы уже крутили колесо.',
    next: ({ date }) => `Следующая попытка: ${s(date)}`,
    error: 'Не удалось связаться с магазином. Попытка остаётся за вами: попробуйте ещё раз.',
    email: 'Эл. почта',
    consent: 'Присылать мне предложения и новости',
    close: 'Закрыть',
  },
  uk: {
    title: 'Крутіть і вигравайте',
    spin: 'Крутити колесо',
    skip: 'Пропустити',
    spinning: 'Колесо крутиться…',
    prizes: 'Призи',
    odds: ({ p }) => `шанс ${s(p)}`,
    won: ({ label }) => `Ваш виграш: ${s(label)}`,
    none: 'Цього разу без призу. Дякуємо за гру!',
    copy: 'Скопіювати код',
    copied: 'Скопійовано!',
    copyFailed: 'Виділіть код, щоб скопіювати його',
    apply: 'Застосувати в кошику',
    expires: ({ time }) => `Діє ще ${s(time)}`,
    spun: 'Ви вже крутили колесо.',
    next: ({ date }) => `Наступна спроба: ${s(date)}`,
    error: 'Не вдалося зв’язатися з магазином. Спроба залишається за вами: спробуйте ще раз.',
    email: 'Ел. пошта',
    consent: 'Надсилати мені пропозиції та новини',
    close: 'Закрити',
  },
  hu: {
    title: 'Pörgess és nyerj',
    spin: 'Pörgetés',
    skip: 'Kihagyás',
    spinning: 'Pörög a kerék…',
    prizes: 'Nyeremények',
    odds: ({ p }) => `${s(p)} esély`,
    won: ({ label }) => `Nyereményed: ${s(label)}`,
    none: 'Most nem nyertél. Köszönjük, hogy játszottál!',
    copy: 'Kód másolása',
    copied: 'Másolva!',
    copyFailed: 'Jelöld ki a kódot a másoláshoz',
    apply: 'Beváltás a kosárban',
    expires: ({ time }) => `Még ${s(time)} érvényes`,
    spun: 'Már pörgettél.',
    next: ({ date }) => `Legközelebb: ${s(date)}`,
    error: 'Nem értük el az áruházat. A pörgetésed megmaradt: próbáld újra.',
    email: 'E-mail-cím',
    consent: 'Kérek ajánlatokat és híreket e-mailben',
    close: 'Bezárás',
  },
};
