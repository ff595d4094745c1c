/**
 * Casting a helpful vote, and its event: loaded on the first click of "Helpful" (reading the votes
 * already given, when the cards show, stays in review-votes.ts).
 */
import { broadcast } from '../core/broadcast.js';
import { RetainEvent } from '../core/events.js';
import { againIfCutShort, storage } from '../core/storage.js';
import type { ReviewVotedDetail } from './review-showcase.details.js';
import { TOPIC, votesKey, type Vote, type Votes } from './review-votes.js';

/** The shopper found a review helpful: once per review per device; the store records it. */
export class RetainReviewVotedEvent extends RetainEvent<ReviewVotedDetail> {
  constructor(detail: ReviewVotedDetail) {
    super('retain-review-voted', detail);
  }
}

/**
 * Records a helpful vote unless this device already gave one for the review (here or in another tab:
 * the check and the write are one transaction). True when this call recorded it.
 */
export async function castVote(product: string, review: string, base: number): Promise<boolean> {
  const vote: Vote = { at: Date.now(), base };
  const key = votesKey(product);
  // A read, then its one write, and nothing else until it is done: safe to run again if the engine cut it short.
  const recorded = await againIfCutShort(() =>
    storage().transact(['state'], async (tx) => {
      const votes = ((await tx.get('state', key)) as Votes | undefined) ?? {};
      if (votes[review]) return false;
      votes[review] = vote;
      await tx.put('state', votes, key);
      return true;
    }),
  );
  if (recorded) broadcast({ topic: TOPIC, product, review, vote });
  return recorded;
}
