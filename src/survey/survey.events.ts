/** The events of `<retain-survey>`: one class each, named `retain-survey-<what happened>`. */
import { RetainEvent, type RetainDetail } from '../core/events.js';

/** NPS: 0–10, "how likely are you to recommend us"; CSAT: 1–5, "how satisfied are you". */
export type SurveyType = 'nps' | 'csat';

/**
 * Where a score falls. NPS: promoter 9–10, passive 7–8, detractor 0–6 (Net Promoter's own bands). CSAT:
 * promoter 4–5 (satisfied), passive 3, detractor 1–2.
 */
export type SurveyCategory = 'promoter' | 'passive' | 'detractor';

export interface SurveyShownDetail extends RetainDetail {
  orderId: string;
  type: SurveyType;
}

export interface SurveyAnsweredDetail extends RetainDetail {
  orderId: string;
  type: SurveyType;
  score: number;
  /** The top of the scale: 10 (NPS) or 5 (CSAT). */
  max: number;
  category: SurveyCategory;
}

export interface SurveyCommentedDetail extends RetainDetail {
  orderId: string;
  /** The `id` of the `retain-survey-answered` event this comment follows. */
  answerId: string;
  /** What the shopper wrote. Personal (it may name them): reaches listeners on the page and `action`, never forwarded. */
  comment: string;
}

export interface SurveyDismissedDetail extends RetainDetail {
  orderId: string;
  /** No survey on this device before this time (ms since the epoch). */
  snoozedUntil: number;
}

export interface SurveyLinkDetail extends RetainDetail {
  orderId: string;
  link: 'review' | 'support';
  url: string;
  category: SurveyCategory;
}

/** The survey was shown for an order (at most once per order on this device). Counted as `seen`. */
export class RetainSurveyShownEvent extends RetainEvent<SurveyShownDetail> {
  constructor(detail: SurveyShownDetail) {
    super('retain-survey-shown', detail);
  }
}

/** The shopper sent a score (once per order). Counted as `answered`. */
export class RetainSurveyAnsweredEvent extends RetainEvent<SurveyAnsweredDetail> {
  constructor(detail: SurveyAnsweredDetail) {
    super('retain-survey-answered', detail);
  }
}

/** The shopper sent the optional follow-up text. Counted as `commented`. `comment` is never forwarded. */
export class RetainSurveyCommentedEvent extends RetainEvent<SurveyCommentedDetail> {
  constructor(detail: SurveyCommentedDetail) {
    super('retain-survey-commented', detail, { personal: ['comment'] });
  }
}

/** The shopper said "not now": no survey on this device for a while. Counted as `dismissed`. */
export class RetainSurveyDismissedEvent extends RetainEvent<SurveyDismissedDetail> {
  constructor(detail: SurveyDismissedDetail) {
    super('retain-survey-dismissed', detail);
  }
}

/** The shopper followed the thank-you's review or support link. Counted as `followed`. */
export class RetainSurveyLinkFollowedEvent extends RetainEvent<SurveyLinkDetail> {
  constructor(detail: SurveyLinkDetail) {
    super('retain-survey-link-followed', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'retain-survey-shown': RetainSurveyShownEvent;
    'retain-survey-answered': RetainSurveyAnsweredEvent;
    'retain-survey-commented': RetainSurveyCommentedEvent;
    'retain-survey-dismissed': RetainSurveyDismissedEvent;
    'retain-survey-link-followed': RetainSurveyLinkFollowedEvent;
  }
}
