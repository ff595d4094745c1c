/**
 * The space a store reserved for a widget before its code came, kept once the code is here. The store
 * reserves it with `retain-survey:not(:defined) { display: block; min-height: 15rem }`; that rule stops
 * matching the moment the element is defined, while its first render may wait (to be near, for its texts,
 * for a task of its own). Without this the element would collapse meanwhile: what is below it would jump
 * up, and widgets below would come near on a layout that is not final (and load for nothing), then jump
 * back when it renders. RetainElement keeps it until the first render; the review showcase, which grows as
 * its cards come, for good.
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
 * Keeps the reservation as the host's minimum size, from the moment the shadow root exists: a sheet of the
 * element's own, after its styles, so it wins over a widget's own minimum; the page's own rules for the
 * element still win over both. A constructed sheet, not a style attribute: a strict Content-Security-Policy
 * allows it. Returns the sheet, for `releaseReserved`.
 */
export function keepReserved(root: ShadowRoot, reserved: Reserved | undefined): CSSStyleSheet | undefined {
  if (!reserved || !('adoptedStyleSheets' in root)) return undefined;
  const sheet = new CSSStyleSheet();
  const width = reserved.width ? `min-width:${reserved.width}px;` : '';
  sheet.replaceSync(`:host{min-height:${reserved.height}px;${width}}`);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return sheet;
}

/** Stops keeping the reservation: the widget has rendered and holds its own space. */
export function releaseReserved(root: ShadowRoot, sheet: CSSStyleSheet | undefined): void {
  if (sheet) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((kept) => kept !== sheet);
}
