// When a page with the kit has settled: the widgets the shopper can reach without scrolling far are defined
// and rendered. Run in the page (page.evaluate), so it holds no outside reference.
//
// Which widgets: those within one viewport height of the visible area (an IntersectionObserver with a
// one-viewport rootMargin, as a kit that loads a widget when it comes near watches them) and every popup
// wheel (a popup has no place in the flow: the kit readies it at idle). A widget far below is not waited
// for: a kit that renders it only when scrolled near never will, and waiting would hang; nor is one that was
// near but was pushed far below by what rendered above it before it rendered itself (the order page's survey
// and referral, below the account prompt and the offer), for the same reason. With `all`, every
// widget on the page is waited for (after scrolling them all in). Checks read no layout (no forced style or
// layout in the tasks being measured): definition, a shadow root with content, Lit's update state.

/**
 * Resolves to { waited, late, far, ms }: the widgets waited for, those of them not rendered within
 * `limitMs` (named `tag#id[view]`), the widgets not waited for, and how long it took. `widgets` is the
 * selector of the page's drawing widgets (the product page's four unless given).
 */
export async function settleWidgets({
  limitMs = 30_000,
  all = false,
  widgets: WIDGETS = 'retain-spin-wheel,retain-loyalty-badge,retain-review-showcase,retain-account-prompt',
} = {}) {
  const started = performance.now();
  const name = (el) =>
    `${el.localName}${el.id ? `#${el.id}` : ''}${el.getAttribute('view') ? `[view=${el.getAttribute('view')}]` : ''}${el.getAttribute('mode') === 'popup' ? '[popup]' : ''}${el.hasAttribute('reminder') ? '[reminder]' : ''}`;
  const rendered = (el) =>
    Boolean(customElements.get(el.localName)) &&
    Boolean(el.shadowRoot?.childNodes.length) &&
    (!('hasUpdated' in el) || (el.hasUpdated && !el.isUpdatePending));
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const widgets = () => [...document.querySelectorAll(WIDGETS)];

  const popup = (el) => el.getAttribute('mode') === 'popup';
  const wanted = new Set(all ? widgets() : widgets().filter(popup));
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) wanted.add(entry.target);
        else if (!popup(entry.target) && !rendered(entry.target)) wanted.delete(entry.target);
      }
    },
    { rootMargin: '100% 0px 100% 0px' },
  );
  if (!all) for (const el of widgets()) observer.observe(el);
  // The observer's first answers come with the next frame.
  await frame();
  await frame();
  try {
    while (performance.now() - started < limitMs) {
      const waiting = [...wanted];
      if (waiting.every(rendered)) {
        await Promise.all(waiting.map((el) => el.updateComplete));
        // A render moves what is below it: one more frame for the observer, then the same answer twice.
        await frame();
        if ([...wanted].every(rendered) && wanted.size === waiting.length) break;
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    observer.disconnect();
  }
  // What the kit readies at idle (forwarders, orders) gets its turn before the caller stops measuring.
  for (let i = 0; i < 2; i++) await new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 5000 }));
  return {
    waited: [...wanted].map(name),
    late: [...wanted].filter((el) => !rendered(el)).map(name),
    far: widgets()
      .filter((el) => !wanted.has(el))
      .map(name),
    ms: Math.round(performance.now() - started),
  };
}
