/**
 * Localization in the manner of shoelace-style/localize: a small reactive controller that follows the
 * nearest `lang` attribute (the element's own, an ancestor's, `<html lang>`), falls back `uk-UA → uk →
 * en`, and formats numbers, prices, dates and plurals with `Intl`. What only a widget or two says (relative
 * times, a language's name: relative-time.ts, language-names.ts) is apart, out of every other first load.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { warn } from './config.js';
import { retriedImport } from './retried-import.js';

export const SUPPORTED_LANGUAGES = ['en', 'ru', 'uk', 'hu'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/** Plural forms as `Intl.PluralRules` names them; `other` is always required. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** A term: plain text, or a function of its arguments and the controller (for numbers and plurals). */
export type Term = string | ((args: Record<string, unknown>, l: LocalizeController) => string);
export type Terms<K extends string = string> = Record<K, Term>;

/**
 * A language's terms, or a function that loads them: `() => import('./translations/ru.js')`, so that
 * each language is its own chunk and a page downloads only the one it shows.
 */
export type TermsSource<K extends string> = Terms<K> | (() => Promise<{ default: Terms<K> }>);

/**
 * A widget's translations: English complete and bundled (it is the fallback for any missing term), the
 * others checked against it by the type, bundled or loaded on demand.
 */
export type Translations<K extends string> = { en: Terms<K> } & Record<Exclude<Language, 'en'>, TermsSource<K>>;

/** Terms loaded on demand, per translations table and language, shared by every instance. */
const loaded = new WeakMap<object, Partial<Record<Language, Terms<string> | Promise<void>>>>();

/** The terms of `language` if they are at hand; else starts loading them and returns the promise. */
function termsOf<K extends string>(translations: Translations<K>, language: Language): Terms<K> | Promise<void> {
  const source = translations[language];
  if (typeof source !== 'function') return source;
  let cache = loaded.get(translations);
  if (!cache) loaded.set(translations, (cache = {}));
  const entry = cache[language];
  if (entry) return entry as Terms<K> | Promise<void>;
  const loading = retriedImport(source).then(
    (module) => {
      cache[language] = module.default;
    },
    (error: unknown) => {
      // A chunk that fails to load (offline, a CDN hiccup) leaves the widget in English, not broken.
      warn(`could not load the "${language}" texts; showing English.`, error);
      cache[language] = {};
    },
  );
  cache[language] = loading;
  return loading;
}

type Host = ReactiveControllerHost & HTMLElement;

const controllersOf = new WeakMap<Host, LocalizeController[]>();

/** Resolves when every localize controller of `host` has its language's texts at hand. */
export function textsReady(host: Host): Promise<unknown> | undefined {
  const pending = (controllersOf.get(host) ?? []).map((controller) => controller.ready()).filter(Boolean);
  return pending.length ? Promise.all(pending) : undefined;
}

const connected = new Set<LocalizeController>();
let observer: MutationObserver | undefined;

function updateAll(): void {
  for (const controller of connected) controller.langChanged();
}

/**
 * One observer for the whole document: any `lang` change anywhere (or of the browser's language)
 * re-renders the connected widgets.
 */
function watchLang(): void {
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver(updateAll);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  window.addEventListener('languagechange', updateAll);
}

/**
 * The language tag that applies to `el`: its own or nearest ancestor's `lang`, crossing shadow roots
 * (a widget inside another component's shadow DOM follows the page), else the browser's.
 */
export function languageOf(el: Element): string {
  let node: Element | null = el;
  while (node) {
    const tagged = node.closest('[lang]');
    if (tagged) {
      const lang = tagged.getAttribute('lang')!.trim();
      if (lang) return lang;
      break; // lang="" means "unknown": use the browser's
    }
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return (typeof navigator !== 'undefined' ? navigator.language : '') || 'en';
}

/** The supported language for a tag, falling back `uk-UA` → `uk` → `en`. */
export function resolveLanguage(tag: string): Language {
  const base = tag.toLowerCase().split(/[-_]/)[0];
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(base) ? (base as Language) : 'en';
}

/** A canonical BCP 47 tag for `Intl` (`uk_UA` → `uk-UA`); `en` when the tag is not one. */
export function canonicalLocale(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'))[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** `Intl` formatters are costly to make (a review list formats thousands of dates): one per locale and options. */
const formatters = new Map<string, unknown>();
export function cached<T>(kind: string, locale: string, options: object | undefined, make: () => T): T {
  const key = `${kind}|${locale}|${options ? JSON.stringify(options) : ''}`;
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    if (formatters.size > 200) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter;
}

export class LocalizeController<K extends string = string> implements ReactiveController {
  constructor(
    private readonly host: Host,
    private readonly translations: Translations<K>,
  ) {
    host.addController(this);
    let controllers = controllersOf.get(host);
    if (!controllers) controllersOf.set(host, (controllers = []));
    controllers.push(this as LocalizeController);
  }

  /** The locale in force, read once and kept until a `lang` changes (a card list asks hundreds of times). */
  private known?: string;

  hostConnected(): void {
    this.known = undefined;
    connected.add(this as LocalizeController);
    watchLang();
  }

  hostDisconnected(): void {
    connected.delete(this as LocalizeController);
  }

  /** A `lang` changed somewhere in the document, or the browser's language did: read it again. */
  langChanged(): void {
    this.known = undefined;
    this.host.requestUpdate();
  }

  /** The full tag in force (`uk-UA`), used for `Intl` formatting. */
  get locale(): string {
    return (this.known ??= canonicalLocale(languageOf(this.host)));
  }

  /** The language whose texts are shown. */
  get language(): Language {
    return resolveLanguage(this.locale);
  }

  /**
   * Writing direction of the texts shown (`language`), for a widget's root with its `lang`: not the page's. A
   * Hebrew page gets English texts, and English laid out right to left puts its punctuation and figures at the
   * wrong ends ("?colleague", "points 0 ≈"). The store's own texts in a widget (a review, a prize) keep theirs.
   */
  get dir(): 'ltr' | 'rtl' {
    return /^(ar|he|fa|ur|yi|ps|sd|ug|dv)\b/i.test(this.language) ? 'rtl' : 'ltr';
  }

  /**
   * Resolves once the texts of the language in force are at hand (at once when they are bundled).
   * `RetainElement` awaits it before each update, so a widget never flashes English on a Russian page.
   */
  ready(): Promise<void> | undefined {
    const terms = termsOf(this.translations, this.language);
    return terms instanceof Promise ? terms : undefined;
  }

  term(key: K, args: Record<string, unknown> = {}): string {
    const terms = termsOf(this.translations, this.language);
    const term = (terms instanceof Promise ? undefined : terms[key]) ?? this.translations.en[key];
    if (term === undefined) return key;
    return typeof term === 'function' ? term(args, this) : term;
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    const locale = this.locale;
    return cached('number', locale, options, () => new Intl.NumberFormat(locale, options)).format(value);
  }

  /** A price in `currency` (ISO 4217), with the currency's own minor units; a malformed code gives `12.5 $$`. */
  currency(amount: number, currency: string, options?: Intl.NumberFormatOptions): string {
    try {
      return this.number(amount, { style: 'currency', currency, ...options });
    } catch {
      return `${this.number(amount)} ${currency}`;
    }
  }

  date(value: Date | number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
    const locale = this.locale;
    return cached('date', locale, options, () => new Intl.DateTimeFormat(locale, options)).format(value);
  }

  /** The form for `count` in the language shown: ru/uk one (1, 21), few (2–4, 22), many (5–20, 25), other (1.5). */
  plural(count: number, forms: PluralForms): string {
    const language = this.language;
    const rule = cached('plural', language, undefined, () => new Intl.PluralRules(language)).select(count);
    return forms[rule] ?? forms.other;
  }
}
