/**
 * The events of `<retain-spin-wheel>`: one class each, named `retain-spin-<what happened>`. Those of a
 * spin and its result are in `result.events.ts`, loaded with them.
 */
import { RetainEvent, type RetainDetail } from '../core/events.js';
import type {
  RetainSpinCodeAppliedEvent,
  RetainSpinCodeCopiedEvent,
  RetainSpinEndedEvent,
  RetainSpinStartedEvent,
} from './result.events.js';
import type { PrizeType } from './slices.js';

export interface SpinShownDetail extends RetainDetail {
  mode: 'inline' | 'popup';
  /** What opened the popup: a trigger kind (`delay`, `exit-intent`, `scroll`, `page-views`), `launcher` or `api`; null inline. */
  trigger: string | null;
}

export interface SpinStartedDetail extends RetainDetail {
  /** Where the outcome comes from: the wheel's own weighted draw, or the store's `outcome-src`. */
  source: 'wheel' | 'store';
  /** With `require-email`: what the shopper typed. Personal: reaches listeners on the page, never forwarded. */
  email?: string;
  /** With `require-email`: whether the shopper ticked the marketing-consent box. */
  marketingConsent?: boolean;
}

export interface SpinEndedDetail extends RetainDetail {
  /** The label of the slice won, its index, its type, and the code (null for a `none` slice). */
  prize: string;
  slice: number;
  type: PrizeType;
  code: string | null;
  expiresAt: number | null;
}

export interface SpinCodeDetail extends RetainDetail {
  code: string;
}

export interface SpinCodeAppliedDetail extends SpinCodeDetail {
  url: string;
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
    'retain-spin-started': RetainSpinStartedEvent;
    'retain-spin-ended': RetainSpinEndedEvent;
    'retain-spin-code-copied': RetainSpinCodeCopiedEvent;
    'retain-spin-code-applied': RetainSpinCodeAppliedEvent;
    'retain-spin-dismissed': RetainSpinDismissedEvent;
  }
}
