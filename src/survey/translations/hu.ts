/** Hungarian texts of `<retain-survey>`, loaded only on pages in Hungarian (informal "te", as the spin wheel). */
import type { Terms } from '../../core/localize.js';
import type { SurveyActionTerm, SurveyTerm } from '../survey.terms.js';

export default {
  npsQuestion: 'Mennyire valószínű, hogy ajánlanál minket egy barátodnak vagy ismerősödnek?',
  csatQuestion: 'Mennyire vagy elégedett a rendeléseddel?',
  npsLow: 'Egyáltalán nem valószínű',
  npsHigh: 'Nagyon valószínű',
  csat1: 'Nagyon elégedetlen',
  csat2: 'Elégedetlen',
  csat3: 'Semleges',
  csat4: 'Elégedett',
  csat5: 'Nagyon elégedett',
  send: 'Küldés',
  notNow: 'Most nem',
  pick: 'Előbb válassz egy pontszámot.',
} satisfies Terms<SurveyTerm>;

/** The texts after an answer (survey.actions.translations.ts), in the same chunk: one download per language. */
export const actions = {
  // The scale's top is 10 or 5: both take -ből.
  gave: ({ score, max }) => `${String(max)}-ből ${String(score)} pontot adtál.`,
  followDetractor: 'Mit csinálhattunk volna jobban?',
  followPassive: 'Mitől lett volna még jobb?',
  followPromoter: 'Mi tetszett a legjobban?',
  optional: 'nem kötelező',
  skip: 'Kihagyom',
  sending: 'Küldés…',
  failed: 'Nem sikerült elküldeni a megjegyzésedet. Amit írtál, megmaradt; próbáld újra.',
  retry: 'Próbáld újra',
  thanks: 'Köszönjük a válaszodat!',
  reviewAsk: 'Elmondanád másoknak is egy értékelésben?',
  review: 'Értékelés írása',
  supportAsk: 'Sajnáljuk, hogy nem volt jobb. Ügyfélszolgálatunk szívesen segít.',
  support: 'Írj az ügyfélszolgálatnak',
  snoozed: 'Rendben, egy ideig nem kérdezünk.',
} satisfies Terms<SurveyActionTerm>;
