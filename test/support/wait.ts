/**
 * `waitUntil` with a limit fit for CI. @open-wc's default of 1 s is shorter than a slow engine on two
 * shared cores can take to fetch a page of reviews and draw it (a CI run missed it once, in Chromium).
 * A wait ends as soon as its condition holds, so the longer limit costs a passing test nothing; a test
 * that needs another limit still passes its own.
 */
import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

const LIMIT_MS = 5000;

export function waitUntil(
  condition: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(condition, message, { timeout: LIMIT_MS, ...options });
}
