/** Hungarian texts of `<retain-loyalty-badge>`, loaded only on pages in Hungarian. */
import type { Terms } from '../../core/localize.js';
import { cap, num, pts, type LoyaltyTerm, type PanelTerm } from '../loyalty-badge.terms.js';

const hu = pts({ other: 'pont' });

export default {
  program: 'Hűségpontok',
  points: (a, l) => hu(num(a), l),
  estimate: 'becslés',
  verified: 'ellenőrizve',
  join: (a, l) => `Csatlakozz: +${hu(num(a), l)}`,
} satisfies Terms<LoyaltyTerm>;

/** The panel's texts (`panel.translations.ts`), in the same chunk: one download per language. */
export const panel = {
  pending: (a, l) => `${hu(num(a), l)} függőben`,
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
  joinOrder: (a, l) => `Regisztrálj, és ${hu(num(a), l)} jár erre a rendelésre`,
  joinPlain: (a, l) => `Regisztrálj, és ${hu(num(a), l)} jár neked`,
  cta: 'Fiók létrehozása',
  gained: (a, l) => `Jóváírva: ${hu(num(a), l)}. Egyenleg: ${hu(num(a, 'total'), l)}.`,
  balance: (a, l) => `Egyenleg: ${hu(num(a, 'total'), l)}.`,
  tierUp: (a) => `Új szint: ${a.tier}!`,
  unlocked: (a) => `Elérhető jutalom: ${a.label}.`,
  readyOnceConfirmed: 'beválthatod, ha a bolt megerősíti az egyenlegedet',
  unlockedOnceConfirmed: (a) => `Beválthatod, ha a bolt megerősíti az egyenlegedet: ${a.label}.`,
  cartEarns: (a, l) => `Erre a kosárra ${hu(num(a), l)} jár`,
} satisfies Terms<PanelTerm>;
