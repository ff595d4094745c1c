#!/usr/bin/env node
// `npm test`: typecheck, lint, the demo pages' check, then the tests in Chromium. `npm run test:all`: in Chromium,
// Firefox and WebKit. `npm run verify` (and CI): also the build, the size budgets, the end-to-end test and the
// npm package's test (`npm run test:package`), before the browser tests. The last line of output is always the plain `N passed, N failed`; the exit code is
// non-zero on any failure.
//
//   node scripts/test.mjs [--all | --browsers=chromium,firefox,webkit] [--ci] [test files…] [wtr flags…]
//
// With test files given (`npm test -- test/foo.test.ts`) only those files run: no typecheck, no lint.
// A failed step (typecheck, lint, build, size) counts as one failed test in the closing line, so that
// line never says `0 failed` when the run failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBrowsers } from './browsers.mjs';
import { formatCounts } from '../test/support/passed-failed-reporter.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const bin = (name) => join(root, 'node_modules', '.bin', name);

const args = process.argv.slice(2);
let engines = ['chromium'];
let ci = false;
const files = [];
const wtrFlags = [];
for (const arg of args) {
  if (arg === '--all') engines = ['chromium', 'firefox', 'webkit'];
  else if (arg.startsWith('--browsers=')) engines = arg.slice('--browsers='.length).split(',').filter(Boolean);
  else if (arg === '--ci') ci = true;
  else if (arg.startsWith('-')) wtrFlags.push(arg);
  else files.push(arg);
}
const unknown = engines.filter((name) => !['chromium', 'firefox', 'webkit'].includes(name));
if (unknown.length) {
  console.log(`Unknown engine ${unknown.join(', ')}: use chromium, firefox, webkit.`);
  process.exit(2);
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const results = [];
/** Each failed test by name (from steps whose summary lists them), printed last, above the results. */
const failures = [];
const notes = [];

/**
 * Runs a command. A step that runs beside another (`buffered`) keeps its output and prints it whole when it
 * ends, so two steps' lines never interleave; the browser tests run alone and print as they go.
 */
function run(label, command, commandArgs, { env = {}, buffered = false } = {}) {
  const started = Date.now();
  if (!buffered) console.log(`\n▶ ${label}`);
  const child = spawn(command, commandArgs, {
    cwd: root,
    stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: { ...process.env, ...env },
  });
  const output = [];
  child.stdout?.on('data', (chunk) => output.push(chunk));
  child.stderr?.on('data', (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    const done = (status, signal, error) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (buffered) process.stdout.write(`\n▶ ${label}\n${Buffer.concat(output).toString()}`);
      if (error) console.log(`${label}: ${error.message}`);
      // A step stopped from outside (twice in this machine's CI runs, wtr mid-run, with nothing printed) says so.
      else if (signal) console.log(`${label}: stopped by ${signal} after ${seconds} s`);
      resolve({ ok: status === 0 && !error, seconds });
    };
    child.on('error', (error) => done(null, null, error));
    child.on('close', (status, signal) => done(status, signal, null));
  });
}

/**
 * A step that is not a test: counts as one failed test when it fails. Returns the task that runs it; its line
 * of the results keeps the place the step was declared in, whenever it ends.
 */
function step(label, command, commandArgs, { buffered = true } = {}) {
  const at = results.push(`${label.padEnd(10)} not run`) - 1;
  return withNotRun(at, label, async () => {
    const { ok, seconds } = await run(label, command, commandArgs, { buffered });
    if (!ok) totals.failed += 1;
    results[at] = `${label.padEnd(10)} ${ok ? 'ok' : 'FAILED (counted as 1 failed)'} (${seconds} s)`;
  });
}

/** A step that reports its own counts through RETAINKIT_SUMMARY_FILE (see `step` for what it returns). */
function counted(label, command, commandArgs, { env = {}, buffered = true } = {}) {
  const at = results.push(`${label.padEnd(10)} not run`) - 1;
  return withNotRun(at, label, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'retainkit-summary-'));
    const file = join(dir, 'summary.json');
    const { ok, seconds } = await run(label, command, commandArgs, { env: { ...env, RETAINKIT_SUMMARY_FILE: file }, buffered });
    let counts = null;
    try {
      counts = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      console.log(`${label}: no counts reported (the run broke before its end)`);
    }
    rmSync(dir, { recursive: true, force: true });
    if (!counts) counts = { passed: 0, failed: 1, skipped: 0 };
    else if (!ok && counts.failed === 0) counts.failed = 1; // it failed without a failing test: still a failure
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped ?? 0;
    const engines = Object.entries(counts.byBrowser ?? {}).map(([name, engine]) => `\n  ${name.padEnd(12)} ${formatCounts(engine)}`);
    results[at] = `${label.padEnd(10)} ${formatCounts(counts)} (${seconds} s)${engines.join('')}`;
    for (const line of counts.failures ?? []) failures.push(`${label}: ${line}`);
    for (const line of counts.rejections ?? []) notes.push(`${label}: unhandled in node, the run went on: ${line}`);
  });
}

/** `task`, and its `notRun(why)`: the step cannot run, which counts as one failed test. */
function withNotRun(at, label, task) {
  task.notRun = (why) => {
    totals.failed += 1;
    results[at] = `${label.padEnd(10)} not run: ${why} (counted as 1 failed)`;
  };
  return task;
}

/**
 * Runs the tasks two at a time (CI's machine has two cores), each started in its order, so a task that needs
 * an earlier one's output can await that one's promise, which has been made by then.
 */
async function twoAtATime(tasks) {
  const queue = [...tasks];
  const lane = async () => {
    while (queue.length > 0) await queue.shift()();
  };
  await Promise.all([lane(), lane()]);
}

const problem = await ensureBrowsers(engines, (line) => console.log(line));
if (problem) {
  console.log(problem);
  process.exit(1);
}

// Before the browser tests, two at a time: the checks, the build, and what tests the build. Lint comes first,
// as the longest. One after the other they took 119 s of a CI run here; two at a time 95 s on a quiet machine
// and 106 s beside a neighbour's load: each tool slows beside another (lint 35 → 56–64 s), the cores being busy.
const tasks = [];
if (files.length === 0) {
  tasks.push(step('lint', 'npm', ['run', '--silent', 'lint']));
  tasks.push(step('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']));
  tasks.push(step('demo pages', process.execPath, [join(root, 'scripts', 'check-demo-pages.mjs')]));
}
if (ci) {
  const build = step('build', 'npm', ['run', '--silent', 'build']);
  let built;
  tasks.push(() => (built = build()));
  const afterBuild = (task) => async () => {
    await built;
    await task();
  };
  // The npm package as a developer installs it (scripts/test-package.mjs), after the build above: the longest
  // of these (49 s), it starts first, on the lane that built while lint ran on the other.
  tasks.push(afterBuild(counted('package', process.execPath, [join(root, 'scripts', 'test-package.mjs')])));
  tasks.push(afterBuild(step('size', process.execPath, [join(root, 'scripts', 'size.mjs')])));
  const e2e = counted('e2e', process.execPath, [join(root, 'test', 'e2e', 'run.mjs')]);
  tasks.push(afterBuild(() => (existsSync(join(root, 'dist', 'retainkit.js')) ? e2e() : e2e.notRun('no dist/retainkit.js'))));
  // The Shopify theme app extension: theme check, and its blocks rendered with liquidjs and run in Chromium.
  tasks.push(afterBuild(counted('shopify', process.execPath, [join(root, 'test', 'integrations', 'shopify.mjs')])));
  // The WordPress plugin in Debian's WordPress with MariaDB (installed by .ci/run), started by the script itself.
  tasks.push(afterBuild(counted('wordpress', process.execPath, [join(root, 'test', 'integrations', 'wordpress.mjs')])));
  // The Google Tag Manager template and bootstrap snippet, over a stand-in of GTM's APIs in Chromium.
  tasks.push(afterBuild(counted('gtm', process.execPath, [join(root, 'test', 'integrations', 'gtm.mjs')])));
}
await twoAtATime(tasks);

const wtrArgs = [...(files.length ? ['--files', ...files] : []), ...wtrFlags];
if (process.env.CI || !process.stdout.isTTY) wtrArgs.push('--static-logging');
await counted('tests', bin('wtr'), wtrArgs, { env: { RETAINKIT_BROWSERS: engines.join(',') }, buffered: false })();

console.log('');
if (notes.length) console.log(`${notes.map((line) => `! ${line}`).join('\n')}\n`);
if (failures.length) console.log(`Failed:\n${failures.map((line) => `  ✗ ${line}`).join('\n')}\n`);
for (const line of results) console.log(line);
console.log(formatCounts(totals));
process.exit(totals.failed > 0 ? 1 : 0);
