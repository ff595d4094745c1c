/**
 * The events of a spin and its result (`spin.ts`, `result.ts`), loaded with them: their classes, details
 * and names. The wheel's own events are in `spin-wheel.events.ts`.
 */
import { RetainEvent, type RetainDetail } from '../core/events.js';
import type { PrizeType } from './slices.js';

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

/** The shopper spun (the spin is taken). Counted as `interacted`. `email` is personal: never forwarded. */
export class RetainSpinStartedEvent extends RetainEvent<SpinStartedDetail> {
  constructor(detail: SpinStartedDetail) {
    super('retain-spin-started', detail, { personal: ['email'] });
  }
}

/** The wheel stopped and the prize is shown. Counted as `spun`. */
export class RetainSpinEndedEvent extends RetainEvent<SpinEndedDetail> {
  constructor(detail: SpinEndedDetail) {
    super('retain-spin-ended', detail);
  }
}

/** The shopper copied the code. Counted as `copied`. */
export class RetainSpinCodeCopiedEvent extends RetainEvent<SpinCodeDetail> {
  constructor(detail: SpinCodeDetail) {
    super('retain-spin-code-copied', detail);
  }
}

/** The shopper followed the apply link. Counted as `converted`. */
export class RetainSpinCodeAppliedEvent extends RetainEvent<SpinCodeAppliedDetail> {
  constructor(detail: SpinCodeAppliedDetail) {
    super('retain-spin-code-applied', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'retain-spin-started': RetainSpinStartedEvent;
    'retain-spin-ended': RetainSpinEndedEvent;
    'retain-spin-code-copied': RetainSpinCodeCopiedEvent;
    'retain-spin-code-applied': RetainSpinCodeAppliedEvent;
  }
}
