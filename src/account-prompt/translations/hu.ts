/** Hungarian texts of `<retain-account-prompt>`, loaded only on pages in Hungarian. */
import type { Terms } from '../../core/localize.js';
import type { ActionTerm } from '../account-prompt.actions.translations.js';
import type { AccountTerm } from '../account-prompt.translations.js';

const terms: Terms<AccountTerm> = {
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
  link: 'E-mailben küldünk egy linket a jelszó beállításához.',
  haveTitle: 'Üdv újra',
  have: (a) => `Már van fiókja. Jelentkezzen be, és kapcsolja hozzá a rendelését (${a.order}).`,
  login: 'Bejelentkezés és a rendelés hozzákapcsolása',
};

/** The texts of the shopper's actions (account-prompt.actions.translations.ts). */
export const actions: Terms<ActionTerm> = {
  doneTitle: 'Elkészült a fiókja',
  done: (a) => `A rendelését (${a.order}) elmentettük benne.`,
  sent: 'Köszönjük! A kérést elküldtük.',
  dismissed: 'Rendben, egyelőre nem kérdezzük újra.',
  close: 'Bezárás',
  emailBad: 'Adjon meg egy e-mail-címet, például: nev@example.com.',
  pwMissing: 'Adjon meg egy jelszót.',
};

export default terms;
