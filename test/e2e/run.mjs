#!/usr/bin/env node
// End to end, the way a store uses the kit: the BUILT loader (dist/retainkit.js) pasted into a page by a
// script tag (test/e2e/store.html), served by a tiny static server on 127.0.0.1, in Chromium
// (playwright-core). Checks that the elements come alive (defined, shadow root rendered), that the loader
// defines an element added after load, that the JS API answers, that only built files were loaded and
// that the page logged no error. A widget whose source still defines nothing (a placeholder) is skipped.
//
// `npm run e2e` builds first; `node test/e2e/run.mjs` uses the dist that is there. Prints one line per
// check and `e2e: N passed, N failed`; writes the counts to RETAINKIT_SUMMARY_FILE when set.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/browsers.mjs';
import { assert, checks } from '../../scripts/checks.mjs';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const WIDGETS = ['spin-wheel', 'loyalty-badge', 'review-showcase', 'account-prompt'];
const TIMEOUT = 10_000;
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
};

const { counts, check, skip, report } = checks('e2e');

if (!existsSync(join(root, 'dist', 'retainkit.js'))) {
  console.log('e2e: no dist/retainkit.js; run `npm run build` first.');
  counts.failed += 1;
  report();
  process.exit(1);
}
const executablePath = await findChromium();
if (!executablePath) {
  console.log('e2e: no Chromium found; install it (apt-get install chromium) or set CHROMIUM_PATH.');
  counts.failed += 1;
  report();
  process.exit(1);
}

// A static server for the repository: what a store's web server does for the pasted file.
const requested = [];
const missing = [];
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  requested.push(path);
  const file = normalize(join(root, path));
  if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
    missing.push(path);
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  res.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath,
  args: CHROMIUM_ARGS,
});
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  console.log(`e2e: ${origin}/test/e2e/store.html with the built dist/retainkit.js in Chromium`);

  await check('the page loads the pasted loader (window.retainkit.version)', async () => {
    await page.goto(`${origin}/test/e2e/store.html`, { waitUntil: 'load' });
    const found = await page.waitForFunction(() => window.retainkit?.version, null, { timeout: TIMEOUT });
    assert((await found.jsonValue()) === version, `window.retainkit.version is ${await found.jsonValue()}, package.json says ${version}`);
  });

  for (const widget of WIDGETS) {
    const tag = `retain-${widget}`;
    const source = readFileSync(join(root, 'src', widget, `${widget}.ts`), 'utf8');
    if (!/defineElement\(|customElements\.define\(/.test(source)) {
      skip(`<${tag}> comes alive`, `src/${widget}/${widget}.ts defines no element yet`);
      continue;
    }
    await check(`<${tag}> comes alive: defined, shadow root rendered`, async () => {
      await page
        .waitForFunction((name) => customElements.get(name), tag, { timeout: TIMEOUT })
        .catch(() => {
          throw new Error(`<${tag}> was not defined within ${TIMEOUT / 1000} s`);
        });
      await page
        .waitForFunction(
          async (name) => {
            const element = document.querySelector(name);
            await element?.updateComplete;
            return element?.shadowRoot?.querySelector('*') != null;
          },
          tag,
          { timeout: TIMEOUT },
        )
        .catch(() => {
          throw new Error(`<${tag}> is defined but rendered nothing into its shadow root`);
        });
    });
  }

  await check('the loader defines an element added after load (<retain-order>)', async () => {
    assert(!(await page.evaluate(() => customElements.get('retain-order'))), '<retain-order> was defined before one was on the page');
    const recorded = await page.evaluate(async (timeout) => {
      const element = document.createElement('retain-order');
      element.setAttribute('order-id', `e2e-late-${Date.now()}`);
      element.setAttribute('total', '12.50');
      document.body.append(element);
      const defined = await Promise.race([
        customElements.whenDefined('retain-order'),
        new Promise((r) => setTimeout(r, timeout, 'timeout')),
      ]);
      if (defined === 'timeout') return 'not defined';
      return element.recorded;
    }, TIMEOUT);
    assert(recorded === true, `the late <retain-order> did not record its order: ${recorded}`);
  });

  await check('retainkit.watch(shadowRoot) finds a widget inside a shadow root, which the loader cannot see into', async () => {
    const said = await page.evaluate(async (timeout) => {
      if (customElements.get('retain-product')) return 'defined before';
      const root = document.body.appendChild(document.createElement('store-section')).attachShadow({ mode: 'open' });
      root.innerHTML = '<retain-product id="e2e-tea" name="Sencha" url="/tea"></retain-product>';
      await window.retainkit.watch(root);
      const defined = await Promise.race([
        customElements.whenDefined('retain-product'),
        new Promise((r) => setTimeout(r, timeout, 'timeout')),
      ]);
      return defined === 'timeout' ? 'not defined' : 'defined';
    }, TIMEOUT);
    assert(said === 'defined', `<retain-product> in a watched shadow root: ${said}`);
  });

  await check('the JavaScript API answers (retainkit.counters())', async () => {
    const counters = await page.evaluate(() => window.retainkit.counters());
    assert(counters && typeof counters === 'object', `counters() gave ${JSON.stringify(counters)}`);
  });

  // parseDate in src/review-showcase/review-data.ts: a review dated by its day alone, and JSON-LD's datePublished.
  await check('a review dated by its day alone shows that day in Los Angeles and in Tokyo, on its card and in its JSON-LD', async () => {
    for (const timezoneId of ['America/Los_Angeles', 'Asia/Tokyo']) {
      const zoned = await browser.newContext({ timezoneId });
      try {
        const shown = await zoned.newPage();
        await shown.goto(`${origin}/test/e2e/store.html`, { waitUntil: 'load' });
        const { card, published } = await shown.evaluate(async (timeout) => {
          const el = document.createElement('retain-review-showcase');
          el.setAttribute('loading', 'eager');
          el.data = {
            product: { id: 'e2e-dated', name: 'Dated tea' },
            reviews: [{ id: 'd1', rating: 5, body: 'Lovely', author: { name: 'Ann' }, date: '2025-03-15' }],
          };
          document.body.append(el);
          // The card, then its Product's JSON-LD (written by code of its own, loaded after the first cards: seconds on a
          // busy machine); the page's other showcase may write one too.
          const published = () =>
            /"datePublished":"([^"]*)"/.exec(
              [...document.querySelectorAll('script[type="application/ld+json"]')].find((s) => s.textContent?.includes('Dated tea'))
                ?.textContent ?? '',
            )?.[1];
          const until = Date.now() + timeout;
          while (!(el.shadowRoot?.querySelector('article time') && published()) && Date.now() < until)
            await new Promise((r) => setTimeout(r, 50));
          return { card: el.shadowRoot?.querySelector('article time')?.textContent, published: published() };
        }, TIMEOUT);
        assert(card === 'Mar 15, 2025', `in ${timezoneId} the card shows ${card}`);
        assert(published === '2025-03-15', `in ${timezoneId} the JSON-LD says datePublished ${published}`);
      } finally {
        await zoned.close();
      }
    }
  });

  // readTime in src/core/read-time.ts: an expires-at of a day alone is the end of that day where the shopper is.
  await check('an offer whose expires-at is a day alone shows that day, to its end, in Los Angeles and in Tokyo', async () => {
    const at = new Date(Date.now() + 10 * 86_400_000);
    const day = at.toISOString().slice(0, 10);
    const written = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.parse(day));
    for (const timezoneId of ['America/Los_Angeles', 'Asia/Tokyo']) {
      const zoned = await browser.newContext({ timezoneId });
      try {
        const shown = await zoned.newPage();
        await shown.goto(`${origin}/test/e2e/store.html`, { waitUntil: 'load' });
        const expiry = await shown.evaluate(
          async ({ day, timeout }) => {
            const el = document.createElement('retain-next-order-offer');
            el.setAttribute('order-id', 'e2e-day');
            el.setAttribute('codes', 'E2E-DAY');
            el.setAttribute('expires-at', day);
            document.body.append(el);
            const until = Date.now() + timeout;
            // The code shown, not the card drawn (invisible) while it comes.
            const handed = () => el.shadowRoot?.querySelector('[part~="code"]')?.textContent?.includes('E2E-DAY');
            while (!handed() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
            return el.shadowRoot?.querySelector('[part~="expiry"]')?.textContent?.replace(/\s+/g, ' ').trim();
          },
          { day, timeout: TIMEOUT },
        );
        assert(expiry?.includes(`${written} at 11:59`), `in ${timezoneId}, for expires-at="${day}" the card says ${expiry}`);
      } finally {
        await zoned.close();
      }
    }
  });

  // time() in src/loyalty-badge/snapshot.ts: a signed snapshot's issuedAt without an offset is the server's UTC.
  await check(
    'a snapshot issued a minute ago, its time written without an offset (UTC), verifies in Los Angeles and in Tokyo',
    async () => {
      for (const timezoneId of ['America/Los_Angeles', 'Asia/Tokyo']) {
        const zoned = await browser.newContext({ timezoneId });
        try {
          const shown = await zoned.newPage();
          await shown.goto(`${origin}/test/e2e/store.html`, { waitUntil: 'load' });
          const badge = await shown.evaluate(async (timeout) => {
            const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
            const publicKey = JSON.stringify(await crypto.subtle.exportKey('jwk', pair.publicKey));
            // As Python's datetime.utcnow().isoformat() writes it.
            const text = JSON.stringify({ points: 321, issuedAt: new Date(Date.now() - 60_000).toISOString().slice(0, 19) });
            const signed = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, new TextEncoder().encode(text));
            const el = document.createElement('retain-loyalty-badge');
            el.setAttribute('snapshot', text);
            el.setAttribute('signature', btoa(String.fromCharCode(...new Uint8Array(signed))));
            el.setAttribute('public-key', publicKey);
            document.body.append(el);
            const said = () => el.shadowRoot?.querySelector('[part="badge"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
            const until = Date.now() + timeout;
            while (!/321|estimate/.test(said()) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
            return said();
          }, TIMEOUT);
          assert(badge.includes('321 points ✓'), `in ${timezoneId} the badge says ${badge}`);
        } finally {
          await zoned.close();
        }
      }
    },
  );

  await check('<retain-report> reads the demo export under a strict CSP, in its worker shipped as a file of the build', async () => {
    const report = await context.newPage();
    const violations = [];
    report.on('console', (message) => message.type() === 'error' && violations.push(message.text()));
    report.on('pageerror', (error) => violations.push(error.message));
    await report.goto(`${origin}/test/e2e/report.html`, { waitUntil: 'load' });
    await report
      .waitForFunction(() => document.querySelector('retain-report')?.shadowRoot?.querySelector('[data-chart="curve"] canvas'), null, {
        timeout: 60_000,
      })
      .catch(async () => {
        const shown = await report.evaluate(() => document.querySelector('retain-report')?.shadowRoot?.textContent?.slice(0, 300));
        throw new Error(`no report with its charts within 60 s; it shows: ${shown}`);
      });
    const orders = await report.evaluate(
      () => document.querySelector('retain-report').shadowRoot.querySelector('[data-figure="orders"] .value')?.textContent,
    );
    assert(orders && Number(orders.replace(/\D/g, '')) > 1000, `the report shows ${orders} orders`);
    assert(
      requested.some((path) => /^\/dist\/report\.worker-[\w-]+\.js$/.test(path)),
      'the worker was not loaded from dist/',
    );
    assert(violations.length === 0, violations.join('\n'));
    await report.close();
  });

  await check('only the built kit was loaded (no /src/ or /node_modules/ requests)', async () => {
    const stray = requested.filter((path) => path.startsWith('/src/') || path.startsWith('/node_modules/'));
    assert(stray.length === 0, `loaded ${stray.join(', ')}`);
    assert(
      requested.some((path) => path.startsWith('/dist/') && path !== '/dist/retainkit.js'),
      'no chunk was loaded from /dist/',
    );
  });

  // A tag manager (Google Tag Manager's injectScript, a custom HTML tag) adds the loader as a classic script.
  await check(
    'as a classic script added after the load, the loader adds no page global but retainkit, says retainkit-ready, and its widgets come alive',
    async () => {
      const classic = await context.newPage();
      classic.on('pageerror', (error) => errors.push(`page error (classic): ${error.message}`));
      await classic.goto(`${origin}/test/e2e/classic.html`, { waitUntil: 'load' });
      const outcome = await classic.evaluate(async (timeout) => {
        const before = new Set(Object.getOwnPropertyNames(window));
        // A store component's wait for the API (docs/install.md): what it saw when the event came.
        const ready = [];
        addEventListener('retainkit-ready', () => ready.push(typeof window.retainkit?.watch));
        const script = document.createElement('script');
        script.src = '/dist/retainkit.js';
        await new Promise((resolve, reject) => {
          script.onload = resolve;
          script.onerror = reject;
          document.head.append(script);
        });
        const added = Object.getOwnPropertyNames(window).filter((name) => !before.has(name));
        const order = document.querySelector('retain-order');
        const defined = await Promise.race([
          customElements.whenDefined('retain-order'),
          new Promise((r) => setTimeout(r, timeout, 'timeout')),
        ]);
        return { added, ready, recorded: defined === 'timeout' ? 'not defined' : await order.recorded };
      }, TIMEOUT);
      await classic.close();
      assert(JSON.stringify(outcome.added) === '["retainkit"]', `the classic script added the globals ${JSON.stringify(outcome.added)}`);
      assert(outcome.recorded === true, `<retain-order> did not record its order: ${outcome.recorded}`);
      assert(JSON.stringify(outcome.ready) === '["function"]', `retainkit-ready heard with the API: ${JSON.stringify(outcome.ready)}`);
    },
  );

  // scripts/compile-hints.ts: Chromium compiles a hinted chunk while it streams in, off the main thread. The same
  // page loaded twice, as built and with the hints taken out of the files: V8's lazy compiles (one per function
  // compiled at its first call) counted on the page's main thread. Counts, not times: they hold on a busy machine.
  await check("Chromium compiles the kit's chunks off the main thread (compile hints): fewer than half the lazy compiles", async () => {
    const hinted = await lazyCompiles(false);
    const unhinted = await lazyCompiles(true);
    console.log(`      lazy compiles on the main thread: ${hinted} as built, ${unhinted} without the hints`);
    assert(hinted * 2 < unhinted, `${hinted} lazy compiles as built, ${unhinted} without the hints`);
  });

  await check('the page logged no error', async () => {
    assert(errors.length === 0, [...errors, ...missing.map((path) => `404: ${path}`)].join('\n'));
  });
} finally {
  await browser.close();
  server.close();
}

report();
process.exit(counts.failed > 0 ? 1 : 0);

/**
 * V8's lazy compiles (`V8.CompileIgnition`) on the main thread of the store page, from its load until its four
 * widgets have drawn and the kit's work at idle is done, in a context of its own; `stripHints` serves the built
 * files without their first-line compile hint.
 */
async function lazyCompiles(stripHints) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    if (stripHints) {
      await page.route(/\/dist\/[^/]+\.js$/, async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace(/^\/\/# allFunctionsCalledOnLoad\n/, '');
        await route.fulfill({ response, body });
      });
    }
    const url = `${origin}/test/e2e/store.html`;
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-v8.compile'] });
    let events;
    try {
      await page.goto(url, { waitUntil: 'load' });
      // Each widget defined and drawn, then the kit's work at idle (the storage code, the page view) done.
      await page.evaluate(
        async (tags) => {
          const idle = () => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 }));
          await Promise.all(tags.map((tag) => customElements.whenDefined(tag).then(() => document.querySelector(tag).drawn)));
          for (let i = 0; i < 3; i++) await idle();
        },
        WIDGETS.map((widget) => `retain-${widget}`),
      );
      await page.waitForLoadState('networkidle');
    } finally {
      events = JSON.parse((await browser.stopTracing()).toString()).traceEvents ?? [];
    }
    const parsed = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
    assert(parsed, `no ParseHTML of ${url} in the trace`);
    return events.filter((e) => e.name === 'V8.CompileIgnition' && e.pid === parsed.pid && e.tid === parsed.tid).length;
  } finally {
    await context.close();
  }
}
