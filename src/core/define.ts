/** Defines a custom element once: loading the kit twice, or two kits on a page, is harmless. */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}
