#!/usr/bin/env node
// `node test/bench/renders.mjs`: how long each widget's renders take on the bench's product page, for whoever
// cuts one (not part of `npm run bench`). Every `retain-*` Lit element's `update()` (its template rendered
// and committed to the DOM; the frame's style and layout come after) is timed in the page, from its first
// render until the page has settled, at 4× CPU (RENDERS_RATE) over RENDERS_RUNS loads (default 6). Prints,
// per widget and render (1st, 2nd…), the median in ms and how many review cards it had drawn by then.
// RENDERS_BASE_DIST=<another build's dist> loads that build too, interleaved load by load: before and after.
import { launch, median, round, serve, throttledPage } from './lib.mjs';
import { buildKit, cleanup, productPages } from './setup.mjs';
import { settleWidgets } from './settle.mjs';

const RUNS = Number(process.env.RENDERS_RUNS ?? 6);
const RATE = Number(process.env.RENDERS_RATE ?? 4);
const BASE = process.env.RENDERS_BASE_DIST;

/** In the page before its scripts: times each kit element's `update()` into `window.__renders`. */
function timeRenders() {
  window.__renders = [];
  const define = customElements.define.bind(customElements);
  customElements.define = (name, constructor, options) => {
    // Lit's elements only (`<retain-forward>` has an `update` of its own: it adds its destination).
    if (name.startsWith('retain-') && 'performUpdate' in constructor.prototype) {
      const update = constructor.prototype.update;
      constructor.prototype.update = function (changed) {
        const start = performance.now();
        update.call(this, changed);
        const widget = `${this.localName}${this.id ? `#${this.id}` : ''}${this.getAttribute('view') ? `[view=${this.getAttribute('view')}]` : ''}`;
        window.__renders.push({
          name: widget,
          ms: performance.now() - start,
          cards: this.renderRoot?.querySelectorAll?.('article').length ?? 0,
        });
      };
    }
    return define(name, constructor, options);
  };
}

const kit = buildKit();
const product = await productPages();
const pages = { ...product.pages };
const builds = { after: product.with };
if (BASE) {
  pages['/demo/__bench-renders-base.html'] = product.pages[product.with].replace('/dist/retainkit.js', '/dist-base/retainkit.js');
  builds.before = '/demo/__bench-renders-base.html';
}
const server = await serve(undefined, pages, { '/dist/': kit.dist, ...(BASE ? { '/dist-base/': BASE } : {}) });
const browser = await launch();
const runs = Object.fromEntries(Object.keys(builds).map((build) => [build, []]));
try {
  for (let run = 0; run < RUNS; run++) {
    const order = Object.keys(builds);
    if (run % 2) order.reverse();
    for (const build of order) {
      const { context, page } = await throttledPage(browser, RATE);
      try {
        await page.addInitScript(timeRenders);
        await page.goto(server.origin + builds[build], { waitUntil: 'load', timeout: 90_000 });
        await page.evaluate(settleWidgets, { limitMs: 30_000 });
        runs[build].push(await page.evaluate(() => window.__renders));
      } finally {
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
  cleanup();
}

console.log(`renders on the product page at ${RATE}× CPU, ${RUNS} loads each; ms of update() (median), cards drawn by then`);
for (const [build, loads] of Object.entries(runs)) {
  console.log(`\n== ${BASE ? `${build} ` : ''}(${build === 'before' ? BASE : 'this build'})`);
  const names = [...new Set(loads.flatMap((renders) => renders.map((r) => r.name)))];
  for (const name of names) {
    const of = loads.map((renders) => renders.filter((r) => r.name === name));
    const count = Math.max(...of.map((renders) => renders.length));
    const cells = Array.from({ length: count }, (_, i) => {
      const nth = of.map((renders) => renders[i]).filter(Boolean);
      return `${round(median(nth.map((r) => r.ms)), 1)} (${median(nth.map((r) => r.cards))})`;
    });
    console.log(`  ${name}: ${cells.join(', ')}`);
  }
}
