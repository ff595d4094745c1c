/**
 * What a shopper sees of a widget's text: each visible text run with its box and its font size, walked through
 * shadow roots. Visually hidden text (screen-reader only, clipped to nothing) and text not rendered are left out.
 */
export interface TextRun {
  text: string;
  rect: DOMRect;
  fontSize: number;
  /** The box that clips the run, when an ancestor hides its overflow (not a scroller: scrolled text is not lost). */
  clip?: DOMRect;
  /** Partly or wholly scrolled out of sight in a scroller (a carousel's track): there to scroll to, not out of its box. */
  scrolledAway?: boolean;
}

/** Works for nodes of another window too (a test page in an iframe): no `instanceof` across windows. */
const isElement = (node: Node): node is Element => node.nodeType === Node.ELEMENT_NODE;
const isText = (node: Node): node is Text => node.nodeType === Node.TEXT_NODE;
const styleOf = (el: Element) => el.ownerDocument.defaultView!.getComputedStyle(el);

function clipsToNothing(el: Element): boolean {
  const style = styleOf(el);
  return (
    style.clipPath !== 'none' || style.visibility === 'hidden' || (style.overflow !== 'visible' && el.getBoundingClientRect().width <= 1)
  );
}

/** The text runs rendered inside `root` (an element, with its shadow root and slotted children). */
export function textRuns(root: Element): TextRun[] {
  const runs: TextRun[] = [];
  const visit = (node: Node, clip: DOMRect | undefined, scroller?: DOMRect) => {
    if (isText(node)) {
      const text = node.data.trim();
      const parent = node.parentElement;
      if (!text || !parent) return;
      const range = node.ownerDocument.createRange();
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      if (!rect.width || !rect.height) return;
      const scrolledAway = !!scroller && (rect.left < scroller.left - 1 || rect.right > scroller.right + 1);
      runs.push({ text, rect, fontSize: parseFloat(styleOf(parent).fontSize), clip, scrolledAway });
      return;
    }
    if (!isElement(node)) return;
    if (!node.getClientRects().length || clipsToNothing(node)) return;
    if (node.localName === 'dialog' && !node.hasAttribute('open')) return;
    if (node.localName === 'script' || node.localName === 'style') return;
    const style = styleOf(node);
    const scrolls = /auto|scroll/.test(style.overflowX);
    let inner = clip;
    if (!scrolls && style.overflowX !== 'visible') {
      const box = node.getBoundingClientRect();
      inner = clip ? intersect(clip, box) : box;
    }
    const slot = node.localName === 'slot' ? (node as HTMLSlotElement) : undefined;
    const list = [...(node.shadowRoot ? node.shadowRoot.childNodes : slot ? slot.assignedNodes({ flatten: true }) : node.childNodes)];
    if (slot && !list.length) list.push(...slot.childNodes);
    for (const child of list) visit(child, inner, scrolls ? node.getBoundingClientRect() : scroller);
  };
  visit(root, undefined);
  return runs;
}

function intersect(a: DOMRect, b: DOMRect): DOMRect {
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  return new DOMRect(left, top, Math.max(0, Math.min(a.right, b.right) - left), Math.max(0, Math.min(a.bottom, b.bottom) - top));
}

/** Runs that stick out of `box` (a widget's host, a panel) or are cut off by an ancestor: "text" (how far out). */
export function runsOutside(runs: TextRun[], box: DOMRect, slack = 1): string[] {
  const out: string[] = [];
  for (const { text, rect, clip, scrolledAway } of runs) {
    if (scrolledAway) continue;
    const past = Math.max(box.left - rect.left, rect.right - box.right);
    const cut = clip ? Math.max(clip.left - rect.left, rect.right - clip.right) : 0;
    if (past > slack) out.push(`"${text.slice(0, 40)}" ${Math.round(past)} px out of its box`);
    else if (cut > slack) out.push(`"${text.slice(0, 40)}" cut off by ${Math.round(cut)} px`);
  }
  return out;
}

/** The elements (in shadow roots too) that reach past the right edge of a viewport `width` wide: where a sideways scroll comes from. */
export function pastTheEdge(root: Document | ShadowRoot, width: number): string[] {
  const past: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const { right } = el.getBoundingClientRect();
    if (right > width + 0.5)
      past.push(
        `<${el.localName}${el.getAttribute('class') ? `.${el.getAttribute('class')!.trim().replace(/\s+/g, '.')}` : ''}> to ${Math.round(right)} px`,
      );
    if (el.shadowRoot) past.push(...pastTheEdge(el.shadowRoot, width));
  }
  return past;
}
