import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { canonicalLocale, languageOf, LocalizeController, resolveLanguage, type Translations } from '../../src/core/localize.js';
import { RetainElement } from '../../src/core/element.js';
import { relative, relativeTime } from '../../src/core/relative-time.js';

type Key = 'title' | 'spins' | 'onlyEnglish';
const translations: Translations<Key> = {
  en: {
    title: 'Spin to win',
    spins: ({ n }, l) => l.plural(n as number, { one: `${n} spin`, other: `${n} spins` }),
    onlyEnglish: 'English',
  },
  ru: {
    title: 'Крутите колесо',
    spins: ({ n }, l) =>
      l.plural(n as number, { one: `${n} вращение`, few: `${n} вращения`, many: `${n} вращений`, other: `${n} вращения` }),
    onlyEnglish: undefined as unknown as string, // a missing term falls back to English
  },
  uk: {
    title: 'Крутіть колесо',
    spins: ({ n }, l) => l.plural(n as number, { one: `${n} оберт`, few: `${n} оберти`, many: `${n} обертів`, other: `${n} оберту` }),
    onlyEnglish: 'Англійська',
  },
  hu: {
    title: 'Pörgess és nyerj',
    spins: ({ n }) => `${n} pörgetés`,
    onlyEnglish: 'Angol',
  },
};

class LocalizeProbe extends LitElement {
  readonly l = new LocalizeController<Key>(this, translations);
  renders = 0;
  override render() {
    this.renders += 1;
    return litHtml`${this.l.term('title')}`;
  }
}
customElements.define('localize-probe', LocalizeProbe);

describe('localize', () => {
  const htmlLang = document.documentElement.getAttribute('lang');
  afterEach(() => {
    if (htmlLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', htmlLang);
  });

  it('resolves uk-UA → uk → en', () => {
    expect(resolveLanguage('uk-UA')).to.equal('uk');
    expect(resolveLanguage('uk')).to.equal('uk');
    expect(resolveLanguage('RU_ru')).to.equal('ru');
    expect(resolveLanguage('hu-HU')).to.equal('hu');
    expect(resolveLanguage('de-DE')).to.equal('en');
    expect(resolveLanguage('')).to.equal('en');
    expect(canonicalLocale('uk_ua')).to.equal('uk-UA');
    expect(canonicalLocale('not a tag!')).to.equal('en');
  });

  it('follows <html lang>, and re-renders when it changes', async () => {
    document.documentElement.lang = 'uk-UA';
    const el = await fixture<LocalizeProbe>(html`<localize-probe></localize-probe>`);
    expect(el.shadowRoot!.textContent).to.equal('Крутіть колесо');
    expect(el.l.locale).to.equal('uk-UA');
    document.documentElement.lang = 'hu';
    await Promise.resolve(); // the MutationObserver's microtask runs first and asks for an update
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('Pörgess és nyerj');
  });

  it('a lang attribute on the element or an ancestor wins over <html lang>', async () => {
    document.documentElement.lang = 'en';
    const wrapper = await fixture(html`<div lang="ru"><localize-probe></localize-probe><localize-probe lang="hu"></localize-probe></div>`);
    const [inherited, own] = wrapper.querySelectorAll('localize-probe');
    expect(inherited.shadowRoot!.textContent).to.equal('Крутите колесо');
    expect(own.shadowRoot!.textContent).to.equal('Pörgess és nyerj');
  });

  it('follows the page through another component’s shadow root', async () => {
    const outer = await fixture(html`<div lang="uk"><div></div></div>`);
    const shadow = outer.firstElementChild!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<localize-probe></localize-probe>';
    const probe = shadow.querySelector('localize-probe') as LocalizeProbe;
    await probe.updateComplete;
    expect(languageOf(probe)).to.equal('uk');
    expect(probe.shadowRoot!.textContent).to.equal('Крутіть колесо');
  });

  it('an unsupported language shows English text, formatted for its locale', async () => {
    const el = await fixture<LocalizeProbe>(html`<localize-probe lang="de-DE"></localize-probe>`);
    expect(el.l.language).to.equal('en');
    expect(el.shadowRoot!.textContent).to.equal('Spin to win');
    expect(el.l.number(1234.5)).to.equal('1.234,5');
  });

  it('falls back to the English term when a translation lacks one', async () => {
    const el = await fixture<LocalizeProbe>(html`<localize-probe lang="ru"></localize-probe>`);
    expect(el.l.term('onlyEnglish')).to.equal('English');
  });

  it('plural forms: Russian and Ukrainian one / few / many, English one / other', async () => {
    const ru = await fixture<LocalizeProbe>(html`<localize-probe lang="ru"></localize-probe>`);
    const uk = await fixture<LocalizeProbe>(html`<localize-probe lang="uk-UA"></localize-probe>`);
    const en = await fixture<LocalizeProbe>(html`<localize-probe lang="en"></localize-probe>`);
    const spins = (el: LocalizeProbe, n: number) => el.l.term('spins', { n });
    expect([1, 2, 5, 11, 21, 22, 25, 1.5].map((n) => spins(ru, n))).to.deep.equal([
      '1 вращение',
      '2 вращения',
      '5 вращений',
      '11 вращений',
      '21 вращение',
      '22 вращения',
      '25 вращений',
      '1.5 вращения',
    ]);
    expect([1, 3, 7, 21].map((n) => spins(uk, n))).to.deep.equal(['1 оберт', '3 оберти', '7 обертів', '21 оберт']);
    expect([1, 2].map((n) => spins(en, n))).to.deep.equal(['1 spin', '2 spins']);
  });

  it('formats numbers, prices, dates and relative times with Intl', async () => {
    const hu = await fixture<LocalizeProbe>(html`<localize-probe lang="hu"></localize-probe>`);
    const uk = await fixture<LocalizeProbe>(html`<localize-probe lang="uk-UA"></localize-probe>`);
    const en = await fixture<LocalizeProbe>(html`<localize-probe lang="en-US"></localize-probe>`);
    const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    expect(nbsp(hu.l.currency(1990, 'HUF'))).to.equal(
      nbsp(new Intl.NumberFormat('hu', { style: 'currency', currency: 'HUF' }).format(1990)),
    );
    expect(en.l.currency(59.9, 'USD')).to.equal('$59.90');
    expect(en.l.currency(5, '$$')).to.equal('5 $$');
    expect(nbsp(uk.l.number(1234567.891))).to.equal('1 234 567,891');
    const day = new Date(Date.UTC(2026, 0, 15, 12));
    expect(en.l.date(day, { dateStyle: 'long', timeZone: 'UTC' })).to.equal('January 15, 2026');
    expect(uk.l.date(day, { day: 'numeric', month: 'long', timeZone: 'UTC' })).to.equal('15 січня');
    expect(relativeTime(en.l, -1, 'day')).to.equal('yesterday');
    const now = Date.UTC(2026, 0, 1);
    expect(relative(en.l, now + 3 * 86_400_000, now)).to.equal('in 3 days');
    expect(relative(en.l, now - 5 * 60_000, now)).to.equal('5 minutes ago');
    expect(relative(en.l, now + 86_400_000, now)).to.equal('tomorrow');
    expect(relative(en.l, now, now)).to.equal('now');
    expect(relative(uk.l, now + 2 * 3_600_000, now)).to.equal('через 2 години');
  });
});

describe('localize: languages loaded on demand', () => {
  type LazyKey = 'hello';
  let loads = 0;
  let failNext = false;
  const lazy: Translations<LazyKey> = {
    en: { hello: 'Hello' },
    ru: async () => {
      loads += 1;
      return { default: { hello: 'Привет' } };
    },
    uk: async () => {
      if (failNext) throw new Error('chunk failed');
      return { default: { hello: 'Привіт' } };
    },
    hu: { hello: 'Szia' },
  };

  class LazyProbe extends RetainElement {
    static override widget = 'lazy-probe';
    readonly l = new LocalizeController<LazyKey>(this, lazy);
    readonly rendered: string[] = [];
    override render() {
      const text = this.l.term('hello');
      this.rendered.push(text);
      return litHtml`<p>${text}</p>`;
    }
  }
  customElements.define('lazy-probe', LazyProbe);

  it('renders a lazily loaded language first time, never English before it; loads it once for all instances', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="ru"><lazy-probe></lazy-probe><lazy-probe></lazy-probe></div>`);
    const probes = [...wrapper.querySelectorAll<LazyProbe>('lazy-probe')];
    await Promise.all(probes.map((probe) => probe.updateComplete));
    for (const probe of probes) expect(probe.rendered).to.deep.equal(['Привет']);
    expect(loads).to.equal(1);
  });

  it('a language that fails to load warns once and shows English', async () => {
    failNext = true;
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      const probe = await fixture<LazyProbe>(html`<lazy-probe lang="uk"></lazy-probe>`);
      await probe.updateComplete;
      expect(probe.shadowRoot!.textContent).to.contain('Hello');
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(1);
    expect(String(warnings[0])).to.contain('"uk"');
  });
});
