/**
 * The wheel's states, in one place: the element holds one `WheelState`, and its parts (`spin.ts`,
 * `result.ts`, `popup.ts`) are handed it and hand back what changes, never setting the element's fields.
 */
import type { CounterName } from '../core/counters.js';
import type { RetainEvent } from '../core/events.js';
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
  | { phase: 'spent'; cooldownEnd: number }
  /** Nothing left to win on this device (every slice a prize whose code pool is used up): no spin. */
  | { phase: 'exhausted' };

/** The longest spin, whatever `duration` or `--retain-spin-wheel-duration` say. */
export const MAX_DURATION = 5000;

/** The wheel's attributes that a spin and the popup keep to, checked (the wheel's `willUpdate`). */
export interface Settings {
  cooldownMs: number;
  ttlMs: number;
  durationMs: number;
  timeoutMs: number;
  snoozeMs: number;
  /** The outcome endpoint; null: the wheel draws. */
  src: string | null;
  /** The apply link template (`{code}`); null: no apply link. */
  apply: string | null;
  /** Where the shopper's email goes when they spin (`email-endpoint` with `require-email`). */
  emailTo: string | null;
}

/** How a part has the wheel count and emit its event: counted first (the count goes in the detail), or with `countAfter` emitted first (a link leaving the page). */
export type Tell = (event: RetainEvent, counter?: CounterName, countAfter?: boolean) => void;

/** The popup's state (popup mode, `popup.ts`). */
export interface PopupState {
  /** The wheel is drawn into the dialog: once it opens, until it closes. */
  drawn: boolean;
  /** Its slices and labels too: a frame after it opened. */
  slices: boolean;
  /** Where focus goes back when it closes. */
  back: HTMLElement | null;
  /** Being closed by `hide()`: not the shopper's dismissal. */
  byCode: boolean;
}

/** What the parts may ask of the wheel: each call sets what the wheel shows, from what the part hands it. */
export interface WheelCallbacks {
  /** Shows `state`, with the status line `said` and the result faded in (`fade`) when given. */
  show(state: WheelState, said?: string, fade?: boolean): void;
  state(): WheelState;
  tell: Tell;
  /** What the device remembers of the wheel changed (a spin taken, its outcome stored, or given back): for its twins. */
  changed(): void;
  /** The angle the wheel comes to rest at (a landing, or where the wait for the store stopped). */
  rests(rotation: number): void;
  /** The landing animation while it runs (skip, or closing the popup, finishes it), then undefined. */
  turning(animation: Animation | undefined): void;
  /** Reads the device's state again (a spin not taken); resolves with the state shown. */
  reread(): Promise<WheelState>;
  /** Resolves once the wheel has read its state. */
  loaded(): Promise<void>;
  popup(): PopupState;
  /** Keeps the popup's new state. */
  keep(state: PopupState): void;
  /** Ends a running landing (the result shows at once). */
  finish(): void;
  /** The snooze's cooldown key, and its length (0: none). */
  snooze(): [string, number];
}
