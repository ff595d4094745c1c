// 8. Report: <retain-report> fed a Shopify export of 100,000 orders (≈ 50 MB, every column a real
// export fills; made in memory by demo/data/generate-orders.mjs), with the kit's code loaded first (a
// small file read as a warm-up). Measured in the page, from handing the file to the element (the owner's
// drop) to `retain-report-loaded` (parsed, hashed and computed in the worker, the figures on screen), then
// to the charts drawn; and the longest main-thread task meanwhile, from a Chromium trace (with the page's
// own `longtask` entries beside it). DESIGN.md's budget: parsed and computed off the main thread, no long
// task (≤ 50 ms), at 1×; `BENCH_REPORT_RATE=4` measures at a 4× CPU slowdown instead.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { END, shopifyOrders } from '../../../demo/data/generate-orders.mjs';
import { launch, median, round, row, sleep, throttledPage, timeout, traceMainThread } from '../lib.mjs';

const S = 'report';
/** About 1.5 orders a customer over the generator's 18 months: this many customers make ≈ 100,000 orders. */
const CUSTOMERS = 66_000;

/**
 * Months of history (`BENCH_REPORT_MONTHS`, default the demo's 18): a longer one makes the same orders
 * into more cohorts, and the cohort table grows with the square of the months (120 months: 7,000 cells).
 */
const MONTHS = Math.max(1, Number.parseInt(process.env.BENCH_REPORT_MONTHS ?? '', 10) || 18);

let made;
/** The export, made once per run of the benchmark. */
function bigExport() {
  const start = Date.UTC(new Date(END).getUTCFullYear(), new Date(END).getUTCMonth() + 1 - MONTHS, 1);
  made ??= shopifyOrders({ customers: CUSTOMERS, full: true, seed: 100_000, start });
  return made;
}

/** Events of the main thread inside a task. */
function eventsIn({ events, main }, task) {
  return events.filter(
    (e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && e.name !== 'RunTask' && e.ts / 1000 >= task.start && e.ts / 1000 < task.end,
  );
}

/** The biggest events inside a task, by name (what the task was: script, style, layout, paint, GC…). */
function whatRan(traced, task) {
  const longest = new Map();
  for (const e of eventsIn(traced, task)) longest.set(e.name, Math.max(longest.get(e.name) ?? 0, (e.dur ?? 0) / 1000));
  return [...longest]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name, ms]) => `${name} ${round(ms)} ms`)
    .join(', ');
}

/** Events that run script in the page: the kit's code (message handlers, Lit's updates, timers). */
const SCRIPT = new Set([
  'FunctionCall',
  'EvaluateScript',
  'v8.run',
  'TimerFire',
  'FireAnimationFrame',
  'HandlePostMessage',
  'EventDispatch',
  'RunMicrotasks',
  'v8.callFunction',
]);

/** The longest task that ran script (as opposed to a frame's style, layout and paint alone). */
function longestScriptTask(traced) {
  return traced.tasks
    .filter((task) => eventsIn(traced, task).some((e) => SCRIPT.has(e.name)))
    .reduce((max, task) => Math.max(max, task.dur), 0);
}

export function reportPages() {
  return {
    '/bench/report.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>bench report</title>
<script type="module" src="/dist/retainkit.js"></script></head><body><main id="main"><retain-report instance="bench"></retain-report></main></body></html>`,
    '/bench/report-100k.csv': () => ({ type: 'text/csv', body: bigExport().csv }),
  };
}

/** In the page: reads `text` (or the file fetched into `window.__file`) with the report; resolves at `retain-report-loaded`. */
async function readWithReport({ text, name }) {
  const el = document.querySelector('retain-report');
  await customElements.whenDefined('retain-report');
  const file = text === undefined ? window.__file : new File([text], name, { type: 'text/csv' });
  const longTasks = [];
  let observer;
  if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
    observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((entry) => entry.duration)));
    observer.observe({ type: 'longtask' });
  }
  const start = performance.now();
  const ready = new Promise((resolve) => el.addEventListener('retain-report-loaded', resolve, { once: true }));
  el.read([file]);
  const event = await ready;
  const figures = performance.now() - start;
  // The charts come after the figures (uPlot draws them from the page's thread).
  const deadline = performance.now() + 30_000;
  while (!el.shadowRoot.querySelector('[data-chart="curve"] canvas') && performance.now() < deadline)
    await new Promise((r) => requestAnimationFrame(r));
  const charts = performance.now() - start;
  await new Promise((r) => setTimeout(r, 300));
  observer?.disconnect();
  return { figures, charts, orders: event.detail.orders, excluded: event.detail.excluded, longTasks };
}

export async function report({ browser, origin, runs = 3, log }) {
  const rate = Number(process.env.BENCH_REPORT_RATE) || 1;
  const { orders, csv } = bigExport();
  const megabytes = csv.length / 1e6;
  log(`  report: a Shopify export of ${orders.toLocaleString('en-US')} orders over ${MONTHS} months, ${round(megabytes)} MB`);
  const own = !browser;
  browser ??= await launch();
  const samples = [];
  try {
    for (let i = 0; i < runs; i++) {
      const { context, page } = await throttledPage(browser, rate, { width: 1280, height: 900 });
      try {
        await page.goto(`${origin}/bench/report.html`, { waitUntil: 'load', timeout: 60_000 });
        // Warm-up: the element's code, its worker, Papa Parse, the charts.
        await timeout(
          page.evaluate(readWithReport, {
            text: 'Name,Email,Financial Status,Created at,Total,Currency\n#1,a@example.com,paid,2024-01-01,10,EUR\n',
            name: 'warm.csv',
          }),
          60_000,
          'warm-up report',
        );
        await page.evaluate(async () => {
          window.__file = new File([await (await fetch('/bench/report-100k.csv')).blob()], 'orders_export.csv', { type: 'text/csv' });
        });
        await sleep(500);
        const traced = await traceMainThread(browser, page, () =>
          timeout(page.evaluate(readWithReport, {}), 300_000, 'report of 100,000 orders'),
        );
        if (process.env.BENCH_REPORT_TRACE) {
          const file = join(process.env.BENCH_REPORT_TRACE, `report-${rate}x-run${i + 1}.json`);
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, JSON.stringify({ traceEvents: traced.events }));
          log(`  report: trace of run ${i + 1} in ${file} (open it in Chrome DevTools' Performance panel)`);
        }
        const top = traced.tasks.reduce((a, b) => (b.dur > a.dur ? b : a), { start: 0, end: 0, dur: 0 });
        const longest = top.dur;
        const inside = whatRan(traced, top);
        const script = longestScriptTask(traced);
        // Thread time: what the main thread itself ran. On a loaded machine a task's wall time also counts
        // the time other processes had the core, which no change to the page can take away.
        const busiest = traced.tasks.reduce((a, b) => (b.cpu > a.cpu ? b : a), { start: 0, end: 0, dur: 0, cpu: 0 });
        const sample = {
          ...traced.result,
          longest,
          longestCpu: top.cpu,
          busiest: busiest.cpu,
          inside,
          script,
          longTaskEntries: traced.result.longTasks.length,
        };
        samples.push(sample);
        log(
          `  report ${rate}× run ${i + 1}: figures in ${round(sample.figures / 1000, 2)} s, charts in ${round(sample.charts / 1000, 2)} s; longest main-thread task ${round(longest)} ms wall, ${round(top.cpu)} ms thread time (${inside}); most thread time in one task ${round(busiest.cpu)} ms (${round(busiest.dur)} ms wall: ${whatRan(traced, busiest)}); longest that ran script ${round(script)} ms (longtask entries: ${sample.longTaskEntries}${sample.longTaskEntries ? `, up to ${round(Math.max(...sample.longTasks))} ms` : ''}); ${sample.orders} orders, ${sample.excluded} left out`,
        );
      } finally {
        await context.close();
      }
    }
  } finally {
    if (own) await browser.close();
  }
  const m = (f) => median(samples.map(f));
  const at = `${rate}× CPU`;
  const rows = [
    row(
      S,
      `${orders.toLocaleString('en-US')} orders (${round(megabytes)} MB Shopify CSV): parse + hash + compute, ${at}`,
      round(m((s) => s.figures)),
      'ms',
      null,
      `file handed over → figures on screen; median of ${runs}`,
    ),
    row(
      S,
      `… and the charts drawn, ${at}`,
      round(m((s) => s.charts)),
      'ms',
      null,
      'uPlot, loaded on first use, draws on the page’s thread',
    ),
    row(
      S,
      `longest main-thread task meanwhile, ${at}`,
      round(m((s) => s.longest)),
      'ms',
      rate === 1 ? { max: 50 } : null,
      'from a Chromium trace; budget: no long task',
    ),
    row(
      S,
      `most thread time in one main-thread task, ${at}`,
      round(m((s) => s.busiest)),
      'ms',
      null,
      'CPU time the main thread itself ran in its busiest task (wall time above also counts other processes’ turns on a loaded machine)',
    ),
    row(
      S,
      `longest main-thread task that ran script, ${at}`,
      round(m((s) => s.script)),
      'ms',
      null,
      'the others drew frames (style, layout, paint): the browser drawing the report',
    ),
  ];
  return { rows, raw: { rate, orders, megabytes, samples } };
}
