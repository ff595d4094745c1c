/**
 * Where an event is retried: a failed request (or a failed read of the outbox) leaves its rows owed, and
 * `flush.ts` tries again after `backoff(attempts)`, or after the endpoint's Retry-After (429/503), which
 * the memo's `down` keeps across pages. Going back online retries at once.
 */
import { settings } from './defaults.js';

/** The wait before retry number `attempts` (1, 2, …): the doubled delay, capped, less up to half (jitter). */
export const backoff = (attempts: number) =>
  Math.min(settings.retryMax, settings.retryBase * 2 ** (attempts - 1)) * (0.5 + Math.random() / 2);
