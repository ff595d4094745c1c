/**
 * One register per language: Hungarian texts address the shopper informally (te), as Hungarian web shops
 * do and as the wheel's "Pörgess és nyerj" does. Every Hungarian text of every widget, as shown (each term
 * called with sample arguments), is checked for the formal (Ön) forms a shop's texts would use.
 */
import { expect } from '@open-wc/testing';
import type { LocalizeController, Term, Terms, TermsSource, Translations } from '../src/core/localize.js';
import { actionTranslations as accountActions } from '../src/account-prompt/account-prompt.actions.translations.js';
import { translations as account } from '../src/account-prompt/account-prompt.translations.js';
import { translations as badge } from '../src/loyalty-badge/loyalty-badge.translations.js';
import { panelTranslations as panel } from '../src/loyalty-badge/panel.translations.js';
import { translations as offer } from '../src/next-order-offer/next-order-offer.translations.js';
import { translations as referral } from '../src/referral/referral.translations.js';
import { translations as reviews } from '../src/review-showcase/review-showcase.translations.js';
import { resultTranslations as result } from '../src/spin-wheel/result.translations.js';
import { translations as wheel } from '../src/spin-wheel/spin-wheel.translations.js';
import { actionTranslations as surveyActions } from '../src/survey/survey.actions.translations.js';
import { translations as survey } from '../src/survey/survey.translations.js';

const TABLES: Record<string, Translations<string>> = {
  account,
  accountActions,
  badge,
  panel,
  reviews,
  result,
  wheel,
  offer,
  survey,
  surveyActions,
  referral,
};

/**
 * Formal address, lower case: the pronoun Ön in its cases; third-person imperatives (a formal request: "Adjon
 * meg", "Kövesse"); the third-person possessive as "your" ("a fiókja", "a rendelését"); "kérjük" and
 * "kérdezzük" (a request to, and a definite verb about, Ön: to "te" it is "kérünk", "kérdezünk").
 */
const FORMAL = [
  ...['ön', 'önt', 'önnek', 'öné', 'önhöz', 'öntől', 'önről', 'önnel', 'önért', 'önök', 'önöket', 'önöknek'],
  ...['adja', 'adjon', 'hozza', 'hozzon', 'kövesse', 'szerezze', 'szerezzen', 'hagyja', 'próbálja', 'próbáljon'],
  ...['jelentkezzen', 'kapcsolja', 'pörgesse', 'pörgessen', 'kattintson', 'válassza', 'válasszon', 'írja', 'írjon'],
  ...['másolja', 'jelölje', 'töltse', 'használja', 'nézze', 'fizessen', 'regisztráljon', 'csatlakozzon', 'lépjen'],
  ...['kérjen', 'ellenőrizze', 'várjon', 'vásároljon', 'iratkozzon', 'engedélyezze', 'nyerjen', 'gyűjtsön', 'váltsa'],
  ...['fiókja', 'fiókját', 'rendelése', 'rendelését', 'kosara', 'kosarát', 'pontjai', 'pontjait', 'egyenlege'],
  ...['egyenlegét', 'nyereménye', 'nyereményét', 'jelszava', 'jelszavát', 'kuponja', 'kedvezménye'],
  ...['kérjük', 'kérdezzük'],
];

/** Enough of a controller for a term to render: digits as given, the `other` plural form. */
const l = {
  locale: 'hu',
  language: 'hu',
  number: (value: unknown) => String(value),
  plural: (_: number, forms: { other: string }) => forms.other,
  currency: (value: unknown, currency: string) => `${String(value)} ${currency}`,
  date: () => '2025. 01. 02.',
  relative: () => '3 nap múlva',
  relativeTime: () => '3 nap múlva',
} as unknown as LocalizeController;

/** Every argument a term may ask for: a number-like string works for numbers, labels and names alike. */
const ARGS = new Proxy({}, { get: () => '3' }) as Record<string, unknown>;

async function hungarian(source: TermsSource<string>): Promise<Terms<string>> {
  return typeof source === 'function' ? (await source()).default : source;
}

const show = (term: Term): string => (typeof term === 'function' ? term(ARGS, l) : term);

/** The formal words of a text. */
const formalWords = (text: string): string[] =>
  (text.toLocaleLowerCase('hu').match(/[\p{L}-]+/gu) ?? []).filter((word) => FORMAL.includes(word));

describe('Hungarian texts: one register (te)', () => {
  it('every widget has its Hungarian texts, and every term renders', async () => {
    for (const [name, table] of Object.entries(TABLES)) {
      const terms = await hungarian(table.hu);
      const keys = Object.keys(table.en);
      expect(Object.keys(terms), `${name}: hu terms`).to.have.length.greaterThan(0);
      for (const key of keys) if (terms[key] !== undefined) expect(show(terms[key]), `${name}.${key}`).to.be.a('string');
    }
  });

  it('no text addresses the shopper formally (Ön)', async () => {
    const found: string[] = [];
    for (const [name, table] of Object.entries(TABLES)) {
      for (const [key, term] of Object.entries(await hungarian(table.hu))) {
        for (const word of formalWords(show(term))) found.push(`${name}.${key}: "${word}" in "${show(term)}"`);
      }
    }
    expect(found, found.join('\n')).to.deep.equal([]);
  });

  it('the check knows a formal text when it sees one', () => {
    const formal = ['Hozzon létre fiókot', 'Kövesse nyomon a rendelését', 'Adjon meg egy jelszót.', 'Pörgessen üdvözlő ajándékért'];
    for (const text of formal) expect(formalWords(text), text).to.have.length.greaterThan(0);
  });
});
