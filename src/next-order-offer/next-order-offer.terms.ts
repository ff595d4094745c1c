/** The names of the offer's texts, which the language files in translations/ fill in. */
export type OfferTerm =
  | 'title'
  | 'yourCode'
  | 'percent'
  | 'amount'
  | 'shipping'
  | 'minimum'
  | 'copy'
  | 'copied'
  | 'copyFailed'
  | 'apply'
  | 'expires'
  | 'inClock'
  | 'expired'
  | 'asking'
  | 'error'
  | 'retry';
