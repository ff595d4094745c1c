/**
 * The texts and looks a widget's part (`parts.ts`) brings for what follows a shopper's action: per widget, one
 * localize controller, made and the part's styles adopted the first time the part needs them, so that the
 * widget waits for those texts before it updates and never shows English first.
 */
import type { CSSResult, LitElement } from 'lit';
import { LocalizeController, type Translations } from './localize.js';
import { adoptPartStyles } from './parts.js';

export interface PartTexts<K extends string> {
  /** The widget's controller, its texts ready in the language shown. */
  ready(host: LitElement): Promise<LocalizeController<K>>;
  /** The widget's controller, once `ready` has been awaited for it. */
  of(host: LitElement): LocalizeController<K>;
}

export function partTexts<K extends string>(translations: Translations<K>, styles: CSSResult): PartTexts<K> {
  const made = new WeakMap<LitElement, LocalizeController<K>>();
  return {
    async ready(host) {
      let l = made.get(host);
      if (!l) {
        made.set(host, (l = new LocalizeController(host, translations)));
        adoptPartStyles(host, styles);
      }
      await l.ready();
      return l;
    },
    of: (host) => made.get(host)!,
  };
}
