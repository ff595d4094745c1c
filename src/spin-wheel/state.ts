/**
 * The wheel's states, in one place: the element holds one `WheelState`, and its parts (`spin.ts`,
 * `result.ts`, `popup.ts`) are handed it and hand back what changes, never setting the element's fields.
 */
import type { Win } from './outcome.js';

export type WheelState =
  /** Reading what the device remembers (drawn ready meanwhile: most shoppers have not spun). */
  | { phase: 'loading' }
  /** May spin. */
  | { phase: 'ready' }
  /** The last spin could not get its outcome from the store: the shopper keeps the spin, and is told so. */
  | { phase: 'failed' }
  | { phase: 'spinning' }
  /** A result shown (this tab's spin, or a code kept until it expires); spinning again waits for `cooldownEnd`, if any. */
  | { phase: 'won'; win: Win; cooldownEnd: number | null; copied: boolean | null }
  /** Spun before, nothing to show: no spin until `cooldownEnd`. */
  | { phase: 'spent'; cooldownEnd: number };

/** The longest spin, whatever `duration` or `--retain-spin-wheel-duration` say. */
export const MAX_DURATION = 5000;
