// 5. Storage: the kit's storage path (src/core, bundled by esbuild) in a fresh profile at 4× CPU slowdown:
// a first visit's open (database created, schema upgraded) plus its first write; counter increments per
// second (each a read-modify-write transaction over two rows, announced to other tabs); events queued in
// the durable outbox per second, one transaction per event as a widget queues it, and 50 per transaction.
import { join } from 'node:path';
import { ROOT, median, round, row, throttledPage, timeout } from '../lib.mjs';
import { bundle } from '../setup.mjs';

const S = 'storage';
const WINDOW_MS = 2000;

export async function storagePages() {
  return {
    '/bench/storage.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench storage</title>
<script type="module" src="/bench/storage.js"></script></head><body></body></html>`,
    '/bench/storage.js': await bundle(join(ROOT, 'test/bench/pages/storage.entry.ts')),
  };
}

export async function storageBench({ browser, origin, runs, log }) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const { context, page } = await throttledPage(browser);
    try {
      await page.goto(`${origin}/bench/storage.html`, { waitUntil: 'load', timeout: 60_000 });
      await page.waitForFunction(() => window.bench, null, { timeout: 30_000 });
      const first = await timeout(
        page.evaluate(() => window.bench.firstWrite()),
        30_000,
        'first write',
      );
      const counters = await timeout(
        page.evaluate((ms) => window.bench.counters(ms), WINDOW_MS),
        60_000,
        'counters',
      );
      const outbox = await timeout(
        page.evaluate((ms) => window.bench.outbox(ms, 1), WINDOW_MS),
        60_000,
        'outbox',
      );
      const batched = await timeout(
        page.evaluate((ms) => window.bench.outbox(ms, 50), WINDOW_MS),
        60_000,
        'outbox batched',
      );
      const sample = {
        firstMs: first.ms,
        mode: first.mode,
        countersPerS: (counters.count / counters.ms) * 1000,
        outboxPerS: (outbox.count / outbox.ms) * 1000,
        outboxBatchedPerS: (batched.count / batched.ms) * 1000,
        rows: batched.rows,
        expectedRows: outbox.count + batched.count,
      };
      samples.push(sample);
      log(
        `  storage run ${i + 1}: first open+write ${round(sample.firstMs)} ms (${first.mode}), ${round(sample.countersPerS)} increments/s, outbox ${round(sample.outboxPerS)}/s, batched ${round(sample.outboxBatchedPerS)}/s`,
      );
    } finally {
      await context.close();
    }
  }
  const m = (f) => median(samples.map(f));
  const memory = samples.filter((s) => s.mode !== 'indexeddb').length;
  const lost = samples.filter((s) => s.rows !== s.expectedRows).length;
  const rows = [
    row(
      S,
      'first visit: open + first write',
      round(m((s) => s.firstMs)),
      'ms',
      null,
      `4× CPU, fresh profile, median of ${samples.length}${memory ? `; ${memory} run(s) fell back to memory!` : ''}`,
    ),
    row(
      S,
      'counter increments',
      round(m((s) => s.countersPerS)),
      '/s',
      null,
      `one after another for ${WINDOW_MS / 1000} s; each: one transaction, two rows, broadcast`,
    ),
    row(
      S,
      'outbox enqueue, one event per transaction',
      round(m((s) => s.outboxPerS)),
      'events/s',
      null,
      `as a widget queues an event${lost ? `; ${lost} run(s) lost rows!` : ''}`,
    ),
    row(S, 'outbox enqueue, 50 events per transaction', round(m((s) => s.outboxBatchedPerS)), 'events/s', null, 'a burst queued together'),
  ];
  return { rows, raw: samples };
}
