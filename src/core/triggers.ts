/**
 * When a widget shows itself, and how often: triggers (a delay, exit intent, a scroll depth, a number of
 * page views); page views are counted in page-views.ts, cooldowns in cooldowns.ts.
 */
import { durationMs, formatDuration, warnBadValue } from './config.js';
import { nextFrame } from './pacing.js';
import { pageViews } from './page-views.js';

export type Trigger =
  | { kind: 'delay'; ms: number }
  | { kind: 'exit-intent' }
  | { kind: 'scroll'; percent: number } // 0–100, of the document's scrollable height
  | { kind: 'page-views'; count: number; scope: 'session' | 'ever' };

/** The longest delay a timer can wait (setTimeout fires at once beyond it): about 24.8 days. */
const MAX_DELAY_MS = 2 ** 31 - 1;
/** Desktop exit intent: the pointer leaves the page this close to its top edge. */
export const EXIT_TOP_PX = 10;
/** Touch exit intent: a scroll up of at least this much… */
export const FAST_SCROLL_UP_PX = 100;
/** …within this time… */
export const FAST_SCROLL_WINDOW_MS = 300;
/** …after the shopper had been at least this far down the page. */
export const SCROLLED_DOWN_PX = 200;

const TRIGGER_EXAMPLES = 'delay:10s, exit-intent, scroll:50%, page-views:3 or page-views-ever:5';

/** One token of a trigger attribute, or undefined when it is not one. */
export function parseTrigger(token: string): Trigger | undefined {
  const text = token.trim().toLowerCase();
  if (text === 'exit-intent') return { kind: 'exit-intent' };
  let match = /^delay:(.+)$/.exec(text);
  if (match) {
    const ms = durationMs(match[1]);
    return ms !== undefined && ms <= MAX_DELAY_MS ? { kind: 'delay', ms } : undefined;
  }
  match = /^scroll:(\d+(?:\.\d+)?)%?$/.exec(text);
  if (match) {
    const percent = Number(match[1]);
    return percent <= 100 ? { kind: 'scroll', percent } : undefined;
  }
  match = /^page-views(-session|-ever)?:(\d+)$/.exec(text);
  if (match) {
    const count = Number(match[2]);
    return count >= 1 && Number.isSafeInteger(count)
      ? { kind: 'page-views', count, scope: match[1] === '-ever' ? 'ever' : 'session' }
      : undefined;
  }
  return undefined;
}

/** The attribute spelling of triggers: `delay:10s exit-intent scroll:50% page-views:3 page-views-ever:5`. */
export function formatTriggers(triggers: readonly Trigger[]): string {
  return triggers
    .map((trigger) => {
      switch (trigger.kind) {
        case 'delay':
          return `delay:${formatDuration(trigger.ms)}`;
        case 'exit-intent':
          return 'exit-intent';
        case 'scroll':
          return `scroll:${trigger.percent}%`;
        case 'page-views':
          return `page-views${trigger.scope === 'ever' ? '-ever' : ''}:${trigger.count}`;
      }
    })
    .join(' ');
}

/**
 * Parses a trigger attribute: space-separated tokens, e.g. "delay:10s exit-intent scroll:50% page-views:3
 * page-views-ever:5" (any one fires). Bad tokens warn once (warnBadValue) and are dropped; none valid →
 * fallback. Missing or empty → fallback, silently.
 */
export function parseTriggers(el: Element, attr: string, raw: string | null | undefined, fallback: Trigger[]): Trigger[] {
  if (raw == null || raw.trim() === '') return fallback;
  const triggers: Trigger[] = [];
  const bad: string[] = [];
  for (const token of raw.trim().split(/\s+/)) {
    const trigger = parseTrigger(token);
    if (trigger) triggers.push(trigger);
    else bad.push(token);
  }
  if (!bad.length) return triggers;
  const used = triggers.length ? triggers : fallback;
  const listed = bad.map((token) => `"${token}"`).join(', ');
  const what = bad.length === 1 ? `has ${listed}, which is not a trigger` : `has ${listed}, which are not triggers`;
  warnBadValue(el, attr, raw, formatTriggers(used), `${what} such as ${TRIGGER_EXAMPLES}`);
  return used;
}

/**
 * Watches the page and calls onFire once, with the first trigger that fires; returns stop(). Cleans up
 * all listeners and timers when one fires or on stop(). onFire is never called synchronously (a scroll
 * depth already reached fires once the next frame is drawn); with no triggers, it is never called.
 * Starting reads no layout: a scroll position or height read while the page is changing (as it is at
 * load, when a popup starts watching) would lay the whole page out then and there, 34–74 ms at 4× CPU on
 * the bench's product page. The scroll depth is first read after a frame, from the layout it made.
 *
 * - delay: counted from this call.
 * - exit-intent: on desktop the pointer leaves the page toward its top (`mouseout` with no
 *   relatedTarget at clientY ≤ 10); on touch (a coarse pointer, or once a touch was seen) a fast scroll
 *   up: ≥ 100 px within 300 ms after the shopper had been ≥ 200 px down.
 * - scroll: the share of the scrollable height scrolled (a page too short to scroll counts as 100 %).
 * - page-views: when `pageViews()` (which counts this page) reaches the count.
 */
export function watchTriggers(triggers: Trigger[], onFire: (trigger: Trigger) => void): () => void {
  const cleanups: (() => void)[] = [];
  let done = false;
  const stop = () => {
    if (done) return;
    done = true;
    for (const cleanup of cleanups.splice(0)) cleanup();
  };
  const fire = (trigger: Trigger) => {
    if (done) return;
    stop();
    onFire(trigger);
  };
  const listen = <E extends Event>(target: EventTarget, type: string, handler: (event: E) => void, options?: AddEventListenerOptions) => {
    const listener = handler as EventListener;
    target.addEventListener(type, listener, options);
    cleanups.push(() => target.removeEventListener(type, listener, options));
  };
  // Capture, so that a store's own stopPropagation cannot hide a touch; scroll and resize of the page
  // itself reach the window without it (capturing would add every inner scroller's events).
  const passiveCapture = { passive: true, capture: true };
  const passive = { passive: true };

  for (const trigger of triggers) {
    switch (trigger.kind) {
      case 'delay': {
        const timer = setTimeout(() => fire(trigger), Math.min(Math.max(0, trigger.ms), MAX_DELAY_MS));
        cleanups.push(() => clearTimeout(timer));
        break;
      }
      case 'exit-intent': {
        listen<MouseEvent>(document, 'mouseout', (event) => {
          if (!event.relatedTarget && event.clientY <= EXIT_TOP_PX) fire(trigger);
        });
        let touch = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
        listen<PointerEvent>(
          document,
          'pointerdown',
          (event) => {
            if (event.pointerType === 'touch') touch = true;
          },
          passiveCapture,
        );
        listen(document, 'touchstart', () => (touch = true), passiveCapture);
        // The deepest point so far: where the page was at the start is read after a frame (no layout forced).
        let deepest = 0;
        void nextFrame().then(() => (deepest = Math.max(deepest, window.scrollY)));
        let recent: { at: number; y: number }[] = [];
        listen(
          window,
          'scroll',
          () => {
            const y = window.scrollY;
            const at = performance.now();
            deepest = Math.max(deepest, y);
            recent = recent.filter((sample) => at - sample.at <= FAST_SCROLL_WINDOW_MS);
            recent.push({ at, y });
            if (!touch || deepest < SCROLLED_DOWN_PX) return;
            const peak = Math.max(...recent.map((sample) => sample.y));
            if (peak - y >= FAST_SCROLL_UP_PX) fire(trigger);
          },
          passive,
        );
        break;
      }
      case 'scroll': {
        const check = () => {
          if (scrollDepth() >= trigger.percent) fire(trigger);
        };
        listen(window, 'scroll', check, passive);
        listen(window, 'resize', check, passive);
        void nextFrame().then(check);
        break;
      }
      case 'page-views':
        pageViews().then((views) => {
          if ((trigger.scope === 'ever' ? views.ever : views.session) >= trigger.count) fire(trigger);
        });
        break;
    }
  }
  return stop;
}

/** How far down the document the shopper has scrolled, 0–100 (100 when it cannot scroll). */
export function scrollDepth(): number {
  const root = document.scrollingElement ?? document.documentElement;
  const scrollable = root.scrollHeight - window.innerHeight;
  if (scrollable <= 1 || scrollable - window.scrollY <= 1) return 100;
  return Math.min(100, Math.max(0, (window.scrollY / scrollable) * 100));
}

// Page views live in their own module, which the loader loads at idle on every page to count it.
export { pageViews };

// Cooldowns live in their own module, so a widget that only reads one does not load the triggers.
export { clearCooldown, cooldownEnds, onCooldownChange, startCooldown } from './cooldowns.js';
