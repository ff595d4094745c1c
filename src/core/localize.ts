/**
 * Localization in the manner of shoelace-style/localize: a small reactive controller that follows the
 * nearest `lang` attribute (the element's own, an ancestor's, `<html lang>`), falls back `uk-UA → uk →
 * en`, and formats numbers, prices, dates, relative times and plurals with `Intl`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export const SUPPORTED_LANGUAGES = ['en', 'ru', 'uk', 'hu'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/** Plural forms as `Intl.PluralRules` names them; `other` is always required. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** A term: plain text, or a function of its arguments and the controller (for numbers and plurals). */
export type Term = string | ((args: Record<string, unknown>, l: LocalizeController) => string);
export type Terms<K extends string = string> = Record<K, Term>;

/** A widget's translations: English complete, the others checked against it by the type. */
export type Translations<K extends string> = { en: Terms<K> } & Record<Exclude<Language, 'en'>, Terms<K>>;

type Host = ReactiveControllerHost & HTMLElement;

const hosts = new Set<Host>();
let observer: MutationObserver | undefined;

/** One observer for the whole document: any `lang` change anywhere re-renders the connected widgets. */
function watchLang(): void {
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver(() => {
    for (const host of hosts) host.requestUpdate();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/** The language tag that applies to `el`: its own or nearest ancestor's `lang`, else the browser's. */
export function languageOf(el: Element): string {
  const tagged = el.closest('[lang]')?.getAttribute('lang')?.trim();
  return tagged || (typeof navigator !== 'undefined' ? navigator.language : '') || 'en';
}

/** The supported language for a tag: `uk-UA` → `uk`; anything unsupported → `en`. */
export function resolveLanguage(tag: string): Language {
  const base = tag.toLowerCase().split(/[-_]/)[0];
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(base) ? (base as Language) : 'en';
}

export class LocalizeController<K extends string = string> implements ReactiveController {
  constructor(
    private readonly host: Host,
    private readonly translations: Translations<K>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.host);
    watchLang();
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
  }

  /** The full tag in force (`uk-UA`), used for `Intl` formatting. */
  get locale(): string {
    const tag = languageOf(this.host);
    try {
      return Intl.getCanonicalLocales(tag)[0] ?? 'en';
    } catch {
      return 'en';
    }
  }

  /** The language whose texts are shown. */
  get language(): Language {
    return resolveLanguage(this.locale);
  }

  /** Writing direction of the language in force. */
  get dir(): 'ltr' | 'rtl' {
    return /^(ar|he|fa|ur|yi|ps|sd|ug|dv)\b/i.test(this.locale) ? 'rtl' : 'ltr';
  }

  term(key: K, args: Record<string, unknown> = {}): string {
    const term = this.translations[this.language][key] ?? this.translations.en[key];
    if (term === undefined) return key;
    return typeof term === 'function' ? term(args, this) : term;
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return new Intl.NumberFormat(this.locale, options).format(value);
  }

  /** A price in `currency` (ISO 4217), with the currency's own minor units. */
  currency(amount: number, currency: string, options?: Intl.NumberFormatOptions): string {
    try {
      return new Intl.NumberFormat(this.locale, { style: 'currency', currency, ...options }).format(amount);
    } catch {
      return `${this.number(amount)} ${currency}`;
    }
  }

  date(value: Date | number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
    return new Intl.DateTimeFormat(this.locale, options).format(value);
  }

  relativeTime(value: number, unit: Intl.RelativeTimeFormatUnit, options: Intl.RelativeTimeFormatOptions = { numeric: 'auto' }): string {
    return new Intl.RelativeTimeFormat(this.locale, options).format(value, unit);
  }

  /** The form for `count` in the language shown: ru/uk one (1, 21), few (2–4, 22), many (5–20, 25). */
  plural(count: number, forms: PluralForms): string {
    const rule = new Intl.PluralRules(this.language).select(count);
    return forms[rule] ?? forms.other;
  }
}
