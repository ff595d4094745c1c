/** The names of the survey's texts, which the language files in translations/ fill in. */
export type SurveyTerm =
  'npsQuestion' | 'csatQuestion' | 'npsLow' | 'npsHigh' | 'csat1' | 'csat2' | 'csat3' | 'csat4' | 'csat5' | 'send' | 'notNow' | 'pick';

export type SurveyActionTerm =
  | 'gave'
  | 'followDetractor'
  | 'followPassive'
  | 'followPromoter'
  | 'optional'
  | 'skip'
  | 'sending'
  | 'failed'
  | 'retry'
  | 'thanks'
  | 'reviewAsk'
  | 'review'
  | 'supportAsk'
  | 'support'
  | 'snoozed';
