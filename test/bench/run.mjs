#!/usr/bin/env node
// `npm run bench`: where the kit stands against its budgets (/work/shared/DESIGN.md "Budgets", and
// docs/benchmarks.md) and against open-source peers, in one run: size, page load (the product page and the
// order page), layout shift (both pages at desktop and phone sizes, for a guest and a returning shopper), spin,
// 10,000 reviews, storage, Lighthouse. Prints one table (each figure beside its budget, within or OVER) and
// writes bench-results/results.json. A section that fails prints its error in its row and the run carries on.
// Exit code: 1 when a figure is over budget or a section failed, else 0.
//
// Every figure carries the machine's 1-minute load average while its section ran (sampled every 2 s).
//
// Options: --only=size,spin,…  (sections: size, machine, page-load, order-load, layout-shift, below-fold,
//                               popup, spin, reviews, storage, report, lighthouse)
//          BENCH_RUNS=n         runs for page load, order load and Lighthouse (default 5, at least 5 for
//                               the budgets)
//          BENCH_SHIFT_RUNS=n, BENCH_FOLD_RUNS=n, BENCH_POPUP_RUNS=n, BENCH_SPIN_RUNS=n,
//          BENCH_REVIEW_RUNS=n, BENCH_STORAGE_RUNS=n   (default 3 each)
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ROOT, launch, loadSampler, printTable, round, row, serve } from './lib.mjs';
import { buildKit, buildPeers, cleanup, orderPages, productPages } from './setup.mjs';
import { size } from './sections/size.mjs';
import { pageLoad } from './sections/page-load.mjs';
import { orderLoad } from './sections/order-load.mjs';
import { layoutShift } from './sections/layout-shift.mjs';
import { belowFold } from './sections/below-fold.mjs';
import { popup } from './sections/popup.mjs';
import { spin, spinPages } from './sections/spin.mjs';
import { reviewPages, reviews } from './sections/reviews.mjs';
import { storageBench, storagePages } from './sections/storage.mjs';
import { lighthouseBench } from './sections/lighthouse.mjs';
import { report, reportPages } from './sections/report.mjs';
import { machine } from './sections/machine.mjs';
import { ensureBrowsers, findChromium } from '../../scripts/browsers.mjs';

const started = Date.now();
const load = loadSampler();
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (name) => !only || only.includes(name);
const int = (name, fallback) => Math.max(1, Number.parseInt(process.env[name] ?? '', 10) || fallback);
const RUNS = int('BENCH_RUNS', 5);
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const log = (...args) => console.log(...args);

const rows = [];
const raw = {};
const timings = {};
let crashed = false;

/** Runs one section when it was asked for (or `always`), adding its rows, raw figures and time. */
async function section(name, label, body, always = false) {
  if (!always && !wanted(name)) return;
  const t0 = Date.now();
  const first = rows.length;
  log(`[${elapsed()}] ${label}…`);
  try {
    const out = await body();
    rows.push(...out.rows);
    raw[name] = out.raw;
  } catch (error) {
    crashed = true;
    const message = String(error?.message ?? error)
      .split('\n')[0]
      .slice(0, 200);
    log(`  ${name} failed: ${error?.stack ?? error}`);
    rows.push(row(label, 'section failed', null, '', null, '', message));
    raw[name] = { error: String(error?.stack ?? error) };
  }
  const during = load.since(t0);
  for (const r of rows.slice(first)) r.load = during;
  timings[name] = Math.round((Date.now() - t0) / 1000);
}

let kit;
let peersDir;
let server;
let browser;
try {
  log(`[${elapsed()}] building the kit (vite build) and the peers…`);
  try {
    kit = buildKit();
  } catch (error) {
    crashed = true;
    rows.push(row('build', 'vite build', null, '', null, '', String(error.message ?? error)));
  }
  try {
    peersDir = await buildPeers();
  } catch (error) {
    crashed = true;
    rows.push(row('build', 'peer bundles', null, '', null, '', String(error.message ?? error)));
  }
  timings.build = Math.round((Date.now() - started) / 1000);

  if (peersDir) await section('size', 'size', () => size({ kit, peersDir }));

  // Pages: the demo product and order pages (with / without the kit) and the bench pages, on 127.0.0.1.
  let product;
  let order;
  const pages = { '/bench/blank.html': '<!doctype html><title>bench</title>', ...spinPages(), ...reviewPages(), ...reportPages() };
  try {
    product = await productPages();
    Object.assign(pages, product.pages);
  } catch (error) {
    product = { error };
  }
  try {
    order = await orderPages();
    Object.assign(pages, order.pages);
  } catch (error) {
    order = { error };
  }
  try {
    Object.assign(pages, await storagePages());
  } catch (error) {
    pages['/bench/storage.js'] = {
      type: 'text/javascript',
      body: `throw new Error(${JSON.stringify(`storage bundle failed: ${error.message}`)})`,
    };
  }
  const mounts = {};
  if (kit) mounts['/dist/'] = kit.dist;
  if (peersDir) mounts['/peers/'] = peersDir;
  server = await serve(ROOT, pages, mounts);
  const needsKit = () => {
    if (!kit) throw new Error('no build of the kit');
  };
  const needsProduct = () => {
    needsKit();
    if (product.error) throw product.error;
  };
  const needsOrder = () => {
    needsKit();
    if (order.error) throw order.error;
  };

  // Chromium: CHROMIUM_PATH, Debian's, else installed with apt-get when root on Debian (as the tests do).
  const browserSections = ['machine', 'page-load', 'order-load', 'layout-shift', 'below-fold', 'popup', 'spin', 'reviews', 'storage'];
  if ([...browserSections, 'lighthouse'].some(wanted)) {
    const problem = await ensureBrowsers(['chromium'], log);
    if (problem) throw new Error(problem);
    process.env.CHROMIUM_PATH ??= await findChromium();
  }
  if (browserSections.some(wanted)) browser = await launch();
  const ctx = { browser, origin: server.origin, product, log };
  // The CPU share the page's main thread gets, before and after the browser sections (whichever run).
  if (browser) await section('machine', 'machine', () => machine(ctx), true);
  await section('page-load', 'page load', () => (needsProduct(), pageLoad({ ...ctx, runs: RUNS })));
  await section('order-load', 'order load', () => (needsOrder(), orderLoad({ ...ctx, order, runs: RUNS })));
  await section(
    'layout-shift',
    'layout shift',
    () => (needsProduct(), needsOrder(), layoutShift({ ...ctx, order, runs: int('BENCH_SHIFT_RUNS', 3) })),
  );
  await section('below-fold', 'below the fold', () => (needsProduct(), belowFold({ ...ctx, runs: int('BENCH_FOLD_RUNS', 3) })));
  await section('popup', 'popup', () => (needsProduct(), popup({ ...ctx, runs: int('BENCH_POPUP_RUNS', 3) })));
  await section('spin', 'spin', () => (needsKit(), spin({ ...ctx, runs: int('BENCH_SPIN_RUNS', 3) })));
  await section('reviews', 'reviews', () => (needsKit(), reviews({ ...ctx, runs: int('BENCH_REVIEW_RUNS', 3) })));
  await section('storage', 'storage', () => storageBench({ ...ctx, runs: int('BENCH_STORAGE_RUNS', 3) }));
  await section('report', 'report', () => (needsKit(), report({ ...ctx, runs: int('BENCH_REPORT_RUNS', 3) })));
  // The machine's share once more at the end: the load of a shared machine changes within a run.
  if (browser) await section('machine-end', 'machine', () => machine({ ...ctx, when: 'at the end' }), true);
  if (browser) await browser.close();
  browser = undefined;
  await section('lighthouse', 'lighthouse', () => (needsProduct(), lighthouseBench({ ...ctx, runs: RUNS })));
} catch (error) {
  crashed = true;
  log(`bench: ${error?.stack ?? error}`);
  rows.push(row('bench', 'run failed', null, '', null, '', String(error?.message ?? error)));
} finally {
  await browser?.close().catch(() => undefined);
  await server?.close().catch(() => undefined);
  cleanup();
}

const seconds = Math.round((Date.now() - started) / 1000);
const over = rows.filter((r) => r.status === 'OVER');
const errors = rows.filter((r) => r.status === 'ERROR');
let commit = null;
try {
  commit = execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim();
} catch {
  // not a git checkout
}

log('');
printTable(rows);
log('');
log(
  `bench: ${rows.length} figures, ${over.length} over budget, ${errors.length} errors; ${seconds} s (sections: ${Object.entries(timings)
    .map(([k, v]) => `${k} ${v} s`)
    .join(', ')})`,
);
if (seconds > 600) log('bench: the run took over 10 minutes');
const shares = [raw.machine?.share, raw['machine-end']?.share].filter((s) => typeof s === 'number');
const peak = Math.max(...load.samples.map((s) => s.load[0]));
if (shares.length && Math.min(...shares) < 0.8) {
  log(
    `bench: the page's main thread got as little as ${Math.round(Math.min(...shares) * 100)}% of a core at 1× (load average up to ${peak.toFixed(1)} on ${cpus().length} cores): wall-clock figures in ms are inflated by other processes; judge by thread time and ratios, and rerun on a quiet machine for absolute figures.`,
  );
}
load.stop();
for (const r of over)
  log(
    `  OVER: ${r.section} / ${r.name}: ${r.value} ${r.unit} (budget ${r.budget.max !== undefined ? `≤ ${r.budget.max}` : `≥ ${r.budget.min}`})`,
  );

const out = join(ROOT, 'bench-results');
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, 'results.json'),
  `${JSON.stringify(
    {
      date: new Date(started).toISOString(),
      commit,
      seconds,
      timings,
      machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg(), node: process.version },
      runs: {
        pageLoad: RUNS,
        orderLoad: RUNS,
        layoutShift: int('BENCH_SHIFT_RUNS', 3),
        lighthouse: RUNS,
        belowFold: int('BENCH_FOLD_RUNS', 3),
        popup: int('BENCH_POPUP_RUNS', 3),
      },
      // The 1-minute, 5-minute and 15-minute load averages, every 2 s through the run (s since its start).
      load: load.samples.map((s) => ({ at: round((s.at - started) / 1000, 0), loadavg: s.load.map((l) => round(l, 2)) })),
      over: over.length,
      errors: errors.length,
      rows,
      sections: raw,
    },
    null,
    2,
  )}\n`,
);
log(`bench: results in bench-results/results.json`);
process.exit(over.length || errors.length || crashed ? 1 : 0);
