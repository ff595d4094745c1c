import { storage } from './storage.js';

/**
 * Whether a once-per-order widget (the account prompt, the survey) shows for this order: not while the
 * shopper's "no thanks" snooze (`{ until }` at `snoozeKey`) runs, and only the first time for the order.
 * When it shows, the showing is written at `orderKey` in the same transaction, so two tabs cannot both show.
 */
export function claimFirstShowing(snoozeKey: string, orderKey: string): Promise<boolean> {
  return storage().transact(['state'], async (tx) => {
    const now = Date.now();
    const snoozed = (await tx.get('state', snoozeKey)) as { until: number } | undefined;
    if (snoozed && snoozed.until > now) return false;
    if (await tx.get('state', orderKey)) return false;
    await tx.put('state', { shownAt: now }, orderKey);
    return true;
  });
}
