/**
 * Hungarian texts of `<retain-account-prompt>`, loaded only on pages in Hungarian. Informal (te), as Hungarian
 * web shops and the kit's other widgets address shoppers (test/hungarian-register.test.ts checks it).
 */
import type { Terms } from '../../core/localize.js';
import type { ActionTerm, AccountTerm } from '../account-prompt.terms.js';

const terms: Terms<AccountTerm> = {
  title: 'Hozz létre fiókot egy lépésben',
  track: (a) => `Kövesd nyomon a rendelésedet (${a.order})`,
  fast: 'Gyorsabb fizetés legközelebb',
  points: (a, l) => `Szerezz ${l.number(a.n as number)} pontot ezzel a rendeléssel`,
  email: 'E-mail-cím',
  password: 'Jelszó',
  optional: 'nem kötelező',
  pwHint: 'Vagy hagyd üresen, és e-mailben küldünk egy linket.',
  news: 'Hírek és ajánlatok (nem kötelező)',
  byEmail: 'Kérek híreket és ajánlatokat e-mailben',
  bySms: 'Kérek ajánlatokat SMS-ben',
  create: 'Fiók létrehozása',
  retry: 'Újra',
  no: 'Köszönöm, nem',
  sending: 'Fiók létrehozása…',
  failed: 'Nem sikerült létrehozni a fiókot. A beírt adatok megmaradtak; próbáld újra.',
  link: 'E-mailben küldünk egy linket a jelszó beállításához.',
  haveTitle: 'Üdv újra',
  have: (a) => `Már van fiókod. Jelentkezz be, és kapcsold hozzá a rendelésedet (${a.order}).`,
  login: 'Bejelentkezés és a rendelés hozzákapcsolása',
};

/** The texts of the shopper's actions (account-prompt.actions.translations.ts). */
export const actions: Terms<ActionTerm> = {
  doneTitle: 'Elkészült a fiókod',
  done: (a) => `A rendelésedet (${a.order}) elmentettük benne.`,
  sent: 'Köszönjük! A kérést elküldtük.',
  dismissed: 'Rendben, egyelőre nem kérdezünk újra.',
  close: 'Bezárás',
  emailBad: 'Adj meg egy e-mail-címet, például: nev@example.com.',
  pwMissing: 'Adj meg egy jelszót.',
};

export default terms;
