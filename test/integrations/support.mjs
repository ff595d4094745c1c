// What the integration runners (test/integrations/*.mjs) share: named checks (scripts/checks.mjs), a small
// static server on 127.0.0.1, and a Chromium page that records console warnings, errors and failed requests.
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/browsers.mjs';

export { assert, checks } from '../../scripts/checks.mjs';

/** Serves `handler(path) → { type, body } | undefined` on 127.0.0.1; resolves to its origin and a close function. */
export async function serve(handler) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    const found = await handler(path, req);
    if (!found) res.writeHead(404).end('not found');
    else res.writeHead(200, { 'content-type': found.type, 'cache-control': 'no-store' }).end(found.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** Chromium (Debian's), or null with the reason printed. */
export async function launchChromium() {
  const executablePath = await findChromium();
  if (!executablePath) {
    console.log('no Chromium found; install it (apt-get install chromium) or set CHROMIUM_PATH.');
    return null;
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** A page whose console warnings and errors, page errors and failed requests are collected in `problems`. */
export async function watchedPage(browser, viewport = { width: 1280, height: 2400 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  return { page, problems, close: () => context.close() };
}

/**
 * `measure(page)` on `url` with scripts off: the page as the browser draws it before any code of the kit (or of the
 * page) has run, in a context of its own.
 */
export async function withScriptsOff(browser, url, viewport, measure) {
  const context = await browser.newContext({ viewport, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(url);
    return await measure(page);
  } finally {
    await context.close();
  }
}
