/**
 * A second tab of the same browser (same origin, same IndexedDB and BroadcastChannel, its own JavaScript
 * realm and module instances), opened with `window.open`. Its `load` imports modules into that tab.
 */
export interface Tab {
  window: Window;
  /** Imports a module (a path from the project root, such as `/src/core/counters.ts`) inside the tab. */
  load<T = Record<string, unknown>>(path: string): Promise<T>;
  close(): void;
}

export async function openTab(databaseName: string): Promise<Tab> {
  const win = window.open(`/test/support/tab.html?db=${encodeURIComponent(databaseName)}`, '_blank');
  if (!win) throw new Error('window.open was blocked: cannot open a second tab');
  await new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      const ready = (win as unknown as { tabReady?: Promise<void> }).tabReady;
      if (ready) ready.then(resolve, reject);
      else if (Date.now() - started > 10_000) reject(new Error('the second tab did not start'));
      else setTimeout(check, 20);
    };
    check();
  });
  const kitImport = (win as unknown as { kitImport: (path: string) => Promise<unknown> }).kitImport;
  return {
    window: win,
    load: <T>(path: string) => kitImport(path) as Promise<T>,
    close: () => win.close(),
  };
}
