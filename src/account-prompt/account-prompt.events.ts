/**
 * The events of `<retain-account-prompt>`: the class of the one the first render fires, and their details
 * (account-prompt.details.ts) re-exported. The classes of the events that follow the shopper's actions are in account-prompt.action-events.ts, in
 * the chunk of the actions that fire them; they are re-exported here as types.
 */
import { RetainEvent } from '../core/events.js';
import type { RetainAccountCreatedEvent, RetainAccountDismissedEvent, RetainAccountRequestEvent } from './account-prompt.action-events.js';
import type {
  AccountMode,
  AccountConsent,
  AccountShownDetail,
  AccountRequestDetail,
  AccountCreatedDetail,
  AccountDismissedDetail,
} from './account-prompt.details.js';

export type { AccountMode, AccountConsent, AccountShownDetail, AccountRequestDetail, AccountCreatedDetail, AccountDismissedDetail };

export type { RetainAccountCreatedEvent, RetainAccountDismissedEvent, RetainAccountRequestEvent };

/** The prompt was shown for an order (at most once per order on this device). */
export class RetainAccountShownEvent extends RetainEvent<AccountShownDetail> {
  constructor(detail: AccountShownDetail) {
    super('retain-account-shown', detail);
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
