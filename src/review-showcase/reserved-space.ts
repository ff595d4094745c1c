/**
 * The space a store reserved for the showcase before its code came, kept once the code is here. The store
 * reserves it with `retain-review-showcase:not(:defined) { display: block; min-height: 40rem }`, as for the
 * wheel; that rule stops matching the moment the element is defined, and without this the showcase would
 * collapse to its first render, then grow as its cards come: what is below it would jump twice.
 */

/** The reserved box of an element the page drew before its code came; none for one made by script. */
export interface Reserved {
  height: number;
  /** An inline box (the summary beside a price) does not stretch: its width is reserved too. */
  width?: number;
}

/**
 * Reads the reservation. Call it in the constructor: while an element is upgraded it is not yet `:defined`
 * (its state is "failed" until the constructor returns), so the store's rule still applies; by
 * `connectedCallback` it no longer does. One read of a layout the page has already made.
 */
export function readReserved(el: HTMLElement): Reserved | undefined {
  if (!el.isConnected) return undefined;
  const { width, height } = el.getBoundingClientRect();
  if (!height) return undefined;
  return getComputedStyle(el).display.startsWith('inline') ? { height, width } : { height };
}

/**
 * Keeps the reservation as the host's minimum size, from the moment the shadow root exists and after (a
 * release would move what is below): a sheet of this element's own, after its styles, so it wins over the
 * `--retain-review-showcase-min-height` default; the page's own rules for the element still win over both.
 * A constructed sheet, not a style attribute: a strict Content-Security-Policy allows it.
 */
export function keepReserved(root: ShadowRoot, reserved: Reserved | undefined): void {
  if (!reserved || !('adoptedStyleSheets' in root)) return;
  const sheet = new CSSStyleSheet();
  const width = reserved.width ? `min-width:${reserved.width}px;` : '';
  sheet.replaceSync(`:host{min-height:${reserved.height}px;${width}}`);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
