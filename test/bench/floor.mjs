// The floor of page load: the same product page where the widgets the shopper sees at load (above the fold
// at the bench's viewport) are drawn by plain custom elements with shadow DOM: no Lit, no IndexedDB, no kit
// code. What they draw is copied from the kit itself: in a first load with the kit, each visible widget's
// shadow root is serialized with its adopted style sheets; the floor's elements clone that markup into a
// shadow root of their own. So the floor always draws what the kit draws today, at the least cost a browser
// can draw it, and `kit ÷ floor` says how much the kit spends beyond drawing.
//
// A page whose widgets the kit draws at load lie mostly just below the fold (the order page: only the
// header's badge is above it at 412 × 823, the account prompt and the offer within the screen below that the
// kit renders ahead) takes `reach: 'drawn'`: every widget the kit drew by the time it settled, wherever it is.

/**
 * In the page (page.evaluate), at scroll 0 after the kit has settled: a snapshot of every rendered widget
 * with a box in the viewport (its host's or any in its shadow root: a popup wheel's fixed launcher). The
 * markup leaves out what is not drawn (subtrees with `display: none`, such as a closed dialog's content)
 * and Lit's comment markers. Each snapshot: { tag, index (among the page's elements of that tag), name,
 * html, css, attributes (the host's, as the kit left them), elements, dropped, above }. `widgets` is the
 * selector of the page's drawing widgets (the product page's four unless given); `reach: 'drawn'` snapshots
 * every widget drawn anywhere on the page, not only in the viewport. Also where each widget is: `placed`,
 * { name, top (px from the page's top), above (a box in the viewport) }.
 */
export function snapshotAboveFold({
  widgets: WIDGETS = 'retain-spin-wheel,retain-loyalty-badge,retain-review-showcase,retain-account-prompt',
  reach = 'viewport',
} = {}) {
  const boxed = (el) => [...el.getClientRects()].some((r) => r.width > 0 && r.height > 0);
  const inView = (el) => [...el.getClientRects()].some((r) => r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight);
  // A box (in the viewport), the host's or any in its shadow root (a popup wheel's fixed launcher).
  const has = (host, test) => test(host) || Boolean(host.shadowRoot && [...host.shadowRoot.querySelectorAll('*')].some(test));
  const shown = (host) => has(host, inView);
  const nameOf = (host) =>
    `${host.localName}${host.id ? `#${host.id}` : ''}${host.getAttribute('view') ? `[view=${host.getAttribute('view')}]` : ''}${host.getAttribute('mode') === 'popup' ? '[popup]' : ''}${host.hasAttribute('reminder') ? '[reminder]' : ''}`;
  const snapshots = [];
  const hosts = [...document.querySelectorAll(WIDGETS)];
  for (const host of hosts) {
    const root = host.shadowRoot;
    if (!root || !has(host, reach === 'drawn' ? boxed : inView)) continue;
    // Clone, then drop from the clone what the live tree does not draw (walked side by side).
    const copy = document.createElement('div');
    for (const node of root.childNodes) copy.append(node.cloneNode(true));
    const live = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    const cloned = document.createTreeWalker(copy, NodeFilter.SHOW_ELEMENT);
    const hidden = [];
    let elements = 0;
    for (let a = live.nextNode(), b = cloned.nextNode(); a && b; a = live.nextNode(), b = cloned.nextNode()) {
      elements += 1;
      if (getComputedStyle(a).display === 'none' && a.localName !== 'style') hidden.push(b);
    }
    const dropped = hidden.filter((el) => !hidden.some((other) => other !== el && other.contains(el)));
    for (const el of dropped) el.remove();
    const comments = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
    const marks = [];
    while (comments.nextNode()) marks.push(comments.currentNode);
    for (const mark of marks) mark.remove();
    snapshots.push({
      tag: host.localName,
      index: [...document.querySelectorAll(host.localName)].indexOf(host),
      name: nameOf(host),
      html: copy.innerHTML,
      css: root.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n'),
      attributes: [...host.attributes].map((a) => [a.name, a.value]),
      elements,
      dropped: dropped.length,
      above: shown(host),
    });
  }
  const placed = hosts.map((host) => ({
    name: nameOf(host),
    top: Math.round(host.getBoundingClientRect().top + scrollY),
    above: shown(host),
  }));
  return { snapshots, placed, widgets: hosts.length, viewport: { width: innerWidth, height: innerHeight } };
}

/**
 * In both floors' scripts: each snapshot's drawing by its tag and its place among the tag's elements, with one
 * style sheet per distinct CSS. `snapshots` are [tag, index, css, attributes, template] entries.
 */
const BY_TAG = `const sheets = new Map();
const tags = new Map();
for (const [tag, index, css, attributes, template] of snapshots) {
  if (!sheets.has(css)) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  const byIndex = tags.get(tag) ?? new Map();
  byIndex.set(index, { template, sheet: sheets.get(css), attributes });
  tags.set(tag, byIndex);
}`;

/** A snapshot as an entry of `BY_TAG`'s list, its template written by `template(html)`. */
const entry = (snap, template) =>
  `[${JSON.stringify(snap.tag)}, ${snap.index}, ${JSON.stringify(snap.css)}, ${JSON.stringify(snap.attributes)}, ${template(snap.html)}]`;

/**
 * The floor's script: one plain custom element class per tag that was snapshotted. Each element whose
 * position among its tag's elements has a snapshot attaches an open shadow root, adopts the snapshot's
 * style sheet, clones its markup from a template, and takes the host attributes the kit had added.
 * Elements of the same tag without a snapshot (below the fold) stay empty, as inert as without the kit.
 */
export function floorScript(snapshots) {
  const template = (html) => `markup(${JSON.stringify(html)})`;
  return `// The bench's floor: plain custom elements drawing a snapshot of what the kit drew (test/bench/floor.mjs).
const markup = (html) => {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template;
};
const snapshots = [
${snapshots.map((snap) => entry(snap, template)).join(',\n')}
];
${BY_TAG}
for (const [tag, byIndex] of tags) {
  customElements.define(
    tag,
    class extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return;
        const drawn = byIndex.get([...document.querySelectorAll(tag)].indexOf(this));
        if (!drawn) return;
        for (const [name, value] of drawn.attributes) if (!this.hasAttribute(name)) this.setAttribute(name, value);
        const root = this.attachShadow({ mode: 'open' });
        root.adoptedStyleSheets = [drawn.sheet];
        root.append(drawn.template.content.cloneNode(true));
      }
    },
  );
}
`;
}

/**
 * The Lit floor's module source (to bundle: it imports `lit`): the same snapshots drawn by plain Lit elements,
 * each snapshot's markup a template without bindings that Lit prepares and clones, in a shadow root with the
 * snapshot's style sheet, the host attributes the kit had added. No kit code, no IndexedDB, no reactive
 * properties: what Lit itself spends to draw what the kit draws. `kit ÷ Lit floor` is what the kit spends
 * beyond its framework; `Lit floor ÷ floor` what the framework costs beyond the browser.
 */
export function litFloorSource(snapshots) {
  // The markup inside a template literal: backslashes, backticks and `${` kept as text.
  const literal = (html) => '() => html`' + html.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  return `// The bench's Lit floor: plain Lit elements drawing a snapshot of what the kit drew (test/bench/floor.mjs).
import { LitElement, html } from 'lit';
const snapshots = [
${snapshots.map((snap) => entry(snap, literal)).join(',\n')}
];
${BY_TAG}
for (const [tag, byIndex] of tags) {
  customElements.define(
    tag,
    class extends LitElement {
      connectedCallback() {
        // As the floor: an element of the tag without a snapshot (below the fold) never updates.
        this.drawn ??= byIndex.get([...document.querySelectorAll(tag)].indexOf(this));
        if (!this.drawn) return;
        for (const [name, value] of this.drawn.attributes) if (!this.hasAttribute(name)) this.setAttribute(name, value);
        super.connectedCallback();
      }
      createRenderRoot() {
        const root = this.attachShadow({ mode: 'open' });
        root.adoptedStyleSheets = [this.drawn.sheet];
        return root;
      }
      render() {
        return this.drawn.template();
      }
    },
  );
}
`;
}
