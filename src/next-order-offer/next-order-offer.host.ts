/**
 * What the offer's reminder (reminder.ts, loaded with the reminder) uses of the element: it depends on
 * this, not on the element's module, which loads it.
 */
import type { TemplateResult } from 'lit';
import type { RetainElement } from '../core/element.js';
import type { LocalizeController } from '../core/localize.js';
import type { Offer, OfferTerms } from './offer-terms.js';
import type { OfferTerm } from './next-order-offer.terms.js';

/** @internal Where a code is shown: the order page's card, or the header reminder. */
export type View = 'card' | 'reminder';

export interface OfferHost extends RetainElement {
  readonly l: LocalizeController<OfferTerm>;
  open: boolean;
  said: string;
  warm(): void;
  benefit(terms: OfferTerms): string | null;
  terms(terms: OfferTerms): TemplateResult;
  actions(offer: Pick<Offer, 'code' | 'applyUrl'>, view: View): TemplateResult;
  expiry(expiresAt: number): TemplateResult;
}
