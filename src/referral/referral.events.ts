/** The events of `<retain-referral>`: one class each, named `retain-referral-<what happened>`. */
import { RetainEvent, type RetainDetail } from '../core/events.js';
import type { ReferralSource } from './referral-link.js';
import type { Channel } from './share-links.js';

export type { Channel, ReferralSource };

export interface ReferralDetail extends RetainDetail {
  /** The shopper's referral link; null when only a code is shared. */
  link: string | null;
  /** The referral code, when the store gave one. */
  code: string | null;
}

export interface ReferralShownDetail extends ReferralDetail {
  source: ReferralSource;
}

export interface ReferralSharedDetail extends ReferralDetail {
  /** Where: the device's share sheet (`native`), or a link to `email`, `whatsapp`, `telegram`, `sms`. */
  channel: Channel;
}

export interface ReferralCopiedDetail extends ReferralDetail {
  /** What was copied: the link, or the code where there is no link. */
  copied: 'link' | 'code';
}

/** The referral came half into view (once per page view). Counted as `seen`. */
export class RetainReferralShownEvent extends RetainEvent<ReferralShownDetail> {
  constructor(detail: ReferralShownDetail) {
    super('retain-referral-shown', detail);
  }
}

/** The shopper shared the link: the share sheet completed, or a messaging or email link was followed. Counted as `shared`. */
export class RetainReferralSharedEvent extends RetainEvent<ReferralSharedDetail> {
  constructor(detail: ReferralSharedDetail) {
    super('retain-referral-shared', detail);
  }
}

/** The shopper copied the link (or the code). Counted as `copied`. */
export class RetainReferralCopiedEvent extends RetainEvent<ReferralCopiedDetail> {
  constructor(detail: ReferralCopiedDetail) {
    super('retain-referral-copied', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'retain-referral-shown': RetainReferralShownEvent;
    'retain-referral-shared': RetainReferralSharedEvent;
    'retain-referral-copied': RetainReferralCopiedEvent;
  }
}
