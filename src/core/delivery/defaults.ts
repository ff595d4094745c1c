/**
 * Every default of the delivery path, written once: `<retain-forward>` falls back to these for a bad
 * attribute, and `stopDelivery` restores `settings` from them.
 */
export const DEFAULTS: Readonly<Record<'maxEvents' | 'maxAge' | 'retryBase' | 'retryMax' | 'lease', number>> = {
  /** Most rows the outbox keeps (`<retain-forward max-events>`); the oldest are dropped first. */
  maxEvents: 1000,
  /** How long the outbox keeps a row, ms (`<retain-forward max-age>`). */
  maxAge: 7 * 86_400_000,
  /** The first retry's wait, ms; it doubles with each failure (backoff.ts). */
  retryBase: 1000,
  /** The longest wait between retries, ms. */
  retryMax: 300_000,
  /** How long a lease holds unless renewed: longer than an endpoint request may take (`REQUEST_TIMEOUT`). */
  lease: 20_000,
};

/** Limits and timings in force; `<retain-forward max-events max-age>` set the first two, tests the others. */
export const settings = { ...DEFAULTS };

export const resetSettings = () => void Object.assign(settings, DEFAULTS);

/** `<retain-forward to="endpoint">`: most events per request (`batch-size`) and the wait to gather them (`batch-wait`). */
export const ENDPOINT_DEFAULTS: Readonly<Record<'batch' | 'wait', number>> = { batch: 50, wait: 1000 };

/** Most events per request to a destination that does not say (`Destination.batch`). */
export const BATCH = 100;

/** An endpoint request gives up after this long (ms). */
export const REQUEST_TIMEOUT = 15_000;

/** How long a widget's row (queued in its own transaction) waits for its tab's delivery path to claim it. */
export const CLAIM_MS = 2000;

/** How long widgets keep queueing rows in their own transactions after a page with forwarding (outbox.ts). */
export const ACTIVE_MS = 7 * 86_400_000;

/** How often a destination not there yet (a `dataLayer` the page creates later) is looked for, at least. */
export const LOOK_AGAIN_MS = 30_000;
