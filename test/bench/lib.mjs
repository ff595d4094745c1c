// Shared pieces of the benchmarks: a static server (files, in-memory pages, mounted directories, compressed
// as a store's CDN serves them), Chromium with a CDP session and 4× CPU slowdown, trace parsing (main-thread
// tasks, the kit's tasks, compositor frames), compression as `npm run size` measures it, medians and the
// results table.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../scripts/browsers.mjs';

export { CHROMIUM_ARGS };

export const ROOT = new URL('../../', import.meta.url).pathname;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.css': 'text/css',
  '.map': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

async function sendFile(req, res, file) {
  if (!existsSync(file) || !(await stat(file)).isFile()) {
    res.writeHead(404).end('not found');
    return;
  }
  send(req, res, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file));
}

const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;
const encodedBodies = new Map();

/**
 * Sends a response as a store's CDN would: text compressed (brotli where the browser accepts it, else gzip),
 * since every storefront serves it so and Lighthouse's simulated 1.6 Mbit/s link counts the bytes sent. At a
 * CDN's on-the-fly levels (a few ms for the largest file, where brotli's best takes 200 ms), each distinct body
 * once per run, so the server's CPU stays out of the pages' loads; the bytes are ~15 % over `npm run size`'s.
 */
function send(req, res, type, body) {
  const headers = { 'content-type': type, 'cache-control': 'no-store', vary: 'accept-encoding' };
  const accepted = String(req.headers['accept-encoding'] ?? '');
  const encoding = !COMPRESSIBLE.test(type) ? null : /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
  if (!encoding) {
    res.writeHead(200, headers).end(body);
    return;
  }
  const key = `${encoding}:${createHash('sha1').update(body).digest('hex')}`;
  if (!encodedBodies.has(key)) encodedBodies.set(key, encoding === 'br' ? brotliOnTheFly(body) : gzipSync(body));
  res.writeHead(200, { ...headers, 'content-encoding': encoding }).end(encodedBodies.get(key));
}

/**
 * Serves `root` on 127.0.0.1 (a random port).
 * - `pages` maps a path to content made in memory: a string (HTML), `{ type, body }`, or a function
 *   returning either (called per request, may be async), so a benchmark serves variants of a demo page
 *   and bundles without writing files.
 * - `mounts` maps a URL prefix (`/dist/`) to a directory served in its place (a snapshot of the build).
 * Anything else is a file under `root`. Paths outside a root are refused.
 */
export async function serve(root = ROOT, pages = {}, mounts = {}) {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let page = pages[path];
      if (typeof page === 'function') page = await page(req);
      if (page !== undefined) {
        const { type, body } = typeof page === 'string' ? { type: TYPES['.html'], body: page } : page;
        send(req, res, type, body);
        return;
      }
      for (const [prefix, dir] of Object.entries(mounts)) {
        if (!path.startsWith(prefix)) continue;
        const file = normalize(join(dir, path.slice(prefix.length)));
        if (!file.startsWith(normalize(dir + sep))) return void res.writeHead(403).end();
        return void (await sendFile(req, res, file));
      }
      const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
      if (!file.startsWith(root)) return void res.writeHead(403).end();
      await sendFile(req, res, file);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error?.stack ?? error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(resolve);
      }),
  };
}

export function chromiumPath() {
  for (const candidate of [process.env.CHROMIUM_PATH, process.env.CHROME_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  throw new Error('No Chromium found: set CHROMIUM_PATH or apt-get install chromium');
}

export function launch() {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/** A new page in a fresh context (fresh IndexedDB), with the CPU slowed `rate` times. */
export async function throttledPage(browser, rate = 4, viewport = { width: 412, height: 823 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await cdp.send('Performance.enable');
  return { context, page, cdp };
}

/** Main-thread task time so far, in ms (Chromium's TaskDuration metric, for the page's renderer). */
export async function taskMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration').value * 1000;
}

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'benchmark',
  'viz',
  'loading',
];

/**
 * Runs `body` while tracing; returns its result, the parsed trace, and the main thread of the renderer
 * showing `page` (its URL read after `body`, so a navigation inside `body` counts) with its top-level tasks.
 */
export async function traceMainThread(browser, page, body) {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  let result;
  let buffer;
  try {
    result = await body();
  } finally {
    buffer = await browser.stopTracing();
  }
  const events = JSON.parse(buffer.toString()).traceEvents ?? [];
  const main = pageMainThread(events, page.url());
  return { result, events, main, tasks: topTasks(events, main) };
}

const threadKey = (e) => `${e.pid}:${e.tid}`;
const withoutHash = (url) => String(url ?? '').split('#')[0];

/**
 * The key (`pid:tid`) of the main thread of the renderer that shows `url`, never another renderer's
 * (Chromium's own pages, a renderer swapped away on navigation). In order of proof: the CrRendererMain
 * thread that parsed the document (`ParseHTML` of that URL), else the CrRendererMain thread of the process
 * the browser committed that URL's main frame to (`FrameCommittedInBrowser`), or that showed it when
 * tracing started (`TracingStartedInBrowser`). Throws when no renderer showed the URL.
 */
export function pageMainThread(events, url) {
  const page = withoutHash(url);
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(threadKey));
  const parsed = events.filter((e) => e.name === 'ParseHTML' && withoutHash(e.args?.beginData?.url) === page && mains.has(threadKey(e)));
  if (parsed.length) return threadKey(parsed[parsed.length - 1]);
  const frames = events.flatMap((e) => {
    if (e.name === 'FrameCommittedInBrowser') return [{ ts: e.ts, ...e.args?.data }];
    if (e.name === 'TracingStartedInBrowser') return (e.args?.data?.frames ?? []).map((f) => ({ ts: e.ts, ...f }));
    return [];
  });
  const shown = frames
    .filter((f) => f.isOutermostMainFrame !== false && f.processId !== undefined && withoutHash(f.url) === page)
    .sort((a, b) => a.ts - b.ts);
  const pid = shown[shown.length - 1]?.processId;
  const main = [...mains].find((key) => key.startsWith(`${pid}:`));
  if (pid === undefined || !main) throw new Error(`no renderer main thread in the trace showed ${page}`);
  return main;
}

/**
 * Top-level tasks of a thread (RunTask not nested in another), in order, as { start, end, dur, cpu } in ms:
 * `dur` wall time, `cpu` thread time (CPU time the thread got; under Chromium's CPU slowdown it includes
 * the slowdown, but not time other processes took the core).
 */
export function topTasks(events, key) {
  const all = events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && threadKey(e) === key)
    .map((e) => ({ start: e.ts / 1000, end: (e.ts + (e.dur ?? 0)) / 1000, dur: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? e.dur ?? 0) / 1000 }))
    .sort((a, b) => a.start - b.start);
  const top = [];
  for (const task of all) {
    const last = top[top.length - 1];
    if (last && task.start < last.end) continue;
    top.push(task);
  }
  return top;
}

/** Sum and longest of `tasks`, wall (`dur`) and thread (`cpu`) time, in ms, and how many. */
export function taskTotals(tasks) {
  return {
    wall: tasks.reduce((a, t) => a + t.dur, 0),
    cpu: tasks.reduce((a, t) => a + t.cpu, 0),
    longestWall: Math.max(0, ...tasks.map((t) => t.dur)),
    longestCpu: Math.max(0, ...tasks.map((t) => t.cpu)),
    count: tasks.length,
  };
}

/** Trace events that run script (requests, parsing and the like also name URLs: they are not the kit running). */
const SCRIPT_EVENTS = new Set([
  'FunctionCall',
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'v8.run',
  'v8.produceModuleCache',
  'TimerFire',
  'FireAnimationFrame',
  'FireIdleCallback',
  'AnimationFrame::Script::Execute',
]);

/**
 * The script URLs a script event names (its own, its script's, the first frame of its stack). A module's
 * evaluation names none (`v8.evaluateModule`), though a chunk's defines its elements and upgrades them
 * there: its URL comes from the long-animation-frame entry of that script (`AnimationFrame::Script::Execute`).
 */
function urlsOf(e) {
  if (!SCRIPT_EVENTS.has(e.name)) return [];
  const a = e.args ?? {};
  const d = a.data ?? {};
  return [
    d.url,
    d.scriptName,
    a.fileName,
    a.url,
    d.stackTrace?.[0]?.url,
    a.beginData?.stackTrace?.[0]?.url,
    a.animation_frame_script_timing_info?.source_location_url,
  ].filter((u) => typeof u === 'string');
}

/** Compiling a script, not running it: the main thread's part of a compile (a streamed one is mostly done off it). */
const COMPILE_EVENTS = new Set(['v8.compile', 'v8.compileModule', 'v8.produceModuleCache']);

/**
 * The tasks of `tasks` that ran code from a URL `match` accepts (any event inside the task on the same
 * thread naming such a URL: script evaluation, function calls, timers, event listeners, compilation).
 * A task where such code was only compiled (the page's own HTML parsing, say, in which a module's streamed
 * compile finished) counts with the compile's own time, not as a whole: the rest of it is the page's.
 */
export function tasksRunning(events, key, tasks, match) {
  const hits = events
    .filter((e) => threadKey(e) === key && e.ts !== undefined && urlsOf(e).some(match))
    .map((e) => ({ at: e.ts / 1000, compile: COMPILE_EVENTS.has(e.name), dur: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? e.dur ?? 0) / 1000 }))
    .sort((a, b) => a.at - b.at);
  return tasks.flatMap((task) => {
    // binary search for the first hit at or after the task's start
    let lo = 0;
    let hi = hits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hits[mid].at < task.start) lo = mid + 1;
      else hi = mid;
    }
    const inside = [];
    for (let i = lo; i < hits.length && hits[i].at <= task.end; i++) inside.push(hits[i]);
    if (!inside.length) return [];
    if (inside.some((hit) => !hit.compile)) return [task];
    const sum = (pick) => inside.reduce((a, hit) => a + pick(hit), 0);
    return [{ ...task, dur: sum((hit) => hit.dur), cpu: sum((hit) => hit.cpu), compileOnly: true }];
  });
}

/**
 * The tasks of the code `match` accepts: those that ran it (`tasksRunning`), and the frames that drew its
 * work alone. A frame (a `ProxyMain::BeginMainFrame` task: style, layout, paint) is that code's when, since
 * the frame before, its tasks changed what is drawn (a task of its asked for a restyle or a layout) and
 * nothing else did: no other task asked for one, and none ran script the page's own (named by URL: the
 * bench's own in-page steps name none) or parsed its HTML. Without it a frame counted only when a callback
 * of that code (a `requestAnimationFrame`) happened to run in it: the review list's first frame, 65–99 ms
 * at 4×, went uncounted in most loads.
 */
export function tasksOf(events, key, tasks, match) {
  const running = tasksRunning(events, key, tasks, match);
  const ran = new Set(running.map((task) => task.start));
  const mine = events.filter((e) => threadKey(e) === key && e.ts !== undefined).sort((a, b) => a.ts - b.ts);
  const frames = [];
  let since = { mine: false, other: false };
  let i = 0;
  for (const task of tasks) {
    let frame = false;
    let changed = false;
    let page = false;
    for (; i < mine.length && mine[i].ts / 1000 < task.start; i++);
    for (let j = i; j < mine.length && mine[j].ts / 1000 <= task.end; j++) {
      const e = mine[j];
      frame ||= e.name === 'ProxyMain::BeginMainFrame';
      changed ||= CHANGES.has(e.name);
      // HTML parsed in the code's own task is its templates (innerHTML); elsewhere, the page's.
      page ||= (e.name === 'ParseHTML' && !ran.has(task.start)) || urlsOf(e).some((url) => url && !match(url));
    }
    if (frame) {
      if (since.mine && !since.other && !ran.has(task.start)) frames.push(task);
      since = { mine: false, other: false };
    } else if (ran.has(task.start) && !page) since.mine ||= changed;
    else since.other ||= changed || page;
  }
  return [...running, ...frames].sort((a, b) => a.start - b.start);
}

/** A change to what is drawn, traced in the task that first makes it after a frame. */
const CHANGES = new Set(['ScheduleStyleRecalculation', 'InvalidateLayout']);

/** Compositor frames (`Display::DrawAndSwap`) that started between `start` and `end` (ms, trace clock). */
export function framesBetween(events, start, end) {
  return events.filter(
    (e) => e.name === 'Display::DrawAndSwap' && (e.ph === 'X' || e.ph === 'B') && e.ts / 1000 >= start && e.ts / 1000 <= end,
  ).length;
}

/** Bytes as `npm run size` counts them: raw, gzip level 9, brotli quality 11 (each file on its own). */
export function compressed(buffer) {
  return { raw: buffer.length, gzip: gzipSync(buffer, { level: 9 }).length, brotli: brotli(buffer).length };
}

const brotli = (buffer) => brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
const brotliOnTheFly = (buffer) => brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });

export function median(values) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function round(value, digits = 1) {
  if (value === null || value === undefined || !Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Rejects after `ms` with `what` in the message, unless `promise` settles first. */
export function timeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * One row of the report: a figure, its unit, the budget (a number with `max` or `min`, or null when the
 * figure is informational) and whether it is within. A row without a value (the measurement failed) is
 * `ERROR` when it had a budget or an `error`.
 */
export function row(section, name, value, unit, budget = null, note = '', error = null) {
  let status = 'info';
  const missing = value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value));
  if (error || (missing && budget)) status = 'ERROR';
  else if (budget && !missing) {
    if (budget.max !== undefined) status = value <= budget.max ? 'within' : 'OVER';
    if (budget.min !== undefined) status = value >= budget.min ? 'within' : 'OVER';
  }
  // The error first: the table cuts long notes, and why a figure is missing must show.
  return { section, name, value: missing ? null : value, unit, budget, status, note: error ? `${error}${note ? `; ${note}` : ''}` : note };
}

export function formatBudget(budget) {
  if (!budget) return '';
  if (budget.max !== undefined) return `≤ ${budget.max}`;
  if (budget.min !== undefined) return `≥ ${budget.min}`;
  return '';
}

/**
 * The machine's load average, sampled every `everyMs` through the run (not only at its start), so that
 * each figure can say how loaded the machine was while it was measured.
 */
export function loadSampler(everyMs = 2000) {
  const samples = [];
  const take = () => samples.push({ at: Date.now(), load: loadavg() });
  take();
  const timer = setInterval(take, everyMs);
  timer.unref();
  return {
    samples,
    stop: () => clearInterval(timer),
    /** The 1-minute load average from `from` (ms since the epoch, less one interval) to now: { min, max, samples }. */
    since(from) {
      take();
      const inside = samples.filter((s) => s.at >= from - everyMs).map((s) => s.load[0]);
      return { min: round(Math.min(...inside), 2), max: round(Math.max(...inside), 2), samples: inside.length };
    },
  };
}

const formatLoad = (load) => (load ? (load.min === load.max ? load.min.toFixed(1) : `${load.min.toFixed(1)}–${load.max.toFixed(1)}`) : '');

export function printTable(rows, log = console.log) {
  const lines = rows.map((r) => [
    r.section,
    r.name,
    r.value === null || r.value === undefined ? 'n/a' : String(r.value),
    r.unit,
    formatBudget(r.budget),
    r.status,
    formatLoad(r.load),
    r.note.replace(/\s+/g, ' ').slice(0, 200),
  ]);
  const header = ['section', 'figure', 'value', 'unit', 'budget', 'status', 'load', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells) => `| ${cells.map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  log(fmt(header));
  log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const line of lines) log(fmt(line));
}
