/**
 * The events of `<retain-spin-wheel>` in its first load: one class each, named `retain-spin-<what
 * happened>`, with the details of the popup's. Those of a spin and its result are in `result.events.ts`,
 * loaded with them, and the popup's dismissal in `popup.ts` (typed for whoever imports the wheel by
 * `spin-wheel.ts`) (their names on `GlobalEventHandlersEventMap`
 * with their classes, so that no two files import each other's values or types in a circle).
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

declare global {
  interface GlobalEventHandlersEventMap {
    'retain-spin-shown': RetainSpinShownEvent;
  }
}
