/** What the account prompt's events carry: types only, shared by the first render's events and the actions' (account-prompt.action-events.ts). */
import type { RetainDetail } from '../core/events.js';

/** How sign-up reaches the store: a real form POST, a JSON fetch, or only the request event. */
export type AccountMode = 'form' | 'json' | 'event';

/** What the shopper agreed to, for the store's records: forwarded with the events (it names no one). */
export interface AccountConsent {
  /** Ticked "email me news and offers". */
  email: boolean;
  /** Ticked "text me offers". */
  sms: boolean;
  /** The version of the consent text shown (the `consent-version` attribute, else the kit's own). */
  textVersion: string;
  /** When the shopper submitted, as an ISO 8601 timestamp. */
  at: string;
}

export interface AccountShownDetail extends RetainDetail {
  orderId: string;
  /** `guest` saw the sign-up form; `has-account` the log-in link. */
  status: 'guest' | 'has-account';
  variant: 'inline' | 'slide-in';
}

export interface AccountRequestDetail extends RetainDetail {
  orderId: string;
  total: number | null;
  currency: string;
  mode: AccountMode;
  /** Personal: reaches listeners on the page, never forwarded. */
  email: string;
  /** Personal: present when the shopper typed one; never forwarded. */
  password?: string;
  consent: AccountConsent;
}

export interface AccountCreatedDetail extends RetainDetail {
  orderId: string;
  mode: AccountMode;
  consent: AccountConsent;
  /** True when the shopper set no password (the store sends a link to set one). */
  invited: boolean;
}

export interface AccountDismissedDetail extends RetainDetail {
  orderId: string;
  /** Not shown again on this device before this time (ms since the epoch). */
  snoozedUntil: number;
}
