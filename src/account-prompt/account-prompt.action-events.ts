/**
 * The classes of the events that follow the shopper's actions (their details and the event map are in
 * account-prompt.events.ts). Apart, so that they load with the actions (account-prompt.actions.ts).
 */
import { RetainEvent } from '../core/events.js';
import type { AccountCreatedDetail, AccountDismissedDetail, AccountRequestDetail } from './account-prompt.details.js';

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
