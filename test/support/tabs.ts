/**
 * A second tab of the same browser (same origin, same IndexedDB and BroadcastChannel, its own JavaScript
 * realm and module instances), opened with `window.open`. Its `load` imports modules into that tab.
 */
export interface Tab {
  window: Window;
  /** Imports a module (a path from the project root, such as `/src/core/counters.ts`) inside the tab. */
  load<T = Record<string, unknown>>(path: string): Promise<T>;
  /** Reloads the tab (its page gets `pagehide`, as on a shopper's reload) and waits for the new page to start. */
  reload(): Promise<void>;
  close(): void;
}

type TabGlobals = { tabReady?: Promise<void>; kitImport: (path: string) => Promise<unknown> };

/** Waits for the page now in `win` (not the one in `previous`) to be ready for imports. */
function ready(win: Window, previous?: Document): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      const fresh = !previous || win.document !== previous;
      const promise = fresh ? (win as unknown as TabGlobals).tabReady : undefined;
      if (promise) promise.then(resolve, reject);
      else if (Date.now() - started > 10_000) reject(new Error('the second tab did not start'));
      else setTimeout(check, 20);
    };
    check();
  });
}

export async function openTab(databaseName: string): Promise<Tab> {
  const win = window.open(`/test/support/tab.html?db=${encodeURIComponent(databaseName)}`, '_blank');
  if (!win) throw new Error('window.open was blocked: cannot open a second tab');
  await ready(win);
  return {
    window: win,
    // Read from the tab at each call: a reload brings a new page with its own.
    load: <T>(path: string) => (win as unknown as TabGlobals).kitImport(path) as Promise<T>,
    reload() {
      const previous = win.document;
      win.location.reload();
      return ready(win, previous);
    },
    close: () => win.close(),
  };
}

/**
 * A widget that decides once per order (or per instance), put on this page and in `tab` at the same time, for
 * each set of attributes in turn, then taken off: resolves to how many of each pair showed (1 each where it is
 * decided once across tabs).
 */
export async function shownOfPairs(tab: Tab, tag: string, attributeSets: Record<string, string>[]): Promise<number[]> {
  const shown: number[] = [];
  for (const attributes of attributeSets) {
    const pair = [document, tab.window.document].map((doc) => {
      const el = doc.createElement(tag) as HTMLElement & { decision: Promise<boolean> };
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      doc.body.append(el);
      return el;
    });
    const decisions = await Promise.all(pair.map((el) => el.decision));
    shown.push(decisions.filter(Boolean).length);
    for (const el of pair) el.remove();
  }
  return shown;
}
