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
import { spawnSync } from 'node:child_process';
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

function run(label, command, commandArgs, env = {}) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const { status, signal, error } = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (error) console.log(`${label}: ${error.message}`);
  // A step stopped from outside (twice in this machine's CI runs, wtr mid-run, with nothing printed) says so.
  else if (signal) console.log(`${label}: stopped by ${signal} after ${seconds} s`);
  return { ok: status === 0 && !error, seconds };
}

/** A step that is not a test: counts as one failed test when it fails. */
function step(label, command, commandArgs) {
  const { ok, seconds } = run(label, command, commandArgs);
  if (!ok) totals.failed += 1;
  results.push(`${label.padEnd(10)} ${ok ? 'ok' : 'FAILED (counted as 1 failed)'} (${seconds} s)`);
}

/** A step that reports its own counts through RETAINKIT_SUMMARY_FILE. */
function counted(label, command, commandArgs, env = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'retainkit-summary-'));
  const file = join(dir, 'summary.json');
  const { ok, seconds } = run(label, command, commandArgs, { ...env, RETAINKIT_SUMMARY_FILE: file });
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
  results.push(`${label.padEnd(10)} ${formatCounts(counts)} (${seconds} s)`);
  for (const [name, engine] of Object.entries(counts.byBrowser ?? {})) results.push(`  ${name.padEnd(12)} ${formatCounts(engine)}`);
  for (const line of counts.failures ?? []) failures.push(`${label}: ${line}`);
  for (const line of counts.rejections ?? []) notes.push(`${label}: unhandled in node, the run went on: ${line}`);
}

const problem = await ensureBrowsers(engines, (line) => console.log(line));
if (problem) {
  console.log(problem);
  process.exit(1);
}

if (files.length === 0) {
  step('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
  step('lint', 'npm', ['run', '--silent', 'lint']);
  step('demo pages', process.execPath, [join(root, 'scripts', 'check-demo-pages.mjs')]);
}
if (ci) {
  step('build', 'npm', ['run', '--silent', 'build']);
  step('size', process.execPath, [join(root, 'scripts', 'size.mjs')]);
  if (existsSync(join(root, 'dist', 'retainkit.js'))) counted('e2e', process.execPath, [join(root, 'test', 'e2e', 'run.mjs')]);
  else {
    totals.failed += 1;
    results.push('e2e        not run: no dist/retainkit.js (counted as 1 failed)');
  }
  // The npm package as a developer installs it (scripts/test-package.mjs), after the build above.
  counted('package', process.execPath, [join(root, 'scripts', 'test-package.mjs')]);
  // The Shopify theme app extension: theme check, and its blocks rendered with liquidjs and run in Chromium.
  counted('shopify', process.execPath, [join(root, 'test', 'integrations', 'shopify.mjs')]);
  // The WordPress plugin in Debian's WordPress with MariaDB (installed by .ci/run), started by the script itself.
  counted('wordpress', process.execPath, [join(root, 'test', 'integrations', 'wordpress.mjs')]);
  // The Google Tag Manager template and bootstrap snippet, over a stand-in of GTM's APIs in Chromium.
  counted('gtm', process.execPath, [join(root, 'test', 'integrations', 'gtm.mjs')]);
}

const wtrArgs = [...(files.length ? ['--files', ...files] : []), ...wtrFlags];
if (process.env.CI || !process.stdout.isTTY) wtrArgs.push('--static-logging');
counted('tests', bin('wtr'), wtrArgs, { RETAINKIT_BROWSERS: engines.join(',') });

console.log('');
if (notes.length) console.log(`${notes.map((line) => `! ${line}`).join('\n')}\n`);
if (failures.length) console.log(`Failed:\n${failures.map((line) => `  ✗ ${line}`).join('\n')}\n`);
for (const line of results) console.log(line);
console.log(formatCounts(totals));
process.exit(totals.failed > 0 ? 1 : 0);
