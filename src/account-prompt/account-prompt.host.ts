/**
 * What the account prompt's actions (account-prompt.actions.ts, loaded at the first sign of interest) use
 * of the element: they depend on this, not on the element's module, which loads them.
 */
import type { CounterName } from '../core/counters.js';
import type { RetainElement } from '../core/element.js';
import type { RetainEvent } from '../core/events.js';
import type { AccountMode } from './account-prompt.details.js';
import type { AccountTerm } from './account-prompt.terms.js';

export type Phase = 'pending' | 'hidden' | 'invite' | 'sending' | 'error' | 'done' | 'sent' | 'dismissed';

export type ConsentChannel = 'email' | 'sms';

export interface Config {
  orderId: string;
  total: number | null;
  currency: string;
  email: string;
  status: 'guest' | 'has-account' | 'logged-in';
  points: number;
  action: string | null;
  mode: AccountMode;
  password: 'required' | 'optional' | 'none';
  channels: ConsentChannel[];
  snoozeMs: number;
  slideIn: boolean;
  loginUrl: string | null;
}

export interface AccountPromptHost extends RetainElement {
  phase: Phase;
  errors: { email?: string; password?: string };
  failure: string;
  cfg: Config;
  t(key: AccountTerm, args?: Record<string, unknown>): string;
  textVersion(): string;
  close(): void;
  tell(name: CounterName, event: RetainEvent): Promise<boolean>;
}
