/**
 * A whole store page in an iframe (test/support/pages.endpoint.mjs): the loader pasted by a script tag,
 * the page's own CSS and, when asked, a strict Content-Security-Policy header. The iframe is its own
 * viewport, so a page can be as narrow as a phone in every engine (WebKit's window cannot get that narrow).
 */
import type { KitStorage } from '../../src/core/storage.js';
import { watchConsole, type ConsoleWatch } from './console-guard.js';
import { deleteDatabases, freshDatabase } from './database.js';
import type { PageReport } from './pages/probe.js';
import { waitUntil } from './wait.js';

export type { PageReport };

export interface StorePage {
  frame: HTMLIFrameElement;
  win: Window;
  doc: Document;
  /** What the page reported so far: policy violations, errors, console warnings. */
  report: PageReport;
  /** Loads the same page again (a reload, as a shopper does); resolves with the new one. */
  reload(): Promise<StorePage>;
}

export interface PageOptions {
  /** The body: test/support/pages/<body>.html. */
  body: string;
  /** A theme stylesheet: test/support/pages/<css>.css. */
  css?: string;
  /** A theme's critical CSS, inline (applied before any script runs): test/support/pages/<style>.css. */
  style?: string;
  csp?: 'strict' | 'lit-only' | 'no-policies';
  /** The IndexedDB database of the page's kit (a test's fresh one). */
  db: string;
  width?: number;
  height?: number;
}

const frames: HTMLIFrameElement[] = [];

/** Opens the page and resolves once it has loaded and its probe runs. */
export async function openPage(options: PageOptions): Promise<StorePage> {
  const frame = document.createElement('iframe');
  frame.title = `store page ${options.body}`;
  frame.width = String(options.width ?? 800);
  frame.height = String(options.height ?? 1000);
  frames.push(frame);
  document.body.append(frame);
  return load(frame, options);
}

async function load(frame: HTMLIFrameElement, options: PageOptions): Promise<StorePage> {
  const query = new URLSearchParams({ body: options.body, db: options.db });
  if (options.css) query.set('css', options.css);
  if (options.style) query.set('style', options.style);
  if (options.csp) query.set('csp', options.csp);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/test-api/page?${query}&at=${Date.now()}`;
  await loaded;
  const win = frame.contentWindow!;
  await waitUntil(() => (win as unknown as { pageReport?: PageReport }).pageReport, 'the page runs its probe');
  return {
    frame,
    win,
    doc: frame.contentDocument!,
    report: (win as unknown as { pageReport: PageReport }).pageReport,
    reload: () => load(frame, options),
  };
}

/** Removes the pages the test opened (call from `afterEach`). */
export function closePages(): void {
  for (const frame of frames.splice(0)) frame.remove();
}

/**
 * Resolves with whether a widget that decides what it shows (the order page's cards: `decision`, or `ready` for
 * the referral) shows itself.
 */
export function shows(el: Element): Promise<boolean> {
  const widget = el as Element & { decision?: Promise<boolean>; ready?: Promise<boolean> };
  return (widget.decision ?? widget.ready)!;
}

/** True once the element has rendered into its shadow root. */
export const rendered = (el: Element | null | undefined): boolean => (el?.shadowRoot?.childElementCount ?? 0) > 0;

/** Waits for each of the page's elements matching `selector` to be defined and rendered. */
export async function whenRendered(page: StorePage, selector: string): Promise<void> {
  // A page of every widget loads each one's modules unbundled from the dev server: slow on a loaded machine.
  await waitUntil(() => [...page.doc.querySelectorAll(selector)].every(rendered), `${selector} renders`, { timeout: 15_000 });
}

/** Each test's database for the pages it opens (its name for `openPage`, and the storage to read it here). */
export interface PageTest {
  readonly db: string;
  readonly storage: KitStorage;
}

/**
 * The set-up every page test shares (call it in a `describe`): the console guard, a fresh database for each
 * test, and its pages closed and database deleted after it.
 */
export function usePageTest(): PageTest {
  let console: ConsoleWatch;
  const test = {} as { db: string; storage: KitStorage };
  beforeEach(() => {
    console = watchConsole();
    ({ name: test.db, storage: test.storage } = freshDatabase());
  });
  afterEach(async () => {
    closePages();
    await deleteDatabases();
    console.stop();
  });
  return test;
}
