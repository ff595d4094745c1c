/**
 * What the badge's panel (panel.ts, loaded when the badge is opened) uses of the element: it depends on
 * this, not on the element's module, which loads it.
 */
import type { RetainElement } from '../core/element.js';
import type { LocalizeController } from '../core/localize.js';
import type { PointsSource } from './loyalty-badge.events.js';
import type { LoyaltyTerm } from './loyalty-badge.terms.js';
import type { Program, Reward } from './program.js';

/** The figures on show and where they come from. */
export interface Figures {
  points: number;
  pending: number;
  /** A tier name the store gave (else the program's tier for the points). */
  tier: string | null;
  /** The store's order count for the punch card (else the orders on this device). */
  orders: number | null;
  source: PointsSource;
}

export interface BadgeHost extends RetainElement {
  readonly l: LocalizeController<LoyaltyTerm>;
  program: Program;
  cart: number | null;
  join: string | null;
  punchReward: string | null;
  punchOrders(f: Figures): { count: number; local: boolean };
  tierOf(f: Figures): string | null;
  choose(event: Event, reward: Reward, source: PointsSource): void;
}
