/**
 * The events of `<retain-spin-wheel>` in its first load: one class each, named `retain-spin-<what
 * happened>`. Those of a spin and its result are in `result.events.ts`, loaded with them (their details
 * and their names on `GlobalEventHandlersEventMap` too, so that neither file imports the other's values
 * or types in a circle).
 */
import { RetainEvent, type RetainDetail } from '../core/events.js';

export type { SpinCodeAppliedDetail, SpinCodeDetail, SpinEndedDetail, SpinStartedDetail } from './result.events.js';

export interface SpinShownDetail extends RetainDetail {
  mode: 'inline' | 'popup';
  /** What opened the popup: a trigger kind (`delay`, `exit-intent`, `scroll`, `page-views`), `launcher` or `api`; null inline. */
  trigger: string | null;
}

export interface SpinDismissedDetail extends RetainDetail {
  /** Whether the shopper had spun before closing the popup. */
  spun: boolean;
}

/** The wheel came into view (inline: half of it on screen) or its popup opened. Counted as `seen`. */
export class RetainSpinShownEvent extends RetainEvent<SpinShownDetail> {
  constructor(detail: SpinShownDetail) {
    super('retain-spin-shown', detail);
  }
}

/** The shopper closed the popup (close button, Escape or a click outside it). Counted as `dismissed`. */
export class RetainSpinDismissedEvent extends RetainEvent<SpinDismissedDetail> {
  constructor(detail: SpinDismissedDetail) {
    super('retain-spin-dismissed', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'retain-spin-shown': RetainSpinShownEvent;
    'retain-spin-dismissed': RetainSpinDismissedEvent;
  }
}
