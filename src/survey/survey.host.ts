/**
 * What the survey's actions (survey.actions.ts, loaded at the first sign of interest) use of the element:
 * they depend on this, not on the element's module, which loads them.
 */
import type { CounterName } from '../core/counters.js';
import type { RetainElement } from '../core/element.js';
import type { RetainEvent } from '../core/events.js';
import type { SurveyCategory, SurveyType } from './survey.events.js';
import type { SurveyTerm } from './survey.terms.js';

/** @internal */
export type SurveyPhase = 'pending' | 'hidden' | 'ask' | 'follow' | 'thanks' | 'snoozed';

/** @internal The attributes, parsed. */
export interface SurveyConfig {
  orderId: string;
  type: SurveyType;
  question: string | null;
  followUp: string | null;
  action: string | null;
  snoozeMs: number;
  reviewUrl: string | null;
  supportUrl: string | null;
  reviewFor: 'promoters' | 'everyone';
}

export interface SurveyHost extends RetainElement {
  phase: SurveyPhase;
  score: number | null;
  category: SurveyCategory;
  busy: boolean;
  failed: boolean;
  cfg: SurveyConfig;
  answerId: string;
  t(key: SurveyTerm): string;
  tell(name: CounterName, event: RetainEvent, leaving?: boolean): Promise<boolean>;
}
