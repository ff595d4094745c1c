/** The names of the account prompt's texts, which the language files in translations/ fill in. */
export type AccountTerm =
  | 'title'
  | 'track'
  | 'fast'
  | 'points'
  | 'email'
  | 'password'
  | 'optional'
  | 'pwHint'
  | 'news'
  | 'byEmail'
  | 'bySms'
  | 'create'
  | 'retry'
  | 'no'
  | 'sending'
  | 'failed'
  | 'link'
  | 'haveTitle'
  | 'have'
  | 'login';

export type ActionTerm = 'doneTitle' | 'done' | 'sent' | 'dismissed' | 'close' | 'emailBad' | 'pwMissing';
