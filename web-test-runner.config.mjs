// Tests in real browsers. RETAINKIT_BROWSERS picks the engines (comma-separated: chromium, firefox,
// webkit; default chromium). `npm test` / `npm run test:all` (scripts/test.mjs) set it, find or install
// the browsers and print the closing line; `npx wtr --files test/x.test.ts` works on its own too.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { defaultReporter } from '@web/test-runner';
import puppeteerCore from 'puppeteer-core';
import { passedFailedReporter } from './test/support/passed-failed-reporter.mjs';
import { timingReporter } from './test/support/timing-reporter.mjs';
import { loadEndpoints } from './test/support/endpoints.mjs';
import { CHROMIUM_ARGS, findChromium, findFirefox, findWebKit, startWebKitDriver } from './scripts/browsers.mjs';
import { safeMessagesPlugin } from './scripts/wtr-safe-messages.mjs';
import { portableCommandsPlugin, testRunnerHtml } from './scripts/wtr-portable-commands.mjs';
import { papaparseEsmPlugin } from './scripts/wtr-commonjs-papaparse.mjs';
import { consoleGuardPlugin } from './scripts/wtr-console-guard.mjs';

const engines = (process.env.RETAINKIT_BROWSERS ?? 'chromium')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);

/**
 * Each engine in its own time zone, so that a date read in UTC where the shopper's day was meant fails in one of them
 * (the spin wheel read a store's day alone as UTC's midnight, unseen while every engine ran in the machine's UTC, a
 * day short for shoppers west of it): Chromium in the machine's, Firefox at UTC−7, WebKit at UTC+14. Zones without
 * summer time, so that no test's figures move on the days the clocks change.
 */
const TIME_ZONES = { firefox: 'America/Phoenix', webkit: 'Pacific/Kiritimati' };

async function chromium() {
  const executablePath = await findChromium();
  if (!executablePath) throw new Error('No Chromium found: run `npm test` (it finds or installs one) or set CHROMIUM_PATH.');
  return playwrightLauncher({
    product: 'chromium',
    launchOptions: {
      executablePath,
      args: CHROMIUM_ARGS,
    },
    createBrowserContext: onePageForAllFiles,
  });
}

/**
 * One page for every test file, as WebKit's WebDriver session keeps one window. The launcher's default, a new
 * context and page per file, cost each file 1.6–2 s here in Chromium alone (a trivial file took 2.2 s, 0.2 s
 * in WebKit): the new page, with a renderer process of its own (one context shared by new pages saved little).
 * Between files the launcher takes the page to about:blank (its code stopped); closing the "context" keeps
 * the page. Tests keep their storage apart themselves (a fresh database each, cleaned up after), as they must
 * in Firefox and WebKit, which keep one profile too.
 */
let sharedPage;
function onePageForAllFiles({ browser }) {
  return {
    newPage: async () => {
      if (!sharedPage || sharedPage.isClosed()) sharedPage = await (await browser.newContext()).newPage();
      return sharedPage;
    },
    close: async () => undefined,
  };
}

// Playwright's Firefox does not work with Debian's build; puppeteer-core drives it over WebDriver BiDi.
async function firefox() {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('No Firefox found: apt-get install firefox-esr, or set FIREFOX_PATH.');
  return chromeLauncher({
    puppeteer: puppeteerCore,
    launchOptions: {
      browser: 'firefox',
      executablePath,
      headless: true,
      // No WebDriver BiDi network events: puppeteer subscribes to them for its request API, which no test uses, and
      // Firefox's parent process made them for each of the demo pages' hundreds of module requests. Without them its
      // tests took 343 core-seconds here instead of 602, the demo pages 37 instead of 107 (scripts/test-cpu.mjs).
      networkEnabled: false,
      // A test that opens a second tab leaves its own page in the background, where Firefox runs timers at
      // most once a second: every wait's poll took a second (opening a tab took 1.06 s here, 0.18 s in
      // Chromium). Playwright's Chromium runs background timers unthrottled (--disable-background-timer-
      // throttling); these are Firefox's (its floor with and without budget throttling). And no budget throttling,
      // which delays a busy background page's timers by up to 15 s (Mozilla's own profiling profile turns it off): an
      // offer's 3 s countdown timer, on a page left behind by a test that opened tabs, missed an 8 s wait once in CI.
      extraPrefsFirefox: {
        'dom.min_background_timeout_value': 4,
        'dom.min_background_timeout_value_without_budget_throttling': 4,
        'dom.timeout.enable_budget_timer_throttling': false,
      },
      env: { ...process.env, TZ: TIME_ZONES.firefox },
    },
    createPage: async ({ context }) => {
      const page = await context.newPage();
      portableKeys(page.keyboard);
      return page;
    },
  });
}

// sendKeys takes Playwright's key names. Puppeteer's WebDriver BiDi keyboard does not know 'Space' and
// neither it nor WebDriver knows chords like 'Shift+Tab': translate them so one test runs in every engine.
const CHORD = /^((?:Shift|Control|Alt|Meta)\+)+[^+]+$/;
const bidiKey = (key) => (key === 'Space' ? ' ' : key);
function portableKeys(keyboard) {
  const { press, down, up } = keyboard;
  keyboard.down = (key, options) => down.call(keyboard, bidiKey(key), options);
  keyboard.up = (key) => up.call(keyboard, bidiKey(key));
  keyboard.press = async (key, options) => {
    if (!CHORD.test(key)) return press.call(keyboard, bidiKey(key), options);
    const keys = key.split('+').map(bidiKey);
    const last = keys.pop();
    for (const modifier of keys) await down.call(keyboard, modifier);
    await press.call(keyboard, last, options);
    for (const modifier of keys.reverse()) await up.call(keyboard, modifier);
  };
}

// WebKitGTK's MiniBrowser has no headless mode: its WebDriver runs under xvfb-run (scripts/browsers.mjs).
async function webkit() {
  const found = findWebKit();
  if (!found) throw new Error('No WebKit found: apt-get install --no-install-recommends webkit2gtk-driver xvfb xauth.');
  const { port } = await startWebKitDriver(found, { TZ: TIME_ZONES.webkit });
  const launcher = webdriverLauncher({
    automationProtocol: 'webdriver',
    hostname: '127.0.0.1',
    port,
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: found.browser,
        // tabs.ts opens a second tab with window.open, which WebKitGTK blocks without a user gesture.
        args: ['--automation', '--javascript-can-open-windows-automatically=true'],
      },
      'wdio:enforceWebDriverClassic': true,
    },
  });
  // A chord such as 'Shift+Tab' as separate keys (webdriverio presses them down together, then up). Typed
  // text one key at a time: web-test-runner hands WebDriver all its characters as one chord, which loses
  // repeated letters ('correct' arrives as 'corect').
  const sendKeys = launcher.sendKeys.bind(launcher);
  launcher.sendKeys = async (sessionId, keys) => {
    if (keys.length === 1) return sendKeys(sessionId, CHORD.test(keys[0]) ? keys[0].split('+') : keys);
    for (const key of keys) await sendKeys(sessionId, [key]);
  };
  return launcher;
}

const launchers = { chromium, firefox, webkit };
for (const name of engines) {
  if (!launchers[name]) throw new Error(`RETAINKIT_BROWSERS: unknown engine "${name}" (use chromium, firefox, webkit)`);
}

export default {
  files: ['test/**/*.test.ts', '!test/e2e/**', '!test/bench/**'],
  nodeResolve: true,
  middleware: await loadEndpoints(),
  // One page at a time per engine: tests share IndexedDB and open second tabs.
  concurrency: 1,
  // Two engines side by side: each has its own storage, and the test endpoints keep what they record per
  // test key. Here the three engines one after another took 423 s, two at a time 225 to 267 s (two runs),
  // all three at once 282 s: on two cores the run is CPU-bound, and more contention only slows each test.
  // Again with today's 72 files (timing reporter, a neighbour loading the machine): two at a time, Chromium
  // 3–353 s then WebKit 353–708 s beside Firefox 11–616 s; all three at once had each run about half the files
  // at 8.5 min (stopped there, the load average at 15), and one test timed out waiting for a demo page's loader.
  // Evening out the two lanes (three of Chromium's files, 78 s, moved to a second Chromium after Firefox, as wtr's
  // groups allow) did not shorten a CI run: WebKit, no longer alone at the end, took 472 s against 383, and the
  // tests ended at 815 s against 812. The cores are the limit, not the lanes.
  concurrentBrowsers: 2,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  // A whole test file; a file that hangs (a lost page) fails after this instead of stalling CI.
  testsFinishTimeout: 180_000,
  // A single test: generous for slow engines on 2 shared cores (tests await events, they don't sleep).
  testFramework: { config: { timeout: 20_000 } },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    safeMessagesPlugin(),
    portableCommandsPlugin(),
    papaparseEsmPlugin(),
    consoleGuardPlugin(),
  ],
  testRunnerHtml,
  browsers: await Promise.all(engines.map((name) => launchers[name]())),
  // The timings print before the closing line: their exit handler is registered first.
  reporters: [defaultReporter(), timingReporter(), passedFailedReporter()],
};
