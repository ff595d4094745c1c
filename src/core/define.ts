/**
 * `HTMLElement`, or where there is no DOM (a server rendering the page imports the package) a stand-in,
 * so that an element module that extends it directly loads there without throwing. (Lit's elements get
 * the same from Lit's own Node build.)
 */
export const ElementBase: typeof HTMLElement = globalThis.HTMLElement ?? (class {} as unknown as typeof HTMLElement);

/** Defines a custom element once: loading the kit twice, or two kits on a page, is harmless. Without a DOM, nothing. */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (typeof customElements !== 'undefined' && !customElements.get(tag)) customElements.define(tag, constructor);
}
