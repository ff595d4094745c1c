/**
 * A language's name in the language a `LocalizeController` shows ("German" for `de`), through
 * `Intl.DisplayNames`. Apart from localize.ts: only the review showcase names languages, so the other
 * widgets' first load does not carry it.
 */
import { cached, type LocalizeController } from './localize.js';

/** The name of `tag`'s language in the language shown, or `tag` itself where `Intl` has none. */
export function languageName(l: LocalizeController, tag: string): string {
  const language = l.language;
  try {
    return cached('language', language, undefined, () => new Intl.DisplayNames([language], { type: 'language' })).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
