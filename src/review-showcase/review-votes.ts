/**
 * What the showcase remembers on this device, per product (not per widget instance, so two showcases
 * of one product agree): the helpful votes given (cast by review-vote.ts, loaded on the first click) and
 * when the shopper last looked, for the "new since your last visit" marker.
 */
import { onBroadcast } from '../core/broadcast.js';
import { stored } from '../core/stored.js';

/** A vote: when, and the review's helpful count at the time (so the shown count adds this vote until the store's does). */
export interface Vote {
  at: number;
  base: number;
}
export type Votes = Record<string, Vote>;

interface Visit {
  since?: number;
  seen: number;
}

export const TOPIC = 'review-votes';
/** A gap longer than this starts a new visit; reloads within it keep the marker of the visit. */
export const VISIT_GAP = 30 * 60_000;

const key = (product: string, what: string) => `review-showcase/${product}/${what}`;
export const votesKey = (product: string) => key(product, 'votes');

export async function readVotes(product: string): Promise<Votes> {
  const { storage } = await stored();
  return ((await storage().get('state', votesKey(product))) as Votes | undefined) ?? {};
}

/** Hears votes cast in other tabs. Returns the function that stops listening. */
export function onVote(listener: (product: string, review: string, vote: Vote) => void): () => void {
  return onBroadcast(TOPIC, (m) => listener(m.product as string, m.review as string, m.vote as Vote));
}

/**
 * Records a look at the product's reviews and, in the same transaction, reads this device's votes on
 * them. `since` is the time of the previous visit (undefined on the first): reviews dated after it are
 * new to this shopper.
 */
export async function recordVisit(product: string, now = Date.now()): Promise<{ since?: number; votes: Votes }> {
  const { storage, againIfCutShort } = await stored();
  // Reads, then its one write, and nothing else: safe to run again if the engine cut it short.
  return againIfCutShort(() =>
    storage().transact(['state'], async (tx) => {
      const [row, votes] = await Promise.all([tx.get('state', key(product, 'visit')), tx.get('state', votesKey(product))]);
      const visit = row as Visit | undefined;
      const since = visit && now - visit.seen > VISIT_GAP ? visit.seen : visit?.since;
      await tx.put('state', { since, seen: now } satisfies Visit, key(product, 'visit'));
      return { since, votes: (votes as Votes | undefined) ?? {} };
    }),
  );
}
