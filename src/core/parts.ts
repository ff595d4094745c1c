/**
 * The one way a widget loads a part of itself: code that only some shoppers need (a popup, a result
 * card, a panel, a lightbox), loaded once per page when first needed, with its looks adopted into the
 * widget's shadow root. A part is a module of render functions over state its element owns.
 */
import type { CSSResult, LitElement } from 'lit';
import { warn } from './config.js';
import { retriedImport } from './retried-import.js';

/** A part's code: `get()` loads it (once); `now` holds it once loaded, for a render that cannot wait. */
export interface Part<T> {
  get(): Promise<T | undefined>;
  now?: T;
}

/**
 * A part of `<tag>` named `name`, loaded by `load` (a literal `() => import('./…')`, so the bundler
 * splits it). A failed load (offline) warns once naming the widget and the part, resolves to undefined,
 * (after one more try) and is tried again next time: the widget goes on without it.
 */
export function part<T>(tag: string, name: string, load: () => Promise<T>): Part<T> {
  let loading: Promise<T | undefined> | undefined;
  const code: Part<T> = {
    get: () =>
      (loading ??= retriedImport(load).then(
        (module) => (code.now = module),
        (error: unknown) => {
          loading = undefined;
          warn(`<${tag}> could not load its ${name}`, error);
          return undefined;
        },
      )),
  };
  return code;
}

const adopted = new WeakMap<ShadowRoot, Set<CSSResult>>();

/** Adds the looks of a part to the widget's shadow root, once per root. */
export function adoptPartStyles(host: LitElement, styles: CSSResult): void {
  const root = host.renderRoot as ShadowRoot;
  let sheets = adopted.get(root);
  if (!sheets) adopted.set(root, (sheets = new Set()));
  if (sheets.has(styles)) return;
  sheets.add(styles);
  if (styles.styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet];
  else root.prepend(Object.assign(document.createElement('style'), { textContent: styles.cssText }));
}
