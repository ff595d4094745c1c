/** The events of `<retain-account-prompt>`. */
import { RetainEvent, type RetainDetail } from '../core/events.js';

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

/** The prompt was shown for an order (at most once per order on this device). */
export class RetainAccountShownEvent extends RetainEvent<AccountShownDetail> {
  constructor(detail: AccountShownDetail) {
    super('retain-account-shown', detail);
  }
}

/**
 * The shopper asked for an account. Cancelable: `preventDefault()` stops the prompt from sending
 * anything (the store takes over); `respondWith(promise)` does the same and lets the prompt show the
 * outcome: fulfilled → success, rejected → error with retry (a rejection with a string shows it).
 */
export class RetainAccountRequestEvent extends RetainEvent<AccountRequestDetail> {
  response?: Promise<unknown>;

  constructor(detail: AccountRequestDetail) {
    super('retain-account-request', detail, { cancelable: true, personal: ['email', 'password'] });
  }

  respondWith(response: Promise<unknown>): void {
    this.response = response;
    this.preventDefault();
  }
}

/** The store answered 2xx (JSON mode) or the promise given to `respondWith` fulfilled. */
export class RetainAccountCreatedEvent extends RetainEvent<AccountCreatedDetail> {
  constructor(detail: AccountCreatedDetail) {
    super('retain-account-created', detail);
  }
}

/** The shopper said "no thanks": snoozed on this device. */
export class RetainAccountDismissedEvent extends RetainEvent<AccountDismissedDetail> {
  constructor(detail: AccountDismissedDetail) {
    super('retain-account-dismissed', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'retain-account-shown': RetainAccountShownEvent;
    'retain-account-request': RetainAccountRequestEvent;
    'retain-account-created': RetainAccountCreatedEvent;
    'retain-account-dismissed': RetainAccountDismissedEvent;
  }
}
