/**
 * Runs first in a test page (test/support/pages.endpoint.mjs), before the loader: points the kit at the
 * test's database and records what the page reports, for the test to read as `window.pageReport`.
 */
import { useDatabase } from '../../../src/core/storage.js';

export interface PageReport {
  /** Content-Security-Policy and Trusted Types violations: `directive blocked-uri sample (where)`. */
  violations: string[];
  /** Uncaught errors and unhandled rejections, and `console.error` calls. */
  errors: string[];
  /** `console.warn` calls. */
  warnings: string[];
  /** Timers and idle callbacks the kit asked for: `setTimeout /src/core/near.ts` (the kit's file that asked). */
  scheduled: string[];
  /**
   * The heights each of the page's `retain-*` elements was laid out at, in turn, by tag (and id, where it has
   * one): its height before the kit's code (in WebKit, maybe before the page's stylesheets apply), then each
   * change a ResizeObserver reports. Each change moved whatever is below it.
   */
  heights: Record<string, number[]>;
}

const report: PageReport = { violations: [], errors: [], warnings: [], scheduled: [], heights: {} };
(window as unknown as { pageReport: PageReport }).pageReport = report;

const text = (value: unknown) =>
  value instanceof Element ? `<${value.localName}>` : value instanceof Error ? `${value.name}: ${value.message}` : String(value);

/** Where a violation happened: the element (with its class) and the widget whose shadow root holds it. */
function where(event: Event): string {
  const target = event.composedPath()[0];
  if (!(target instanceof Element)) return 'the document';
  const host = (target.getRootNode() as ShadowRoot).host;
  const element = `<${target.localName}${target.getAttribute('class') ? ` class="${target.getAttribute('class')}"` : ''}>`;
  return host ? `${element} in <${host.localName}>` : element;
}

document.addEventListener(
  'securitypolicyviolation',
  (event) => report.violations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sample} (${where(event)})`),
  true,
);
addEventListener('error', (event) => {
  // A resource that failed to load also fires `error` (not an ErrorEvent): not a script error.
  if (event instanceof ErrorEvent) report.errors.push(text(event.error ?? event.message));
});
addEventListener('unhandledrejection', (event) => report.errors.push(`unhandled: ${text(event.reason)}`));

// Lit's once-per-page notice that it runs its development build is not the page's problem.
const IGNORED = /Lit is in dev mode|Multiple versions of Lit loaded/;
for (const [level, list] of [
  ['warn', report.warnings],
  ['error', report.errors],
] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    const message = args.map(text).join(' ');
    if (!IGNORED.test(message)) list.push(message);
    original(...args);
  };
}

// The kit's own asks, by the first of its files on the stack (the page's and the probe's are not the kit's).
for (const name of ['setTimeout', 'requestIdleCallback'] as const) {
  const original = window[name] as (...args: unknown[]) => number;
  if (typeof original !== 'function') continue;
  (window as unknown as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
    const asker = /\/src\/[\w/.-]+\.ts/.exec(new Error().stack ?? '')?.[0];
    if (asker) report.scheduled.push(`${name} ${asker}`);
    return original.apply(this, args);
  };
}

const heightOf = (element: Element) => Math.round(element.getBoundingClientRect().height);
/** Each element's list in `heights`, under its tag, with its id where it has one (`retain-referral#given`), as at the start. */
const listOf = new WeakMap<Element, number[]>();
const sizes = new ResizeObserver((entries) => {
  for (const { target } of entries) {
    const seen = listOf.get(target)!;
    const height = heightOf(target);
    if (seen.at(-1) !== height) seen.push(height);
  }
});
for (const element of document.querySelectorAll('body *')) {
  if (!element.localName.startsWith('retain-')) continue;
  const seen = (report.heights[element.id ? `${element.localName}#${element.id}` : element.localName] ??= []);
  seen.push(heightOf(element));
  listOf.set(element, seen);
  sizes.observe(element);
}

const db = new URLSearchParams(location.search).get('db');
if (db) useDatabase(db, { openTimeoutMs: 15_000 });
