// Finds the three browser engines the tests run in, installs Debian's packages when that is possible
// (root on Debian), and starts WebKit's WebDriver. Shared by scripts/test.mjs, web-test-runner.config.mjs
// and test/e2e/run.mjs. Playwright cannot download browsers here, so the tests use the system's.
import { execFileSync, spawn } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';

/** An executable file (following symlinks). */
function isFile(path) {
  if (!path) return false;
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Flags for Chromium on these machines, as root with no network but the registries: without the
 * background-networking ones, Chromium keeps opening connections that the closed network refuses.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Chromium: `CHROMIUM_PATH`, Debian's chromium, then Playwright's own download if there is one. */
export async function findChromium() {
  if (process.env.CHROMIUM_PATH) return isFile(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : null;
  // /usr/lib/chromium/chromium first: /usr/bin/chromium is a wrapper script that prints a harmless warning.
  for (const path of ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (isFile(path)) return path;
  }
  try {
    const { chromium } = await import('playwright-core');
    const path = chromium.executablePath();
    if (isFile(path)) return path;
  } catch {
    // no Playwright browser downloaded
  }
  return null;
}

/** Firefox: `FIREFOX_PATH`, then Debian's firefox-esr (driven by puppeteer-core over WebDriver BiDi). */
export function findFirefox() {
  if (process.env.FIREFOX_PATH) return isFile(process.env.FIREFOX_PATH) ? process.env.FIREFOX_PATH : null;
  return ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find(isFile) ?? null;
}

/** WebKit: WebKitGTK's MiniBrowser and WebKitWebDriver (Debian's webkit2gtk-driver), xvfb-run for a display. */
export function findWebKit() {
  const driver = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
  let browser = process.env.WEBKIT_MINIBROWSER;
  if (!browser) {
    for (const lib of ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib']) {
      const dirs = existsSync(lib) ? readdirSync(lib).filter((name) => /^webkit2?gtk-[\d.]+$/.test(name)) : [];
      browser = dirs.map((dir) => `${lib}/${dir}/MiniBrowser`).find(isFile);
      if (browser) break;
    }
  }
  const xvfbRun = ['/usr/bin/xvfb-run'].find(isFile) ?? null;
  const display = xvfbRun ? 'xvfb' : process.env.DISPLAY ? 'display' : null;
  if (!isFile(driver) || !browser || !display) return null;
  return { driver, browser, xvfbRun };
}

/** Debian packages per engine (installed with --no-install-recommends). */
export const packages = {
  chromium: ['chromium'],
  firefox: ['firefox-esr'],
  webkit: ['webkit2gtk-driver', 'xvfb', 'xauth'],
};

const finders = { chromium: findChromium, firefox: findFirefox, webkit: findWebKit };
const overrides = { chromium: ['CHROMIUM_PATH'], firefox: ['FIREFOX_PATH'], webkit: ['WEBKIT_DRIVER', 'WEBKIT_MINIBROWSER'] };

function canApt() {
  return process.getuid?.() === 0 && existsSync('/etc/debian_version') && isFile('/usr/bin/apt-get');
}

/**
 * Makes sure every engine is there. Missing ones are installed from Debian when running as root on
 * Debian; otherwise returns one line saying what to install (null when all are present).
 */
export async function ensureBrowsers(engines, log = (line) => process.stderr.write(`${line}\n`)) {
  // A path the developer set on purpose and got wrong is theirs to fix, not apt's.
  for (const variable of engines.flatMap((engine) => overrides[engine])) {
    const path = process.env[variable];
    if (path && !isFile(path)) return `${variable}=${path} does not exist: point it at the browser's executable or unset it.`;
  }
  const missing = [];
  for (const engine of engines) if (!(await finders[engine]())) missing.push(engine);
  if (missing.length === 0) return null;
  const names = missing.flatMap((engine) => packages[engine]);
  if (canApt()) {
    log(`Installing ${names.join(', ')} from Debian (apt-get)…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const opts = { stdio: ['ignore', 'ignore', 'inherit'], env };
    try {
      execFileSync('apt-get', ['update', '-qq'], opts);
      execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], opts);
    } catch {
      return `Could not install ${names.join(' ')} with apt-get; install them (apt-get install ${names.join(' ')}) and run again.`;
    }
    const still = [];
    for (const engine of missing) if (!(await finders[engine]())) still.push(engine);
    if (still.length === 0) return null;
    missing.splice(0, missing.length, ...still);
  }
  const hints = missing.map((engine) => hint(engine));
  return `No ${missing.join(', ')} browser found: ${hints.join('; ')}.`;
}

function hint(engine) {
  switch (engine) {
    case 'chromium':
      return 'install Chromium (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to a Chromium/Chrome binary';
    case 'firefox':
      return 'install Firefox (Debian: apt-get install firefox-esr) or set FIREFOX_PATH';
    default:
      return "install WebKitGTK's WebDriver and a virtual display (Debian: apt-get install --no-install-recommends webkit2gtk-driver xvfb xauth)";
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts WebKitWebDriver on a free port (under xvfb-run, so MiniBrowser gets a virtual display) and
 * stops it, with its display and browser, when this process exits. A port found free can be taken by
 * another process before the driver binds it (a loaded CI machine runs other servers): a driver that
 * exits at once is started again on another port, up to three times. `env`: what the driver and its browser run with
 * besides this process's environment (a time zone, `TZ`).
 */
export async function startWebKitDriver(webkit, env = {}) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startWebKitDriverOnce(webkit, env);
    } catch (error) {
      if (attempt === 3 || !error.exitedEarly) throw error;
      console.error(`${error.message}; trying another port`);
    }
  }
}

async function startWebKitDriverOnce(webkit, env) {
  const port = await freePort();
  const command = webkit.xvfbRun
    ? [webkit.xvfbRun, '-a', '-s', '-screen 0 1280x1024x24 -nolisten tcp', webkit.driver, `--port=${port}`, '--replace-on-new-session']
    : [webkit.driver, `--port=${port}`, '--replace-on-new-session'];
  // Its own process group, so stopping it also ends Xvfb and the browser it started.
  const child = spawn(command[0], command.slice(1), {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-2000)));
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  const onSignal = (signal) => {
    console.error(`${signal}: stopping WebKitWebDriver and exiting`);
    stop();
    process.exit(130);
  };
  const forget = () => {
    process.off('exit', stop);
    for (const signal of ['SIGINT', 'SIGTERM']) process.off(signal, onSignal);
  };
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, onSignal);
  const started = Date.now();
  while (Date.now() - started < 20_000) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return { port, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop();
  forget();
  const error = new Error(`WebKitWebDriver did not start on port ${port}: ${stderr.trim() || 'no output'}`);
  error.exitedEarly = child.exitCode !== null;
  throw error;
}
