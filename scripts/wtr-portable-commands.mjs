// A web-test-runner plugin: `emulateMedia` and `setViewport` from @web/test-runner-commands also work in
// Firefox (puppeteer over WebDriver BiDi) and WebKit (WebDriver), where the built-in commands throw
// ("CDP support is required for this feature", "… not supported for browser type webdriver").
//
// - emulateMedia: Chromium (Playwright) emulates for real, CSS included. Elsewhere the page's
//   `matchMedia` is replaced by one that answers the emulated `prefers-reduced-motion`,
//   `prefers-color-scheme`, `forced-colors` and `prefers-contrast` and fires `change` when they change:
//   what scripts see is emulated, CSS `@media` rules are NOT (no such API in those engines). So a test of
//   looks under emulated media (computed colours, axe contrast in dark mode) proves something only in
//   Chromium. `window.__retainkitMediaShim` is set in the page while the stand-in is in use.
// - setViewport in WebKit: resizes the window so that the page's viewport gets the asked size; MiniBrowser's
//   window cannot get narrower than about 450 px (its toolbar), and asking for less fails the command.
//
// The built-in commands stay in charge wherever they work; this wraps them when the server starts.

/** Runs in the page (serialized): installs or updates the matchMedia stand-in. */
function emulateMediaInPage(payload) {
  const FEATURES = {
    colorScheme: 'prefers-color-scheme',
    reducedMotion: 'prefers-reduced-motion',
    forcedColors: 'forced-colors',
    contrast: 'prefers-contrast',
  };
  // The value under which the boolean form, `(prefers-reduced-motion)`, is false.
  const NONE = {
    'prefers-color-scheme': '',
    'prefers-reduced-motion': 'no-preference',
    'forced-colors': 'none',
    'prefers-contrast': 'no-preference',
  };
  let shim = window.__retainkitMediaShim;
  if (!shim) {
    const original = window.matchMedia.bind(window);
    shim = { overrides: {}, lists: new Set() };
    window.__retainkitMediaShim = shim;
    const rewrite = (query) =>
      query.replace(/\(\s*([a-z-]+)\s*(?::\s*([a-z-]+)\s*)?\)/gi, (whole, name, value) => {
        const feature = name.toLowerCase();
        if (!(feature in shim.overrides)) return whole;
        const current = shim.overrides[feature];
        const matches = value ? current === value.toLowerCase() : current !== NONE[feature];
        return matches ? '(width >= 0px)' : '(width < 0px)';
      });
    class ShimMediaQueryList extends EventTarget {
      constructor(media) {
        super();
        this.query = media;
        this.handler = null;
        this.connect();
        this.last = this.matches;
      }
      get media() {
        return this.query;
      }
      get matches() {
        return this.real.matches;
      }
      get onchange() {
        return this.handler;
      }
      set onchange(handler) {
        this.handler = handler;
      }
      connect() {
        this.real?.removeEventListener('change', this.forward);
        this.real = original(rewrite(this.query));
        this.forward ??= () => this.notify();
        this.real.addEventListener('change', this.forward);
      }
      notify() {
        if (this.matches === this.last) return;
        this.last = this.matches;
        const event = new MediaQueryListEvent('change', { matches: this.matches, media: this.query });
        this.dispatchEvent(event);
        this.handler?.call(this, event);
      }
      addListener(listener) {
        this.addEventListener('change', listener);
      }
      removeListener(listener) {
        this.removeEventListener('change', listener);
      }
    }
    try {
      Object.setPrototypeOf(ShimMediaQueryList.prototype, MediaQueryList.prototype);
    } catch {
      // instanceof MediaQueryList stays false; everything else works
    }
    shim.refresh = () => {
      for (const list of shim.lists) list.connect();
      for (const list of shim.lists) list.notify();
    };
    window.matchMedia = function matchMedia(query) {
      const list = new ShimMediaQueryList(String(query));
      shim.lists.add(list);
      return list;
    };
  }
  for (const [key, feature] of Object.entries(FEATURES)) {
    if (!(key in payload)) continue;
    if (payload[key] == null) delete shim.overrides[feature];
    else shim.overrides[feature] = String(payload[key]).toLowerCase();
  }
  shim.refresh();
  return true;
}

async function resizeViewport(driver, { width, height }) {
  let ask = { width, height };
  let inner = [];
  for (let attempt = 0; attempt < 4; attempt += 1) {
    await driver.setWindowSize(ask.width, ask.height);
    inner = await settledViewport(driver);
    if (inner[0] === width && inner[1] === height) return;
    // The window is the viewport plus its frame (toolbar, borders): ask again with the frame added.
    const outer = await driver.getWindowSize();
    ask = { width: Math.max(1, outer.width + width - inner[0]), height: Math.max(1, outer.height + height - inner[1]) };
  }
  // MiniBrowser's window has a minimum size (its toolbar): about 450 px wide here.
  throw new Error(`setViewport: WebKit's MiniBrowser could not make its viewport ${width}×${height}; it is ${inner[0]}×${inner[1]}`);
}

/**
 * The page's viewport once it has stopped changing. WebKitGTK may answer setWindowSize before the page
 * sees the new size, and a correction computed from a stale size can come out negative: a loaded run
 * failed once with "setWindowSize expects width and height to be a number in the 0 to 2^31 − 1 range".
 */
async function settledViewport(driver) {
  const read = () => driver.execute(() => [window.innerWidth, window.innerHeight]);
  let last = await read();
  for (let check = 0; check < 10; check += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = await read();
    if (now[0] === last[0] && now[1] === last[1]) return now;
    last = now;
  }
  return last;
}

/**
 * The test page for web-test-runner: as its default, plus the matchMedia stand-in installed before any
 * module runs (outside Chromium), so that lists a module made at start-up also follow emulateMedia.
 */
export function testRunnerHtml(testFramework) {
  return `<!DOCTYPE html>
<html>
  <head>
    <script>
      if (!/\\bChrome\\//.test(navigator.userAgent)) (${emulateMediaInPage.toString()})({});
    </script>
  </head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`;
}

export function portableCommandsPlugin() {
  return {
    name: 'retainkit-portable-commands',
    serverStart({ config }) {
      const emulate = config.plugins.find((plugin) => plugin.name === 'emulate-media-command');
      if (emulate?.executeCommand) {
        const builtIn = emulate.executeCommand.bind(emulate);
        emulate.executeCommand = async (args) => {
          const { command, payload, session } = args;
          if (command !== 'emulate-media' || session.browser.type === 'playwright') return builtIn(args);
          if (session.browser.type === 'puppeteer') {
            try {
              return await builtIn(args);
            } catch {
              return session.browser.getPage(session.id).evaluate(emulateMediaInPage, payload);
            }
          }
          if (session.browser.type === 'webdriver' && session.browser.driver) {
            return session.browser.driver.execute(emulateMediaInPage, payload);
          }
          return builtIn(args);
        };
      }
      const viewport = config.plugins.find((plugin) => plugin.name === 'set-viewport-command');
      if (viewport?.executeCommand) {
        const builtIn = viewport.executeCommand.bind(viewport);
        viewport.executeCommand = async (args) => {
          const { command, payload, session } = args;
          if (command !== 'set-viewport' || session.browser.type !== 'webdriver' || !session.browser.driver) return builtIn(args);
          await resizeViewport(session.browser.driver, payload);
          return true;
        };
      }
    },
  };
}
