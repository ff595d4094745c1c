/** Russian texts of `<retain-loyalty-badge>`, loaded only on pages in Russian. */
import type { Terms } from '../../core/localize.js';
import { cap, num, pts, type LoyaltyTerm, type PanelTerm } from '../loyalty-badge.terms.js';

const ru = pts({ one: 'балл', few: 'балла', many: 'баллов', other: 'балла' });

export default {
  program: 'Бонусы',
  points: (a, l) => ru(num(a), l),
  estimate: 'оценка',
  verified: 'подтверждено',
  join: (a, l) => `Вступите: +${ru(num(a), l)}`,
} satisfies Terms<LoyaltyTerm>;

/** The panel's texts (`panel.translations.ts`), in the same chunk: one download per language. */
export const panel = {
  pending: (a, l) => `ещё ${ru(num(a), l)} в ожидании`,
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
  joinOrder: (a, l) => `Зарегистрируйтесь и получите ${ru(num(a), l)} за этот заказ`,
  joinPlain: (a, l) => `Зарегистрируйтесь и получите ${ru(num(a), l)}`,
  cta: 'Создать аккаунт',
  gained: (a, l) => `Начислено ${ru(num(a), l)}. Баланс: ${ru(num(a, 'total'), l)}.`,
  balance: (a, l) => `Баланс: ${ru(num(a, 'total'), l)}.`,
  tierUp: (a) => `Новый уровень: ${a.tier}!`,
  unlocked: (a) => `Доступна награда: ${a.label}.`,
  readyOnceConfirmed: 'можно будет получить, когда магазин подтвердит баланс',
  unlockedOnceConfirmed: (a) => `Можно будет получить, когда магазин подтвердит баланс: ${a.label}.`,
  cartEarns: (a, l) => `За эту корзину вы получите ${ru(num(a), l)}`,
} satisfies Terms<PanelTerm>;
