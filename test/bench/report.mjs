#!/usr/bin/env node
// `node test/bench/report.mjs`: the report's section of the benchmark on its own (test/bench/sections/report.mjs):
// builds the kit into a temporary directory, serves it, and reads 100,000 orders with <retain-report> in
// Chromium. Prints the table and the machine's load. `BENCH_REPORT_RUNS` (default 3), `BENCH_REPORT_RATE` (CPU
// slowdown), `BENCH_REPORT_MONTHS` (months of history, default 18), `BENCH_REPORT_TRACE=<dir>` (keeps each run's
// Chromium trace there, for DevTools' Performance panel).
import { cpus, loadavg } from 'node:os';
import { ensureBrowsers, findChromium } from '../../scripts/browsers.mjs';
import { ROOT, printTable, serve } from './lib.mjs';
import { report, reportPages } from './sections/report.mjs';
import { buildKit, cleanup } from './setup.mjs';

const log = (...args) => console.log(...args);
let server;
let failed = false;
try {
  const problem = await ensureBrowsers(['chromium'], log);
  if (problem) throw new Error(problem);
  process.env.CHROMIUM_PATH ??= await findChromium();
  log('report bench: building the kit…');
  const kit = buildKit();
  server = await serve(ROOT, reportPages(), { '/dist/': kit.dist });
  const runs = Math.max(1, Number.parseInt(process.env.BENCH_REPORT_RUNS ?? '', 10) || 3);
  const { rows } = await report({ origin: server.origin, runs, log });
  log('');
  printTable(rows);
  failed = rows.some((r) => r.status === 'OVER');
} catch (error) {
  failed = true;
  log(`report bench failed: ${error?.stack ?? error}`);
} finally {
  await server?.close();
  cleanup();
}
log(
  `load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')} on ${cpus().length} cores`,
);
process.exit(failed ? 1 : 0);
