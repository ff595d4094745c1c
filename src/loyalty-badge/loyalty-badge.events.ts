/** The loyalty badge's events: one class each, declared on `GlobalEventHandlersEventMap`. */
import { RetainEvent, type RetainDetail } from '../core/events.js';

/** Where the figures shown come from. */
export type PointsSource = 'store' | 'verified' | 'estimate';

export interface PointsChangedDetail extends RetainDetail {
  from: number;
  to: number;
  delta: number;
  source: PointsSource;
}

export interface TierChangedDetail extends RetainDetail {
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

export type PanelOpenedDetail = RetainDetail;

/** The points differ from what this device showed last visit (not on the first visit ever). */
export class RetainPointsChangedEvent extends RetainEvent<PointsChangedDetail> {
  constructor(detail: PointsChangedDetail) {
    super('retain-points-changed', detail);
  }
}

/** The tier differs from last visit. */
export class RetainTierChangedEvent extends RetainEvent<TierChangedDetail> {
  constructor(detail: TierChangedDetail) {
    super('retain-tier-changed', detail);
  }
}

/** Since last visit the points crossed a reward's cost, or a punch card was completed. */
export class RetainRewardUnlockedEvent extends RetainEvent<RewardDetail> {
  constructor(detail: RewardDetail) {
    super('retain-reward-unlocked', detail);
  }
}

/** The shopper chose a reward. Cancelable: cancel it to handle redemption yourself (the link is not followed). */
export class RetainRewardClickedEvent extends RetainEvent<RewardDetail> {
  constructor(detail: RewardDetail) {
    super('retain-reward-clicked', detail, { cancelable: true });
  }
}

/** The shopper opened the panel. */
export class RetainPanelOpenedEvent extends RetainEvent<PanelOpenedDetail> {
  constructor(detail: PanelOpenedDetail) {
    super('retain-panel-opened', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'retain-points-changed': RetainPointsChangedEvent;
    'retain-tier-changed': RetainTierChangedEvent;
    'retain-reward-unlocked': RetainRewardUnlockedEvent;
    'retain-reward-clicked': RetainRewardClickedEvent;
    'retain-panel-opened': RetainPanelOpenedEvent;
  }
}
