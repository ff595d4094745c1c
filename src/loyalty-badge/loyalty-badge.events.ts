/** The loyalty badge's events: one class each, declared on `GlobalEventHandlersEventMap`. */
import { RetainEvent, type RetainDetail } from '../core/events.js';

/** Where the figures shown come from. */
export type PointsSource = 'store' | 'verified' | 'estimate';

export interface PointsChangeDetail extends RetainDetail {
  from: number;
  to: number;
  delta: number;
  source: PointsSource;
}

export interface TierChangeDetail extends RetainDetail {
  from: string | null;
  to: string | null;
  /** True when the new tier is higher in the program. */
  up: boolean;
  source: PointsSource;
}

export interface RewardDetail extends RetainDetail {
  /** The reward's id (its label unless the store gave an id); `punch-card` for the punch card's gift. */
  reward: string;
  label: string;
  /** Cost in points; 0 for the punch card's gift. */
  cost: number;
  source: PointsSource;
}

export type PanelOpenDetail = RetainDetail;

/** The points differ from what this device showed last visit (not on the first visit ever). */
export class PointsChangeEvent extends RetainEvent<PointsChangeDetail> {
  constructor(detail: PointsChangeDetail) {
    super('retain-points-change', detail);
  }
}

/** The tier differs from last visit. */
export class TierChangeEvent extends RetainEvent<TierChangeDetail> {
  constructor(detail: TierChangeDetail) {
    super('retain-tier-change', detail);
  }
}

/** Since last visit the points crossed a reward's cost, or a punch card was completed. */
export class RewardUnlockEvent extends RetainEvent<RewardDetail> {
  constructor(detail: RewardDetail) {
    super('retain-reward-unlock', detail);
  }
}

/** The shopper chose a reward. Cancelable: cancel it to handle redemption yourself (the link is not followed). */
export class RewardClickEvent extends RetainEvent<RewardDetail> {
  constructor(detail: RewardDetail) {
    super('retain-reward-click', detail, { cancelable: true });
  }
}

/** The shopper opened the panel. */
export class PanelOpenEvent extends RetainEvent<PanelOpenDetail> {
  constructor(detail: PanelOpenDetail) {
    super('retain-panel-open', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'retain-points-change': PointsChangeEvent;
    'retain-tier-change': TierChangeEvent;
    'retain-reward-unlock': RewardUnlockEvent;
    'retain-reward-click': RewardClickEvent;
    'retain-panel-open': PanelOpenEvent;
  }
}
