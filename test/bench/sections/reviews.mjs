// 4. Reviews: <retain-review-showcase> fed 10,000 reviews as inline JSON (the way a store renders them
// into the page), at 4× CPU slowdown, after the widget's code is loaded and compiled (a one-review warm-up).
// First render: from adding the element to the first review card on screen; the longest task in that time;
// the DOM it builds. Paging: "show more" three times, each until the new cards are in.
import { median, round, row, sleep, throttledPage, timeout, traceMainThread } from '../lib.mjs';
import { tenThousandReviews } from '../setup.mjs';

const S = 'reviews';
const PAGES = 3;

export function reviewPages() {
  return {
    '/bench/reviews.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>bench reviews</title>
<script type="module" src="/dist/retainkit.js"></script></head><body><main id="main"></main></body></html>`,
    '/bench/reviews-10k.json': () => ({ type: 'application/json', body: tenThousandReviews() }),
  };
}

/** In the page: adds a showcase with `json` (else the page's 10,000) inline; resolves at its first card. */
async function addShowcase({ json, instance }) {
  json ??= window.__json;
  const cards = (el) => el.shadowRoot?.querySelectorAll('[part~="review"]').length ?? 0;
  const start = performance.now();
  const el = document.createElement('retain-review-showcase');
  el.setAttribute('instance', instance);
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = json;
  el.append(script);
  document.querySelector('main').append(el);
  const deadline = start + 60_000;
  while (!cards(el) && performance.now() < deadline) await new Promise((r) => requestAnimationFrame(r));
  const ms = performance.now() - start;
  if (!cards(el)) throw new Error(`no review card after ${Math.round(ms)} ms`);
  return { ms, cards: cards(el) };
}

/** Elements in the showcase: its light DOM and its shadow tree, nested shadow roots included. */
function countNodes() {
  const el = document.querySelector('retain-review-showcase[instance="bench"]');
  let count = 0;
  const walk = (root) => {
    for (const node of root.querySelectorAll('*')) {
      count += 1;
      if (node.shadowRoot) walk(node.shadowRoot);
    }
  };
  walk(el);
  walk(el.shadowRoot);
  return { elements: count + 1, document: document.querySelectorAll('*').length };
}

async function nextPage() {
  const el = document.querySelector('retain-review-showcase[instance="bench"]');
  const cards = () => el.shadowRoot.querySelectorAll('[part~="review"]').length;
  const more = el.shadowRoot.querySelector('[part~="more"]');
  if (!more) throw new Error('no "show more" button');
  const before = cards();
  const start = performance.now();
  more.click();
  while (cards() <= before && performance.now() - start < 30_000) await new Promise((r) => requestAnimationFrame(r));
  if (cards() <= before) throw new Error('"show more" added no card');
  return { ms: performance.now() - start, cards: cards() };
}

export async function reviews({ browser, origin, runs, log }) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const { context, page } = await throttledPage(browser);
    try {
      await page.goto(`${origin}/bench/reviews.html`, { waitUntil: 'load', timeout: 60_000 });
      const warm = await page.evaluate(async () => {
        window.__json = await (await fetch('/bench/reviews-10k.json')).text();
        const one = JSON.parse(window.__json);
        one.reviews = one.reviews.slice(0, 1);
        one.aggregate = undefined;
        return JSON.stringify(one);
      });
      await timeout(page.evaluate(addShowcase, { json: warm, instance: 'warm-up' }), 60_000, 'warm-up showcase');
      await page.evaluate(() => document.querySelector('retain-review-showcase').remove());
      await sleep(500);
      const first = await traceMainThread(browser, page, async () => {
        const r = await page.evaluate(addShowcase, { json: null, instance: 'bench' });
        await sleep(300);
        return r;
      });
      const nodes = await page.evaluate(countNodes);
      const pages = [];
      for (let p = 0; p < PAGES; p++) {
        const paged = await traceMainThread(browser, page, async () => {
          const r = await page.evaluate(nextPage);
          await sleep(200);
          return r;
        });
        pages.push({ ms: paged.result.ms, longest: Math.max(0, ...paged.tasks.map((t) => t.dur)), cards: paged.result.cards });
      }
      const sample = {
        firstMs: first.result.ms,
        firstLongest: Math.max(0, ...first.tasks.map((t) => t.dur)),
        cards: first.result.cards,
        nodes,
        pages,
      };
      samples.push(sample);
      log(
        `  reviews run ${i + 1}: first render ${round(sample.firstMs)} ms (longest task ${round(sample.firstLongest)} ms, ${nodes.elements} elements), pages ${pages.map((p) => `${round(p.ms)} ms/${round(p.longest)} ms`).join(', ')}`,
      );
    } finally {
      await context.close();
    }
  }
  const m = (f) => median(samples.map(f));
  const rows = [
    row(
      S,
      '10,000 reviews: parse + first render',
      round(m((s) => s.firstMs)),
      'ms',
      null,
      `4× CPU, inline JSON (${PAGES} pages of "show more" after), median of ${samples.length}`,
    ),
    row(S, '10,000 reviews: longest task, first render', round(m((s) => s.firstLongest)), 'ms', { max: 50 }, 'a long task is > 50 ms'),
    row(
      S,
      '10,000 reviews: DOM elements of the showcase',
      m((s) => s.nodes.elements),
      'elements',
      null,
      `light + shadow DOM, ${m((s) => s.cards)} cards shown; whole document ${m((s) => s.nodes.document)}`,
    ),
    row(
      S,
      '10,000 reviews: "show more", per page',
      round(m((s) => median(s.pages.map((p) => p.ms)))),
      'ms',
      null,
      `click to new cards in, median over ${PAGES} pages`,
    ),
    row(
      S,
      '10,000 reviews: longest task, paging',
      round(m((s) => Math.max(...s.pages.map((p) => p.longest)))),
      'ms',
      { max: 50 },
      `worst of ${PAGES} pages`,
    ),
  ];
  return { rows, raw: samples };
}
