/**
 * The kit in an iframe of a given size: a page with its own viewport (a phone's 320 px, which WebKit's
 * MiniBrowser window cannot shrink to) and its own root styles, on the test's database. As a second tab
 * (`tabs.ts`), its `load` imports modules inside it.
 */
import type { Tab } from './tabs.js';

export interface Frame extends Tab {
  frame: HTMLIFrameElement;
  document: Document;
}

export async function openFrame(databaseName: string, size: { width: number; height: number }): Promise<Frame> {
  const frame = document.createElement('iframe');
  frame.width = String(size.width);
  frame.height = String(size.height);
  frame.style.border = '0';
  frame.src = `/test/support/tab.html?db=${encodeURIComponent(databaseName)}`;
  // The page's module script has run (and set `tabReady`) by its load event.
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow!;
  await (win as unknown as { tabReady: Promise<void> }).tabReady;
  const kitImport = (win as unknown as { kitImport: (path: string) => Promise<unknown> }).kitImport;
  return {
    frame,
    window: win,
    document: frame.contentDocument!,
    load: <T>(path: string) => kitImport(path) as Promise<T>,
    close: () => frame.remove(),
  };
}
