/** The events of a spin and its result (`spin.ts`, `result.ts`), loaded with them; their details are in `spin-wheel.events.ts`. */
import { RetainEvent } from '../core/events.js';
import type { SpinCodeAppliedDetail, SpinCodeDetail, SpinEndedDetail, SpinStartedDetail } from './spin-wheel.events.js';

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
