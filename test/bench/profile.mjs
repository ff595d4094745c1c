#!/usr/bin/env node
// `node test/bench/profile.mjs`: where the kit's main-thread time goes on the bench's product page, for
// whoever cuts it (not part of `npm run bench`). Builds the kit as the bench does, loads the product page
// with the kit at 4× CPU a few times (PROFILE_RUNS, default 3) under a trace and the V8 sampling profiler,
// and prints, as medians over the loads:
// - the page's main thread by trace event (script, style, layout, paint, parsing…), top-level within tasks;
// - the kit's own JS by function (self time), from the profiler's samples in /dist/ code;
// - the kit's longest tasks with what ran in them;
// - the page's tasks by what starts each (its first traced event: a frame, a callback, a module's
//   evaluation…; "(none traced)" is a task with nothing traced in it, such as a message of a module's load), and
//   the IndexedDB transactions the page began, by store and mode.
// Variants (`--variant=…`, several with commas, interleaved run by run):
//   with        the product page with the kit (default)
//   without     the same page without the kit
//   no-recent   with the kit, without <retain-recently-viewed> and <retain-product>
//   no-wait     with the kit, its loader not waiting for the widgets' first frames before the page view
//   no-<tag>    with the kit, without any <retain-<tag>> (no-loyalty-badge, no-review-showcase, no-forward…); with
//               [attr=value], only the instances whose tag says so (no-review-showcase[id=reviews]: the list)
//   only-<tag>  with the kit and one widget: every other <retain-…> taken out (only-loyalty-badge); with
//               [attr=value], only the instances whose tag says so (only-review-showcase[view=summary]: the
//               summary alone, the list taken out too)
//   base        with another build of the kit, PROFILE_BASE_DIST=<its dist directory> (before and after, interleaved)
// PROFILE_SAMPLES=0 leaves the sampling profiler off (it slows the page): totals only.
// PROFILE_RATE=1 loads at full speed instead of 4× slower (default 4): Chromium's slowdown spins the thread
// for the wall time a task ran, so on a loaded machine thread time at 4× varies by ±100 ms from load to
// load; at 1× it holds within a few ms, which is what comparing two builds (`base`) needs.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { launch, median, round, serve, throttledPage, traceMainThread } from './lib.mjs';
import { buildKit, cleanup, productPages } from './setup.mjs';
import { settleWidgets } from './settle.mjs';
import { SETTLE_MS } from './load.mjs';

const variants = (process.argv.find((a) => a.startsWith('--variant='))?.slice(10) ?? 'with').split(',');
const RUNS = Number(process.env.PROFILE_RUNS ?? 3);
const RATE = Number(process.env.PROFILE_RATE ?? 4);
const log = (...a) => console.log(...a);

const kit = buildKit();
// The loader without the wait for first frames: its `Promise.allSettled(drawing)` given nothing.
const noWait = `${kit.dist}-no-wait`;
cpSync(kit.dist, noWait, { recursive: true });
const loader = readFileSync(`${noWait}/retainkit.js`, 'utf8');
const patched = loader.replace(/Promise\.allSettled\(\w+\)/, 'Promise.allSettled([])');
if (patched === loader) throw new Error('no Promise.allSettled(drawing) in the built loader');
writeFileSync(`${noWait}/retainkit.js`, patched);
const SAMPLES = process.env.PROFILE_SAMPLES !== '0';
const product = await productPages();
const withKit = product.pages[product.with];
const pages = {
  ...product.pages,
  '/demo/__bench-no-recent.html': withKit
    .replace(/<retain-product\b[\s\S]*?<\/retain-product>/, '')
    .replace(/<retain-recently-viewed\b[\s\S]*?<\/retain-recently-viewed>/, ''),
  '/demo/__bench-no-wait.html': withKit.replace('/dist/retainkit.js', '/dist-no-wait/retainkit.js'),
  '/demo/__bench-base.html': withKit.replace('/dist/retainkit.js', '/dist-base/retainkit.js'),
};
const urls = {
  with: product.with,
  without: product.without,
  'no-recent': '/demo/__bench-no-recent.html',
  'no-wait': '/demo/__bench-no-wait.html',
  base: '/demo/__bench-base.html',
};
if (variants.includes('base') && !process.env.PROFILE_BASE_DIST) throw new Error('--variant=base needs PROFILE_BASE_DIST');
// Without one widget: what it alone costs is `with` less this.
for (const variant of variants.filter((v) => v.startsWith('no-') && !urls[v])) {
  const [, tag, attribute, value] = /^no-([\w-]+)(?:\[([\w-]+)=([\w-]+)\])?$/.exec(variant) ?? [];
  if (!tag) throw new Error(`${variant}: not no-<tag> or no-<tag>[attr=value]`);
  const dropped = (element) => !attribute || new RegExp(`^<[^>]*\\s${attribute}="${value}"`).test(element);
  const name = `retain-${tag}`;
  const page = withKit.replace(new RegExp(`<${name}\\b[\\s\\S]*?</${name}>`, 'g'), (element) => (dropped(element) ? '' : element));
  if (page === withKit) throw new Error(`the product page has no <${name}>${attribute ? ` with ${attribute}="${value}"` : ''}`);
  pages[`/demo/__bench-${variant}.html`] = page;
  urls[variant] = `/demo/__bench-${variant}.html`;
}
// One widget alone: what it costs with nothing else of the kit on the page is `only-<tag>` less `without`.
for (const variant of variants.filter((v) => v.startsWith('only-'))) {
  const [, tag, attribute, value] = /^only-([\w-]+)(?:\[([\w-]+)=([\w-]+)\])?$/.exec(variant) ?? [];
  if (!tag) throw new Error(`${variant}: not only-<tag> or only-<tag>[attr=value]`);
  const kept = (element, name) => name === `retain-${tag}` && (!attribute || new RegExp(`^<[^>]*\\s${attribute}="${value}"`).test(element));
  const page = withKit.replace(/<(retain-[\w-]+)\b[^>]*>[\s\S]*?<\/\1>/g, (element, name) => (kept(element, name) ? element : ''));
  if (!/<retain-/.test(page)) throw new Error(`the product page has no <retain-${tag}>${attribute ? ` with ${attribute}="${value}"` : ''}`);
  pages[`/demo/__bench-${variant}.html`] = page;
  urls[variant] = `/demo/__bench-${variant}.html`;
}
const server = await serve(undefined, pages, {
  '/dist/': kit.dist,
  '/dist-no-wait/': noWait,
  '/dist-base/': process.env.PROFILE_BASE_DIST ?? noWait,
});
const browser = await launch();

const threadKey = (e) => `${e.pid}:${e.tid}`;

/** The main thread's complete events but the tasks themselves, in order, an enclosing event before those it encloses. */
function eventsInTasks(events, main) {
  return events
    .filter((e) => e.ph === 'X' && threadKey(e) === main && e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask')
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
}

/** Self time of trace events directly under each top-level task, by name (ms, thread time where given). */
function byEvent(events, main, tasks) {
  const mine = eventsInTasks(events, main);
  const totals = {};
  let t = 0;
  let lastEnd = -1;
  for (const e of mine) {
    const start = e.ts / 1000;
    while (t < tasks.length && tasks[t].end < start) t++;
    if (!tasks[t] || start < tasks[t].start) continue;
    if (start < lastEnd) continue; // nested in the previous counted event
    lastEnd = (e.ts + (e.dur ?? 0)) / 1000;
    totals[e.name] = (totals[e.name] ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000;
  }
  return totals;
}

/** Self time by function from a V8 profile, for functions in `/dist/` (else lumped by URL kind). */
function byFunction(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const node = nodes.get(profile.samples[i]);
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const key = /\/dist(-no-wait|-base)?\//.test(url)
      ? `${functionName || '(anon)'} ${url.split(/\/dist(?:-no-wait|-base)?\//)[1]}:${lineNumber + 1}:${columnNumber + 1}`
      : url
        ? `(page) ${url.split('/').pop()}`
        : `(${functionName})`;
    self.set(key, (self.get(key) ?? 0) + dt);
  }
  return self;
}

/** The page's tasks by their first traced event, as { name: { count, ms } } (thread time). */
function byFirstEvent(events, main, tasks) {
  const inside = eventsInTasks(events, main);
  const kinds = {};
  let i = 0;
  for (const task of tasks) {
    while (i < inside.length && inside[i].ts / 1000 < task.start) i++;
    const first = i < inside.length && inside[i].ts / 1000 <= task.end ? inside[i].name : '(none traced)';
    kinds[first] ??= { count: 0, ms: 0 };
    kinds[first].count++;
    kinds[first].ms += task.cpu;
  }
  return kinds;
}

/** In the page before its scripts: counts the IndexedDB transactions it begins, by store(s) and mode. */
function countTransactions() {
  window.__transactions = {};
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (stores, mode, ...rest) {
    const key = `${[].concat(stores).join('+')} ${mode ?? 'readonly'}`;
    window.__transactions[key] = (window.__transactions[key] ?? 0) + 1;
    return transaction.call(this, stores, mode, ...rest);
  };
}

const results = Object.fromEntries(variants.map((v) => [v, []]));
for (let run = 0; run < RUNS; run++) {
  for (let k = 0; k < variants.length; k++) {
    const variant = variants[(k + run) % variants.length];
    const { context, page, cdp } = await throttledPage(browser, RATE);
    try {
      if (SAMPLES) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      await page.addInitScript(countTransactions);
      const before = loadavg()[0];
      const {
        events,
        main,
        tasks,
        result: transactions,
      } = await traceMainThread(browser, page, async () => {
        await page.goto(server.origin + urls[variant], { waitUntil: 'load', timeout: 90_000 });
        await page.evaluate(settleWidgets, { limitMs: variant === 'without' ? 0 : SETTLE_MS });
        await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined);
        await new Promise((r) => setTimeout(r, 1500));
        return page.evaluate(() => window.__transactions);
      });
      const profile = SAMPLES ? (await cdp.send('Profiler.stop')).profile : { nodes: [], samples: [], timeDeltas: [] };
      const total = tasks.reduce((a, t) => a + t.cpu, 0);
      const wall = tasks.reduce((a, t) => a + t.dur, 0);
      const longest = [...tasks].sort((a, b) => b.cpu - a.cpu).slice(0, 5);
      const longestNames = longest.map((task) => {
        const inside = byEvent(
          events.filter((e) => e.ts / 1000 >= task.start && e.ts / 1000 <= task.end),
          main,
          [task],
        );
        const top = Object.entries(inside)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 3)
          .map(([n, v]) => `${n} ${round(v, 0)}`)
          .join(', ');
        return `${round(task.cpu, 0)} ms (${top})`;
      });
      results[variant].push({
        total,
        wall,
        events: byEvent(events, main, tasks),
        fns: byFunction(profile),
        longestNames,
        tasks: tasks.length,
        kinds: byFirstEvent(events, main, tasks),
        transactions,
      });
      log(
        `${variant} run ${run + 1}: main thread ${round(total, 0)} ms thread / ${round(wall, 0)} wall; load ${before.toFixed(1)}→${loadavg()[0].toFixed(1)}`,
      );
      log(`  longest tasks: ${longestNames.join('; ')}`);
    } finally {
      await context.close();
    }
  }
}

for (const variant of variants) {
  const rs = results[variant];
  log(
    `\n== ${variant}: main thread median ${round(median(rs.map((r) => r.total)), 0)} ms thread / ${round(median(rs.map((r) => r.wall)), 0)} wall`,
  );
  const names = [...new Set(rs.flatMap((r) => Object.keys(r.events)))];
  const ev = names
    .map((n) => [n, median(rs.map((r) => r.events[n] ?? 0))])
    .filter(([, v]) => v >= 3)
    .sort((a, b) => b[1] - a[1]);
  log('  by trace event (ms thread): ' + ev.map(([n, v]) => `${n} ${round(v, 0)}`).join(', '));
  // Frames are the tasks a ProxyMain::BeginMainFrame starts.
  const kindNames = [...new Set(rs.flatMap((r) => Object.keys(r.kinds)))];
  const kinds = kindNames
    .map((n) => [n, median(rs.map((r) => r.kinds[n]?.count ?? 0)), median(rs.map((r) => r.kinds[n]?.ms ?? 0))])
    .filter(([, count, ms]) => ms >= 3 || count >= 10)
    .sort((a, b) => b[2] - a[2]);
  log(
    `  tasks by what starts them (median count / ms thread; ${round(median(rs.map((r) => r.tasks)), 0)} tasks): ` +
      kinds.map(([n, count, ms]) => `${n} ${count} / ${round(ms, 0)}`).join(', '),
  );
  const stores = [...new Set(rs.flatMap((r) => Object.keys(r.transactions ?? {})))].sort();
  const began = stores.map((key) => [key, median(rs.map((r) => r.transactions?.[key] ?? 0))]);
  log(
    `  IndexedDB transactions begun (median): ${began.reduce((a, [, n]) => a + n, 0)}` +
      (began.length ? ` (${began.map(([key, n]) => `${key} ${n}`).join(', ')})` : ''),
  );
  const fnNames = [...new Set(rs.flatMap((r) => [...r.fns.keys()]))];
  const fns = fnNames
    .map((n) => [n, median(rs.map((r) => r.fns.get(n) ?? 0))])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 40);
  log('  by function, self (ms, profiler samples, median):');
  for (const [n, v] of fns) log(`    ${round(v, 1)}  ${n}`);
}
if (results.without) {
  // What each variant adds to the page without the kit: medians of per-run differences (thread time).
  log('\n== added to the page without the kit (median of per-run differences, ms):');
  for (const variant of variants.filter((v) => v !== 'without')) {
    const added = results[variant].map((r, i) => r.total - results.without[i].total);
    const addedWall = results[variant].map((r, i) => r.wall - results.without[i].wall);
    log(
      `  ${variant}: ${round(median(added), 0)} thread (${added.map((a) => round(a, 0)).join(', ')}); ${round(median(addedWall), 0)} wall`,
    );
  }
}
await browser.close();
await server.close();
cleanup();
