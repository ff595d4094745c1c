/**
 * No layout shift from the review showcase, on screen from first paint: a store page whose showcase (inline
 * JSON, reserved with `retain-review-showcase:not(:defined)`) is drawn before the kit's code arrives, then the
 * code loads and the showcase fills. Each page is a fresh document in an iframe (the element must be in the
 * page before its code, as on a store), at a phone's and a desktop's width.
 *
 * Two measures. Chromium reports layout shifts (`PerformanceObserver`, type `layout-shift`, as CLS counts them):
 * their sum must be 0. Firefox and WebKit have no such entries, so in every engine the positions are also read
 * once a frame, before it is drawn: nothing that was drawn may move (the paragraph below the showcase, the cards).
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { watchConsole, type ConsoleWatch } from '../support/console-guard.js';
import { deleteDatabases, freshDatabase } from '../support/database.js';
import { waitUntil } from '../support/wait.js';

const PAGE_SIZE = 3;

/** Six reviews: long and short bodies, a reply, photos, languages, so cards differ in height. */
function reviewJson(): string {
  const body = (i: number) => (i % 2 ? 'Short and sweet.' : 'A longer review that wraps over a few lines on a phone. '.repeat(1 + (i % 3)));
  const data = {
    product: { id: 'cls-mug', name: 'Mug' },
    reviews: Array.from({ length: 6 }, (_, i) => ({
      id: `r${i + 1}`,
      rating: [5, 4, 5, 3, 5, 2][i],
      title: `Review ${i + 1}`,
      body: body(i),
      author: { name: `Person ${i + 1}`, location: 'Pécs' },
      date: new Date(Date.UTC(2025, 0, 10 - i)).toISOString(),
      verified: i % 2 === 0,
      language: i === 1 ? 'uk' : 'en',
      media: i === 0 ? [{ url: '/demo/data/photos/cup-amber.svg', alt: 'The mug', width: 400, height: 300 }] : [],
      reply: i === 2 ? { body: 'Thank you!', author: 'Mug Shop' } : undefined,
    })),
  };
  return JSON.stringify(data).replace(/<\//g, '<\\/');
}

/** A store page as the HTML parser gets it: the reservation in the store's CSS, the showcase on screen. */
function storePage(reserve: string): string {
  // The test page's address as base: a srcdoc document in WebKit resolves nothing against its parent's.
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><base href="${location.href}"><style>
    body { margin: 0; padding: 8px; font: 16px/1.5 sans-serif }
    h1 { margin: 0 0 8px; font-size: 24px }
    retain-review-showcase:not(:defined) { display: block; min-height: ${reserve} }
    retain-review-showcase[view='summary']:not(:defined) { display: inline-block; vertical-align: middle; min-height: 1.5em; min-width: 14em }
  </style></head><body>
    <h1>Stoneware mug</h1>
    <p>12.50 € <retain-review-showcase view="summary" href="#reviews">
      <script type="application/json">${reviewJson()}</script>
    </retain-review-showcase> <span id="after">In stock</span></p>
    <retain-review-showcase id="reviews" heading-level="2" page-size="${PAGE_SIZE}">
      <script type="application/json">${reviewJson()}</script>
    </retain-review-showcase>
    <p id="below">What the page has below the reviews.</p>
    <script type="module">
      window.kitImport = (path) => import(path);
    </script>
  </body></html>`;
}

type Frame = Window & typeof globalThis & { kitImport: (path: string) => Promise<unknown> };

interface Moved {
  what: string;
  from: number;
  to: number;
}

/** Reads, once a frame before it is drawn, where each drawn thing is; lists every move, and the notes shown. */
function watchPositions(win: Frame, host: Element): { moves: Moved[]; notes: Set<string>; frames: () => number; stop: () => void } {
  const last = new Map<string, number>();
  const doc = win.document;
  const moves: Moved[] = [];
  let frames = 0;
  const notes = new Set<string>();
  let running = true;
  const read = () => {
    if (!running) return;
    frames++;
    const now = new Map<string, number>([
      ['the paragraph below', doc.getElementById('below')!.getBoundingClientRect().top],
      // Beside the summary on its line: a summary that changes width moves it sideways.
      ['the text after the summary (left)', doc.getElementById('after')!.getBoundingClientRect().left],
      ['the text after the summary', doc.getElementById('after')!.getBoundingClientRect().top],
    ]);
    // Every part of the showcase (figures, bars, controls, each card, "show more") and its status line.
    for (const part of host.shadowRoot?.querySelectorAll<HTMLElement>('[part]:not([part~="base"]), .status') ?? []) {
      const card = part.closest('article')?.dataset.id;
      now.set(`${part.getAttribute('part') ?? part.className}${card ? ` ${card}` : ''}`, part.getBoundingClientRect().top);
    }
    for (const [what, top] of now) {
      const before = last.get(what);
      if (before !== undefined && Math.abs(before - top) > 0.5) moves.push({ what, from: before, to: top });
      last.set(what, top);
    }
    for (const note of host.shadowRoot?.querySelectorAll('.note') ?? []) notes.add(note.textContent!.trim());
    win.requestAnimationFrame(read);
  };
  win.requestAnimationFrame(read);
  return { moves, notes, frames: () => frames, stop: () => (running = false) };
}

/** Layout shifts as Chromium reports them, from the document's start; undefined where the engine has none. */
function watchLayoutShifts(win: Frame): { take: () => number[] } | undefined {
  if (!win.PerformanceObserver?.supportedEntryTypes?.includes('layout-shift')) return undefined;
  const values: number[] = [];
  type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean };
  const keep = (entries: PerformanceEntryList) => {
    for (const entry of entries as Shift[]) if (!entry.hadRecentInput) values.push(entry.value);
  };
  const observer = new win.PerformanceObserver((list) => keep(list.getEntries()));
  observer.observe({ type: 'layout-shift', buffered: true });
  return {
    take: () => {
      keep(observer.takeRecords());
      observer.disconnect();
      return values;
    },
  };
}

/** A whole URL: an inline module of a srcdoc document in WebKit resolves no path against the page. */
const fromRoot = (path: string) => new URL(path, location.href).href;

const frame = (win: Window) => new Promise<void>((resolve) => win.requestAnimationFrame(() => resolve()));

async function openStorePage(width: number, height: number, reserve: string): Promise<{ iframe: HTMLIFrameElement; win: Frame }> {
  const iframe = document.createElement('iframe');
  iframe.width = String(width);
  iframe.height = String(height);
  iframe.style.border = '0';
  iframe.style.display = 'block';
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.srcdoc = storePage(reserve);
  document.body.prepend(iframe);
  await loaded;
  const win = iframe.contentWindow as Frame;
  await waitUntil(() => typeof win.kitImport === 'function', 'the page’s script ran');
  // Drawn before the code comes: two frames.
  await frame(win);
  await frame(win);
  return { iframe, win };
}

describe('review showcase: no layout shift on screen from first paint', () => {
  let consoleWatch: ConsoleWatch;
  let database: string;
  beforeEach(() => {
    database = freshDatabase().name;
    consoleWatch = watchConsole();
  });
  afterEach(async () => {
    consoleWatch.stop();
    await deleteDatabases();
  });

  // The frame tall enough for the showcase and the paragraph below it to be on screen; the reservation a
  // little more than the showcase needs in each engine's fonts (a test checks that it does).
  for (const [width, height, reserve] of [
    [412, 1500, '84rem'],
    [1280, 1250, '72rem'],
  ] as const) {
    it(`${width} px wide: the reserved space is kept while the showcase fills, and nothing drawn moves`, async () => {
      // Chromium scores a frame's shifts over what is on screen: all of the frame, there.
      if (PerformanceObserver.supportedEntryTypes?.includes('layout-shift')) await setViewport({ width: width + 20, height: height + 20 });
      const { iframe, win } = await openStorePage(width, height, reserve);
      try {
        const host = win.document.getElementById('reviews')!;
        const reserved = host.getBoundingClientRect().height;
        expect(reserved, 'the store reserved the space').to.be.greaterThan(300);
        const shifts = watchLayoutShifts(win);
        const positions = watchPositions(win, host);
        // The kit's code arrives after first paint, in the page's own realm, with the test's database.
        const { useDatabase } = (await win.kitImport(fromRoot('/src/core/storage.ts'))) as typeof import('../../src/core/storage.js');
        useDatabase(database, { openTimeoutMs: 15_000 });
        await win.kitImport(fromRoot('/src/review-showcase/review-showcase.ts'));
        const el = host as HTMLElement & { updateComplete: Promise<boolean> };
        await el.updateComplete;
        await waitUntil(() => el.shadowRoot!.querySelectorAll('article').length === PAGE_SIZE, 'the first page is in');
        const summary = win.document.querySelector('[view="summary"]')!;
        await waitUntil(() => summary.shadowRoot?.querySelector('[part~="summary"]'), 'the summary is in');
        // Cards off screen, images and late layouts: a few more drawn frames.
        const drawn = positions.frames();
        await waitUntil(() => positions.frames() >= drawn + 5, 'five more frames');
        positions.stop();

        const filled = el.shadowRoot!.querySelector('[part~="base"]')!.getBoundingClientRect().height;
        expect(filled, `the content (${filled} px) fits the space reserved (${reserved} px): the scenario holds`).to.be.at.most(reserved);
        expect(positions.moves, JSON.stringify(positions.moves)).to.deep.equal([]);
        // While the first cards come, the list waits for them: no "No reviews match." for a frame.
        expect([...positions.notes]).to.not.include('No reviews match.');
        if (shifts) {
          const values = shifts.take();
          expect(
            values.reduce((sum, v) => sum + v, 0),
            `layout shifts: ${values.join(', ')}`,
          ).to.equal(0);
        }
        expect(host.getBoundingClientRect().height, 'the showcase keeps the space it was given').to.equal(reserved);
      } finally {
        iframe.remove();
      }
    });
  }
});
