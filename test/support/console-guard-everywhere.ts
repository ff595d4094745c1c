/**
 * The console guard for every test of every test file: web-test-runner loads this module before each test
 * file (scripts/wtr-console-guard.mjs adds the import), so its hooks are mocha root hooks. A test that
 * expects a warning still calls `watchConsole()` itself and takes it: its watch sits inside this one.
 */
import { watchConsole, type ConsoleWatch } from './console-guard.js';

let watch: ConsoleWatch | undefined;

beforeEach(() => {
  watch = watchConsole();
});

afterEach(() => {
  const current = watch;
  watch = undefined;
  current?.stop();
});
