#!/usr/bin/env node
// Fits the report's BG/NBD model to the CDNOW customers summary and compares the parameters with the
// published fit (Fader, Hardie & Lee 2005: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4).
// Not run by CI: the data set is not part of this repository. It is distributed with the `lifetimes`
// Python package (lifetimes/datasets/cdnow_customers_summary.csv: ID,frequency,recency,T in weeks,
// 2357 customers, 39 weeks of calibration).
//   node scripts/check-bgnbd-cdnow.mjs <path-to-summary.csv>
// Prints the fitted parameters, their % difference from the published ones and the time the fit took;
// exits non-zero when a parameter is more than 1 % off.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';

const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const PUBLISHED_LOG_LIKELIHOOD = -9582.4;
const TOLERANCE_PERCENT = 1;

const path = process.argv[2];
if (!path) {
  console.error('usage: node scripts/check-bgnbd-cdnow.mjs <path-to-cdnow_customers_summary.csv>');
  process.exit(2);
}

// The model is TypeScript: bundle it in memory (esbuild comes with the test runner) and import it.
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const bundle = await build({
  entryPoints: [join(root, 'src/report/metrics/bgnbd.ts')],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
});
const { fitBgNbd, purchaseData } = await import(
  `data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`
);

const [header, ...rows] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
const columns = header.split(',').map((name) => name.trim().replace(/^"|"$/g, ''));
const column = (name) => {
  const index = columns.indexOf(name);
  if (index < 0) throw new Error(`${path}: no "${name}" column (columns: ${columns.join(', ')})`);
  return index;
};
const [xAt, txAt, TAt] = [column('frequency'), column('recency'), column('T')];
const summaries = rows.map((line) => {
  const cells = line.split(',');
  return { x: Number(cells[xAt]), tx: Number(cells[txAt]), T: Number(cells[TAt]) };
});

const started = performance.now();
const fit = fitBgNbd(purchaseData(summaries));
const elapsed = performance.now() - started;

console.log(`CDNOW: ${summaries.length} customers, fitted in ${elapsed.toFixed(0)} ms (converged: ${fit.converged})`);
let worst = 0;
for (const name of Object.keys(PUBLISHED)) {
  const difference = ((fit.params[name] - PUBLISHED[name]) / PUBLISHED[name]) * 100;
  worst = Math.max(worst, Math.abs(difference));
  console.log(
    `${name.padEnd(5)} fitted ${fit.params[name].toFixed(4).padStart(8)}  published ${String(PUBLISHED[name]).padStart(6)}  difference ${difference >= 0 ? '+' : ''}${difference.toFixed(3)} %`,
  );
}
console.log(`log-likelihood ${fit.logLikelihood.toFixed(2)}  published ${PUBLISHED_LOG_LIKELIHOOD}`);
const ok = fit.converged && worst <= TOLERANCE_PERCENT;
console.log(
  ok
    ? `OK: every parameter within ${TOLERANCE_PERCENT} % of the published fit`
    : `FAIL: a parameter is ${worst.toFixed(3)} % off (limit ${TOLERANCE_PERCENT} %)`,
);
process.exit(ok ? 0 : 1);
