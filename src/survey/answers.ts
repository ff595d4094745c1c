/**
 * What `<retain-survey>` remembers and how a score is read: shared by the element (which claims an order
 * when it shows) and its actions (which record the answer). Pure: no storage here.
 */
import type { SurveyCategory, SurveyType } from './survey.events.js';

/** "Not now": `{ until }`. Device-wide, not per order: the shopper asked for quiet. */
export const SNOOZE_KEY = 'survey/snooze';
/** An order's survey: `{ shownAt, answeredAt? }`. Never the score or the comment. */
export const orderKey = (orderId: string) => `survey/order/${orderId}`;

export interface OrderRow {
  shownAt: number;
  answeredAt?: number;
}

/** The scores offered: NPS 0–10, CSAT 1–5. */
export const scale = (type: SurveyType): number[] => (type === 'nps' ? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] : [1, 2, 3, 4, 5]);

/** Where a score falls (see `SurveyCategory`). */
export function categoryOf(type: SurveyType, score: number): SurveyCategory {
  if (type === 'nps') return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
  return score >= 4 ? 'promoter' : score === 3 ? 'passive' : 'detractor';
}
