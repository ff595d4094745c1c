/**
 * "Nothing until seen": when a widget's code loads, when it first renders, and when it counts itself seen.
 * The loader and every widget ask these questions here, so a widget the shopper never reaches costs
 * nothing, and each rule is written once.
 */

import type { ReactiveElement } from 'lit';

/** When an element is wanted: `near` the viewport, at `idle` (ready without being seen), or `now`. */
export type Wanted = 'near' | 'idle' | 'now';

/** Elements without a box of their own that must be ready before they are seen: event plumbing, a page's product. */
const IDLE_TAGS = new Set(['retain-forward', 'retain-order', 'retain-product']);

/** One screen ahead, above and below (and beside, for a carousel scrolled sideways). */
const AHEAD = '100% 100% 100% 100%';

/**
 * When `element` is wanted: `loading="eager"` asks for now; `loading="idle"`, event plumbing and a popup
 * (`mode="popup"`: an overlay whose launcher and triggers must be ready) at idle; anything else when it
 * comes within a screen of the viewport.
 */
export function wantedWhen(element: Element): Wanted {
  const asked = element.getAttribute('loading');
  if (asked === 'eager') return 'now';
  if (asked === 'idle' || IDLE_TAGS.has(element.localName) || element.getAttribute('mode') === 'popup') return 'idle';
  return 'near';
}

/** Resolves when the element comes within a screen of the viewport (at once where that can't be known). */
export function whenNear(element: Element): Promise<void> {
  if (typeof IntersectionObserver === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    const list = waiting.get(element);
    if (list) list.push(resolve);
    else {
      waiting.set(element, [resolve]);
      if (!unanswered) {
        let answer!: () => void;
        unanswered = { promise: new Promise<void>((r) => (answer = r)), resolve: answer };
      }
      observer().observe(element);
    }
  });
}

/**
 * True when the element is laid out within a screen of the viewport now. Asked once, of an element
 * created after its code (no frame has drawn it yet), so that one near is drawn in the same frame.
 */
export function isNear(element: Element): boolean {
  const rects = element.getClientRects();
  if (!rects.length) return false;
  const { top, bottom, left, right } = element.getBoundingClientRect();
  return bottom >= -innerHeight && top <= 2 * innerHeight && right >= -innerWidth && left <= 2 * innerWidth;
}

/** Resolves when the browser is idle (or after two seconds at the latest, or a task after load where there is no idle callback). */
export function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 2000 });
    else if (document.readyState === 'complete') setTimeout(resolve, 0);
    else addEventListener('load', () => setTimeout(resolve, 0), { once: true });
  });
}

/** Resolves when the element is wanted, by `wantedWhen`. */
export function whenWanted(element: Element): Promise<void> {
  const when = wantedWhen(element);
  return when === 'near' ? whenNear(element) : when === 'idle' ? whenIdle() : Promise.resolve();
}

/**
 * A widget's "seen" (its count and event), the one way every widget watches for it: `seen` is called when
 * half of the host is first on screen while `wanted()` holds; `seen` makes `wanted()` false (once per page
 * view, once per code…). Watched only while connected and rendered: a host moved in the page is watched
 * again, one taken out is not; `wanted()` is asked again after every update. Called in the widget's
 * constructor. Where being on screen can't be known, the host counts as seen.
 */
export function watchSeen(host: ReactiveElement, wanted: () => boolean, seen: () => void): void {
  let observer: IntersectionObserver | undefined;
  const unwatch = () => {
    observer?.disconnect();
    observer = undefined;
  };
  const check = () => {
    if (!host.isConnected || !wanted()) return unwatch();
    if (observer) return;
    if (typeof IntersectionObserver === 'undefined') return seen();
    const watching = (observer = new IntersectionObserver(
      (entries) => {
        // Stopped means stopped: disconnect() leaves the entries already queued, whose callback would still
        // come (a widget removed just as it came into view would count as seen after it was gone).
        if (observer !== watching || !entries.some((entry) => entry.isIntersecting)) return;
        unwatch();
        // Still wanted: what the widget shows may have changed since the observer's frame.
        if (wanted()) seen();
      },
      { threshold: 0.5 },
    ));
    watching.observe(host);
  };
  host.addController({ hostConnected: () => host.hasUpdated && check(), hostUpdated: check, hostDisconnected: unwatch });
}

/** Waiters by element, held weakly: an element removed before it was ever near is not kept alive. */
const waiting = new WeakMap<Element, (() => void)[]>();
let shared: IntersectionObserver | undefined;
/** Elements observed since the observer last answered: its next callback answers for each of them. */
let unanswered: { promise: Promise<void>; resolve: () => void } | undefined;

/**
 * Resolves once the viewport check has answered for every element waiting now (an observer's first
 * callback reports each new target, near or not), so that the ones near have been asked for by then.
 */
export function nearChecked(): Promise<void> {
  return unanswered?.promise ?? Promise.resolve();
}

function observer(): IntersectionObserver {
  shared ??= new IntersectionObserver(
    (entries) => {
      const answered = unanswered;
      unanswered = undefined;
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        shared!.unobserve(entry.target);
        const list = waiting.get(entry.target) ?? [];
        waiting.delete(entry.target);
        for (const resolve of list) resolve();
      }
      answered?.resolve();
    },
    { rootMargin: AHEAD },
  );
  return shared;
}
