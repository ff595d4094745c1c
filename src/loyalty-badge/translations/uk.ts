/** Ukrainian texts of `<retain-loyalty-badge>`, loaded only on pages in Ukrainian. */
import type { Terms } from '../../core/localize.js';
import { cap, num, pts, type LoyaltyTerm, type PanelTerm } from '../loyalty-badge.terms.js';

const uk = pts({ one: 'бал', few: 'бали', many: 'балів', other: 'бала' });

export default {
  program: 'Бонуси',
  points: (a, l) => uk(num(a), l),
  estimate: 'оцінка',
  verified: 'підтверджено',
  join: (a, l) => `Приєднуйтеся: +${uk(num(a), l)}`,
} satisfies Terms<LoyaltyTerm>;

/** The panel's texts (`panel.translations.ts`), in the same chunk: one download per language. */
export const panel = {
  pending: (a, l) => `ще ${uk(num(a), l)} в очікуванні`,
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
  joinOrder: (a, l) => `Зареєструйтеся й отримайте ${uk(num(a), l)} за це замовлення`,
  joinPlain: (a, l) => `Зареєструйтеся й отримайте ${uk(num(a), l)}`,
  cta: 'Створити акаунт',
  gained: (a, l) => `Нараховано ${uk(num(a), l)}. Баланс: ${uk(num(a, 'total'), l)}.`,
  balance: (a, l) => `Баланс: ${uk(num(a, 'total'), l)}.`,
  tierUp: (a) => `Новий рівень: ${a.tier}!`,
  unlocked: (a) => `Доступна нагорода: ${a.label}.`,
  readyOnceConfirmed: 'можна буде отримати, коли магазин підтвердить баланс',
  unlockedOnceConfirmed: (a) => `Можна буде отримати, коли магазин підтвердить баланс: ${a.label}.`,
  cartEarns: (a, l) => `За цей кошик ви отримаєте ${uk(num(a), l)}`,
} satisfies Terms<PanelTerm>;
