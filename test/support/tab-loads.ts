/**
 * What a tab running the loader has fetched and drawn (test/support/tabs.ts): the tests of "nothing until seen"
 * look at which widget code a page fetched, once an eager kit would have fetched and drawn everything.
 */

/** Paths of the modules the tab has fetched under /src/<folder>/. */
export function fetchedFrom(win: Window, folder: string): string[] {
  return win.performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith(`/src/${folder}/`));
}

/** Two frames and an idle period of the tab: by then an eager kit would have loaded and drawn everything. */
export async function settle(win: Window): Promise<void> {
  for (let i = 0; i < 2; i++) await new Promise((resolve) => win.requestAnimationFrame(resolve));
  const idle = (win as Partial<Window>).requestIdleCallback;
  await new Promise<void>((resolve) => (idle ? idle.call(win, () => resolve(), { timeout: 3000 }) : win.setTimeout(resolve, 200)));
  await new Promise((resolve) => win.setTimeout(resolve, 0));
}
