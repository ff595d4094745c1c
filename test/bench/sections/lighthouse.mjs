// 6. Lighthouse (its Node API, default mobile config, performance only) on Debian's Chromium started by
// chrome-launcher: the product page with all widgets and without the kit, runs alternating, medians.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_ARGS, chromiumPath, median, round, row } from '../lib.mjs';

const S = 'lighthouse';

export async function lighthouseBench({ origin, product, runs, log }) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? chromiumPath(),
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
    logLevel: 'silent',
  });
  const scores = { with: [], without: [] };
  const metrics = { with: [], without: [] };
  try {
    for (let i = 0; i < runs; i++) {
      const order = i % 2 ? ['with', 'without'] : ['without', 'with'];
      for (const variant of order) {
        const result = await lighthouse(origin + product[variant], {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
          disableFullPageScreenshot: true,
        });
        const lhr = result?.lhr;
        if (!lhr) throw new Error('Lighthouse returned no result');
        if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        const score = lhr.categories.performance.score;
        if (score === null) throw new Error(`Lighthouse gave no score (${lhr.runWarnings?.join('; ')})`);
        const audit = (id) => lhr.audits[id]?.numericValue;
        scores[variant].push(score * 100);
        metrics[variant].push({
          fcp: audit('first-contentful-paint'),
          lcp: audit('largest-contentful-paint'),
          tbt: audit('total-blocking-time'),
          cls: audit('cumulative-layout-shift'),
          si: audit('speed-index'),
        });
        log(
          `  lighthouse ${variant} kit, run ${i + 1}: ${Math.round(score * 100)} (TBT ${round(audit('total-blocking-time'))} ms, LCP ${round(audit('largest-contentful-paint'))} ms, CLS ${round(audit('cumulative-layout-shift'), 3)})`,
        );
      }
    }
  } finally {
    await chrome.kill();
  }
  const withKit = median(scores.with);
  const without = median(scores.without);
  const m = (variant, key) => round(median(metrics[variant].map((x) => x[key])), key === 'cls' ? 3 : 0);
  const rows = [
    row(
      S,
      'mobile performance without / with kit',
      `${without} / ${withKit}`,
      'points',
      null,
      `default mobile config (simulated throttling), ${runs} runs each, medians`,
    ),
    row(
      S,
      'median drop with the kit',
      round(without - withKit, 1),
      'points',
      { max: 2 },
      `TBT ${m('without', 'tbt')} → ${m('with', 'tbt')} ms, LCP ${m('without', 'lcp')} → ${m('with', 'lcp')} ms, CLS ${m('without', 'cls')} → ${m('with', 'cls')}`,
    ),
  ];
  return { rows, raw: { scores, metrics } };
}
