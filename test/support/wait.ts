/**
 * `waitUntil` with a limit fit for CI. @open-wc's default of 1 s is shorter than a slow engine on two
 * shared cores can take to fetch a page of reviews and draw it (a CI run missed it once, in Chromium).
 * A wait ends as soon as its condition holds, so the longer limit costs a passing test nothing; a test
 * that needs another limit still passes its own.
 */
import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

// 10 s: 5 s was short for a wait that includes loading a widget's modules unbundled in a fresh tab, on a CI
// machine running the engines side by side (a CI run missed it once, in Chromium).
const LIMIT_MS = 10_000;

export function waitUntil(
  condition: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(condition, message, { timeout: LIMIT_MS, ...options });
}
