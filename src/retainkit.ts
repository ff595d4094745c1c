/**
 * The loader: the one file a store pastes (`<script type="module" src=".../retainkit.js">`).
 *
 * It defines each `retain-*` element only when one is wanted (`core/near.ts`: near the viewport, or at
 * idle for event plumbing and popups; a next-order reminder only once a code is held, `core/held-note.ts`),
 * by a literal dynamic import per widget (so the bundler splits each
 * widget into its own chunk), watches for elements added later, and counts the page view (for the popup
 * wheel's page-views triggers: at idle where widgets load; on a page where none is near, by a note written
 * when the shopper leaves); nothing else. A widget the shopper never scrolls near is never
 * downloaded. Loading it twice is harmless: the second copy finds the first and stops.
 */
import type { KitApi } from './api.js';
import { whenShowable } from './core/held-note.js';
import { nearChecked, whenIdle, whenWanted } from './core/near.js';
import { notePageViewOnLeave } from './core/page-view-note.js';
import { retriedImport } from './core/retried-import.js';
import { VERSION } from './version.js';

/**
 * Each tag's module, imported for what it does (it defines its element), its value unused: a chunk whose
 * value is read must build its module's namespace with the bundler's runtime helper, one chunk more in
 * first loads. Only the statement `await import(…);` reads as unused (`.then(…)` and `void` do not).
 * package.json's `sideEffects` names these modules, so the bundler keeps them all the same.
 */
const widgets: Record<string, () => Promise<void>> = {
  'retain-spin-wheel': async () => {
    await import('./spin-wheel/spin-wheel.js');
  },
  'retain-loyalty-badge': async () => {
    await import('./loyalty-badge/loyalty-badge.js');
  },
  'retain-review-showcase': async () => {
    await import('./review-showcase/review-showcase.js');
  },
  'retain-account-prompt': async () => {
    await import('./account-prompt/account-prompt.js');
  },
  'retain-next-order-offer': async () => {
    await import('./next-order-offer/next-order-offer.js');
  },
  'retain-survey': async () => {
    await import('./survey/survey.js');
  },
  'retain-referral': async () => {
    await import('./referral/referral.js');
  },
  'retain-recently-viewed': async () => {
    await import('./recently-viewed/recently-viewed.js');
  },
  'retain-product': async () => {
    await import('./recently-viewed/product.js');
  },
  'retain-order': async () => {
    await import('./order/order.js');
  },
  'retain-forward': async () => {
    await import('./forward/forward.js');
  },
  'retain-report': async () => {
    await import('./report/report.js');
  },
};

declare global {
  interface Window {
    retainkit?: KitApi;
  }
  interface WindowEventMap {
    /** Dispatched once `window.retainkit` is there (below). */
    'retainkit-ready': Event;
  }
}

/** Tags whose code was asked for (a failed load is forgotten, so a later element tries again). */
const requested = new Set<string>();
/** Elements already waiting to be wanted. */
const watched = new WeakSet<Element>();
const selector = Object.keys(widgets).join(',');
/** The page's Trusted Types refuse Lit's policy: no widget can render, and the console said why once. */
let litRefused = false;

/** What the store's script told `retainkit.consent()` last, for the page-view note (page-view-note.ts). */
let consentSaid: string | undefined;

/** First frames on their way (an element wanted, its code loading): the page view is counted after them. */
const drawing: Promise<unknown>[] = [];

/** Loads a tag's code, once; resolves when it is loaded (or has failed, and said so). */
function load(tag: string): Promise<unknown> | undefined {
  if (requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  return retriedImport(widgets[tag]).catch((error: unknown) => {
    requested.delete(tag);
    if (litRefused) return;
    litRefused = String(error).includes('lit-html');
    console.error(
      litRefused
        ? 'retainkit: no widget can render: this page enforces Trusted Types and its Content-Security-Policy does not allow the policy "lit-html" (add it: trusted-types lit-html retainkit)'
        : `retainkit: could not load <${tag}>`,
      error,
    );
  });
}

/** Loads an element's code once it is wanted (the first element of a tag to be wanted brings it). */
function watch(element: Element): void {
  if (watched.has(element) || requested.has(element.localName) || customElements.get(element.localName)) return;
  watched.add(element);
  // Asked at once where there is something to show: the viewport check answers for it with the others.
  const showable = whenShowable(element);
  void (showable ? showable.then(() => whenWanted(element)) : whenWanted(element)).then(() => {
    const loading = load(element.localName);
    // Its first frame drawn (RetainElement's `drawn`), not only rendered: the page view's IndexedDB stays
    // off the first-paint path.
    if (loading) drawing.push(loading.then(() => (element as Partial<{ drawn: Promise<void> }>).drawn));
  });
}

function discover(root: ParentNode): void {
  if (root instanceof Element && root.matches(selector)) watch(root);
  for (const element of root.querySelectorAll(selector)) watch(element);
}

/** Elements added to a watched root later (a store's script, a SPA) are discovered too. Made by the first watch (at start), so never on a server. */
let added: MutationObserver | undefined;

/**
 * Finds the kit's elements in `root` now and as they are added: the page at start, and a shadow root the store
 * hands to `retainkit.watch` (api.ts checks it first). Watching a root again does no harm: an element is watched
 * once, and observing a node again replaces its options.
 */
function watchRoot(root: ParentNode): void {
  discover(root);
  added ??= new MutationObserver((mutations) => {
    for (const { addedNodes } of mutations) {
      for (const node of addedNodes) if (node instanceof Element) discover(node);
    }
  });
  added.observe(root as Node, { childList: true, subtree: true });
}

/**
 * Counts this page view on the device, whatever widgets the page has (a popup wheel's `page-views` trigger
 * reads the count on a later page), never in the way of a first frame. On a page where no widget is near once
 * the viewport check has answered (all below the fold), and where consent is surely granted, the view is noted
 * in localStorage when the shopper leaves the page (page-view-note.ts): the kit then does nothing more until a
 * widget is seen (no idle callback, no storage code). Elsewhere the count is made the full way, at idle after
 * the first frames of the widgets near (the count never opens IndexedDB ahead of a first frame).
 */
function countPageView(): void {
  void nearChecked()
    .then(() => {
      if (!drawing.length && notePageViewOnLeave(() => consentSaid)) return;
      return (
        whenIdle()
          // Their first frames, then idle again; with none loading, this idle is the one.
          .then(() => (drawing.length ? Promise.allSettled(drawing).then(whenIdle) : undefined))
          .then(() => import('./core/page-views.js'))
          .then(({ pageViews }) => pageViews())
      );
    })
    // Not warn() from core/config.ts: the loader stays one small file, and importing it would pull the
    // chunk the widgets share into the loader's first load. Same prefix by hand.
    // eslint-disable-next-line no-console
    .catch((error: unknown) => console.warn('retainkit: could not count this page view', error));
}

function start(): void {
  watchRoot(document);
  countPageView();
}

// Nothing without a DOM: a server rendering the page (Node, SSR) may import the package's entry.
if (typeof window !== 'undefined' && !window.retainkit) {
  // The API's code loads with the first call that needs it, keeping start-up to this file.
  const core = () => import('./api.js');
  window.retainkit = {
    version: VERSION,
    on: (listener) => core().then((api) => api.on(listener)),
    off: (listener) => core().then((api) => api.off(listener)),
    counters: (widget, instance) => core().then((api) => api.counters(widget, instance)),
    recordOrder: (order) => core().then((api) => api.recordOrder(order)),
    forward: (fn, options) => core().then((api) => api.forward(fn, options)),
    // Heard by the page-view note too.
    consent: (state) => ((consentSaid = state), core().then((api) => api.consent(state))),
    watch: (root) => core().then((api) => api.watch(root, watchRoot)),
  };
  start();
  // For a store's script that ran first, whenever this file comes (a tag manager may add it after the page's load).
  dispatchEvent(new Event('retainkit-ready'));
}
