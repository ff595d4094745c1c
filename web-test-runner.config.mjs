// Tests in real browsers. RETAINKIT_BROWSERS picks the engines (comma-separated: chromium, firefox,
// webkit; default chromium); scripts/test.mjs sets it and finds the browsers.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { passedFailedReporter } from './test/support/passed-failed-reporter.mjs';
import { defaultReporter } from '@web/test-runner';
import { loadEndpoints } from './test/support/endpoints.mjs';

const engines = (process.env.RETAINKIT_BROWSERS ?? 'chromium').split(',').map((name) => name.trim());

function chromium() {
  return playwrightLauncher({
    product: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  });
}

const launchers = { chromium };

export default {
  files: ['test/**/*.test.ts', '!test/e2e/**', '!test/bench/**'],
  nodeResolve: true,
  middleware: await loadEndpoints(),
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: engines.map((name) => {
    if (!launchers[name]) throw new Error(`RETAINKIT_BROWSERS: unknown engine "${name}"`);
    return launchers[name]();
  }),
  reporters: [defaultReporter(), passedFailedReporter()],
};
