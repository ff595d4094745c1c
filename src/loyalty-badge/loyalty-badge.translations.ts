/**
 * Texts of the loyalty badge. `pts` makes "1 point / 5 points", "1 балл, 2 балла, 5 баллов",
 * "1 бал, 2 бали, 5 балів", "1 pont, 5 pont" with the number formatted by Intl.
 */
import type { LocalizeController, PluralForms, Translations } from '../core/localize.js';

type Args = Record<string, unknown>;
type L = LocalizeController;

const num = (a: Args, k = 'n') => a[k] as number;

/** `n` and its noun, in the language's plural form. */
const pts = (forms: PluralForms) => (n: number, l: L) => `${l.number(n)} ${l.plural(n, forms)}`;
const en = pts({ one: 'point', other: 'points' });
const ru = pts({ one: 'балл', few: 'балла', many: 'баллов', other: 'балла' });
const uk = pts({ one: 'бал', few: 'бали', many: 'балів', other: 'бала' });
const hu = pts({ other: 'pont' });

const cap = (text: unknown) => String(text).charAt(0).toLocaleUpperCase() + String(text).slice(1);
const ordinal = { one: 'st', two: 'nd', few: 'rd', other: 'th' } as Record<string, string>;

export type LoyaltyTerm =
  | 'program'
  | 'points'
  | 'pending'
  | 'estimate'
  | 'verified'
  | 'sourceStore'
  | 'sourceVerified'
  | 'sourceEstimate'
  | 'tier'
  | 'toNext'
  | 'top'
  | 'gift'
  | 'punch'
  | 'punchDone'
  | 'ways'
  | 'earnSpend'
  | 'earnPunch'
  | 'earnSignup'
  | 'rewards'
  | 'ready'
  | 'toGo'
  | 'join'
  | 'joinOrder'
  | 'joinPlain'
  | 'cta'
  | 'gained'
  | 'balance'
  | 'tierUp'
  | 'unlocked';

export const translations: Translations<LoyaltyTerm> = {
  en: {
    program: 'Rewards',
    points: (a, l) => en(num(a), l),
    pending: (a, l) => `${en(num(a), l)} pending`,
    estimate: 'estimate',
    verified: 'verified',
    sourceStore: 'Your balance',
    sourceVerified: 'Verified by the store',
    sourceEstimate: 'Estimate from orders on this device; the store confirms your balance.',
    tier: 'Tier',
    toNext: (a, l) => `${en(num(a), l)} to ${a.tier}`,
    top: 'Top tier',
    gift: 'surprise gift',
    punch: (a) => `${a.done} of ${a.every} orders to your ${a.label}`,
    punchDone: (a) => `You earned your ${a.label}!`,
    ways: 'Ways to earn',
    earnSpend: (a, l) => `${en(num(a), l)} per ${a.amount} spent`,
    earnPunch: (a) =>
      `${cap(a.label)} on every ${a.every}${ordinal[new Intl.PluralRules('en', { type: 'ordinal' }).select(num(a, 'every'))]} order`,
    earnSignup: (a, l) => `${en(num(a), l)} for creating an account`,
    rewards: 'Rewards within reach',
    ready: 'Ready to redeem',
    toGo: (a, l) => `${en(num(a), l)} to go`,
    join: (a, l) => `Join & earn ${en(num(a), l)}`,
    joinOrder: (a, l) => `Join and earn ${en(num(a), l)} on this order`,
    joinPlain: (a, l) => `Join and earn ${en(num(a), l)}`,
    cta: 'Create an account',
    gained: (a, l) => `You earned ${en(num(a), l)}. Balance: ${en(num(a, 'total'), l)}.`,
    balance: (a, l) => `Balance: ${en(num(a, 'total'), l)}.`,
    tierUp: (a) => `Welcome to ${a.tier}!`,
    unlocked: (a) => `Reward unlocked: ${a.label}.`,
  },
  ru: {
    program: 'Бонусы',
    points: (a, l) => ru(num(a), l),
    pending: (a, l) => `ещё ${ru(num(a), l)} в ожидании`,
    estimate: 'оценка',
    verified: 'подтверждено',
    sourceStore: 'Ваш баланс',
    sourceVerified: 'Подтверждено магазином',
    sourceEstimate: 'Оценка по заказам на этом устройстве; точный баланс подтверждает магазин.',
    tier: 'Уровень',
    toNext: (a, l) => `${ru(num(a), l)} до уровня ${a.tier}`,
    top: 'Высший уровень',
    gift: 'подарок-сюрприз',
    punch: (a, l) => `${cap(a.label)}: ${a.done} из ${a.every} ${l.plural(num(a, 'every'), { one: 'заказа', other: 'заказов' })}`,
    punchDone: (a) => `Приз ваш: ${a.label}!`,
    ways: 'Как получить баллы',
    earnSpend: (a, l) => `${ru(num(a), l)} за ${a.amount} покупок`,
    earnPunch: (a, l) => {
      const n = num(a, 'every');
      return `${cap(a.label)} за ${l.plural(n, { one: `каждый ${n} заказ`, few: `каждые ${n} заказа`, other: `каждые ${n} заказов` })}`;
    },
    earnSignup: (a, l) => `${ru(num(a), l)} за регистрацию`,
    rewards: 'Награды',
    ready: 'Можно получить',
    toGo: (a, l) => `ещё ${ru(num(a), l)}`,
    join: (a, l) => `Вступите: +${ru(num(a), l)}`,
    joinOrder: (a, l) => `Зарегистрируйтесь и получите ${ru(num(a), l)} за этот заказ`,
    joinPlain: (a, l) => `Зарегистрируйтесь и получите ${ru(num(a), l)}`,
    cta: 'Создать аккаунт',
    gained: (a, l) => `Начислено ${ru(num(a), l)}. Баланс: ${ru(num(a, 'total'), l)}.`,
    balance: (a, l) => `Баланс: ${ru(num(a, 'total'), l)}.`,
    tierUp: (a) => `Новый уровень: ${a.tier}!`,
    unlocked: (a) => `Доступна награда: ${a.label}.`,
  },
  uk: {
    program: 'Бонуси',
    points: (a, l) => uk(num(a), l),
    pending: (a, l) => `ще ${uk(num(a), l)} в очікуванні`,
    estimate: 'оцінка',
    verified: 'підтверджено',
    sourceStore: 'Ваш баланс',
    sourceVerified: 'Підтверджено магазином',
    sourceEstimate: 'Оцінка за замовленнями на цьому пристрої; точний баланс підтверджує магазин.',
    tier: 'Рівень',
    toNext: (a, l) => `${uk(num(a), l)} до рівня ${a.tier}`,
    top: 'Найвищий рівень',
    gift: 'подарунок-сюрприз',
    punch: (a, l) => `${cap(a.label)}: ${a.done} з ${a.every} ${l.plural(num(a, 'every'), { one: 'замовлення', other: 'замовлень' })}`,
    punchDone: (a) => `Приз ваш: ${a.label}!`,
    ways: 'Як отримати бали',
    earnSpend: (a, l) => `${uk(num(a), l)} за ${a.amount} покупок`,
    earnPunch: (a, l) => {
      const n = num(a, 'every');
      return `${cap(a.label)} за кожні ${n} ${l.plural(n, { one: 'замовлення', few: 'замовлення', other: 'замовлень' })}`;
    },
    earnSignup: (a, l) => `${uk(num(a), l)} за реєстрацію`,
    rewards: 'Нагороди',
    ready: 'Можна отримати',
    toGo: (a, l) => `ще ${uk(num(a), l)}`,
    join: (a, l) => `Приєднуйтеся: +${uk(num(a), l)}`,
    joinOrder: (a, l) => `Зареєструйтеся й отримайте ${uk(num(a), l)} за це замовлення`,
    joinPlain: (a, l) => `Зареєструйтеся й отримайте ${uk(num(a), l)}`,
    cta: 'Створити акаунт',
    gained: (a, l) => `Нараховано ${uk(num(a), l)}. Баланс: ${uk(num(a, 'total'), l)}.`,
    balance: (a, l) => `Баланс: ${uk(num(a, 'total'), l)}.`,
    tierUp: (a) => `Новий рівень: ${a.tier}!`,
    unlocked: (a) => `Доступна нагорода: ${a.label}.`,
  },
  hu: {
    program: 'Hűségpontok',
    points: (a, l) => hu(num(a), l),
    pending: (a, l) => `${hu(num(a), l)} függőben`,
    estimate: 'becslés',
    verified: 'ellenőrizve',
    sourceStore: 'Egyenleged',
    sourceVerified: 'A bolt által ellenőrizve',
    sourceEstimate: 'Becslés az ezen az eszközön rögzített rendelések alapján; a pontos egyenleget a bolt igazolja.',
    tier: 'Szint',
    toNext: (a, l) => `${hu(num(a), l)} a következő szintig: ${a.tier}`,
    top: 'Legmagasabb szint',
    gift: 'meglepetés ajándék',
    punch: (a) => `${cap(a.label)}: ${a.every} rendelésből ${a.done} megvan`,
    punchDone: (a) => `Megszerezted: ${a.label}!`,
    ways: 'Így gyűjthetsz pontot',
    earnSpend: (a, l) => `${hu(num(a), l)} minden ${a.amount} után`,
    earnPunch: (a) => `${cap(a.label)} minden ${a.every}. rendelés után`,
    earnSignup: (a, l) => `${hu(num(a), l)} a regisztrációért`,
    rewards: 'Elérhető jutalmak',
    ready: 'Beváltható',
    toGo: (a, l) => `még ${hu(num(a), l)}`,
    join: (a, l) => `Csatlakozz: +${hu(num(a), l)}`,
    joinOrder: (a, l) => `Regisztrálj, és ${hu(num(a), l)} jár erre a rendelésre`,
    joinPlain: (a, l) => `Regisztrálj, és ${hu(num(a), l)} jár neked`,
    cta: 'Fiók létrehozása',
    gained: (a, l) => `Jóváírva: ${hu(num(a), l)}. Egyenleg: ${hu(num(a, 'total'), l)}.`,
    balance: (a, l) => `Egyenleg: ${hu(num(a, 'total'), l)}.`,
    tierUp: (a) => `Új szint: ${a.tier}!`,
    unlocked: (a) => `Elérhető jutalom: ${a.label}.`,
  },
};
