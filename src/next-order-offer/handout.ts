/**
 * Who gets a next-order code. On the device, in one IndexedDB transaction (so that tabs agree): once per
 * order, never while an unexpired offer is held, and a pool code never handed out on this device before.
 * Or the store's endpoint, which decides and may refuse. Loaded after the offer's first frame: it brings
 * the storage code with it.
 */
import { noteHeld } from '../core/held-note.js';
import { randomInt } from '../core/random.js';
import { postToStore } from '../core/request.js';
import { storage } from '../core/storage.js';
import { isCode, offerKey, orderKey, readDiscount, type Discount, type Offer, type OfferTerms } from './offer-terms.js';
import { readTime } from '../core/read-time.js';
import { warn } from '../core/config.js';

/** The widget's name in the held note (core/held-note.ts), as its elements' `widget`. */
const WIDGET = 'next-order-offer';
/** Every pool code handed out on this device, by any instance. */
const HANDED_OUT = 'next-order-offer/codes-handed-out';

/** What was decided about an order: shown, refused by the store, or being asked of the store (since `at`). */
interface Claim {
  at: number;
  outcome: 'shown' | 'asking' | 'refused';
}

export interface Ask {
  instance: string;
  orderId: string;
  /** The codes the store says this order used (upper case): a held offer among them is over. */
  orderCodes: string[];
  terms: OfferTerms;
  pool: string[];
  /** True when the store's endpoint decides: the order is claimed, and the caller asks it. */
  fromStore: boolean;
  ttlMs: number;
  /** The latest a pool code may expire (`expires-at`), or null. */
  until: number | null;
  /** A claim "asking" older than this was left by a page that closed mid-request: the order may be asked again. */
  staleMs: number;
}

export type Decision =
  { kind: 'offer'; offer: Offer } | { kind: 'ask' } | { kind: 'none'; why: 'decided' | 'held' | 'used-up' | 'expired' };

export interface Outcome {
  decision: Decision;
  /** The held offer this order redeemed (now forgotten), if it did. */
  redeemed: Offer | null;
}

/**
 * Decides about one order; see the file comment. The check and every write are one transaction; then the
 * offer the device holds after it is noted for the loader (a reminder loads only where one is held).
 */
export async function decide(ask: Ask): Promise<Outcome> {
  const { instance, orderId } = ask;
  /** The unexpired offer held once decided (set again if the transaction runs again). */
  let kept: Offer | undefined;
  const outcome = await storage().transact(['state'], async (tx): Promise<Outcome> => {
    const now = Date.now();
    let held = (await tx.get('state', offerKey(instance))) as Offer | undefined;
    let redeemed: Offer | null = null;
    if (held && ask.orderCodes.includes(held.code.toUpperCase())) {
      redeemed = held;
      held = undefined;
      await tx.delete('state', offerKey(instance));
    }
    kept = held && held.expiresAt > now ? held : undefined;
    const none = (why: 'decided' | 'held' | 'used-up' | 'expired'): Outcome => ({ decision: { kind: 'none', why }, redeemed });
    const claim = (await tx.get('state', orderKey(instance, orderId))) as Claim | undefined;
    if (claim && !(claim.outcome === 'asking' && now - claim.at > ask.staleMs)) return none('decided');
    if (held && held.expiresAt > now) return none('held');
    const mark = (outcome: Claim['outcome']) => tx.put('state', { at: now, outcome } satisfies Claim, orderKey(instance, orderId));
    // Past the page's expires-at nothing is handed out, from the list or from the store.
    const expiresAt = Math.min(now + ask.ttlMs, ask.until ?? Infinity);
    if (expiresAt <= now) return none('expired');
    if (ask.fromStore) {
      await mark('asking');
      return { decision: { kind: 'ask' }, redeemed };
    }
    const handed = new Set(((await tx.get('state', HANDED_OUT)) as string[] | undefined) ?? []);
    const free = ask.pool.filter((code) => !handed.has(code));
    if (!free.length) return none('used-up');
    // At random: shoppers given the same list in the page are less likely to get the same code.
    const code = free[randomInt(free.length)];
    handed.add(code);
    await tx.put('state', [...handed], HANDED_OUT);
    const offer: Offer = { ...ask.terms, code, expiresAt, handedAt: now, orderId, source: 'pool' };
    await tx.put('state', offer, offerKey(instance));
    await mark('shown');
    kept = offer;
    return { decision: { kind: 'offer', offer }, redeemed };
  });
  noteHeld(WIDGET, instance, kept?.expiresAt ?? null);
  return outcome;
}

/**
 * Gets the store's offer for an order `decide` claimed for asking: keeps it (for the reminder), or remembers a
 * refusal (null). On failure the order is freed to be asked again (a retry, a reload, another tab), and it rejects.
 */
export async function fromStore(ask: Ask, url: string, timeoutMs: number): Promise<Offer | null> {
  const { instance, orderId } = ask;
  let answer: StoreOffer | null;
  try {
    answer = await askStore(url, { orderId, instance }, timeoutMs);
  } catch (error) {
    await release(instance, orderId).catch(() => undefined);
    throw error;
  }
  if (!answer) {
    await refused(instance, orderId).catch(() => undefined);
    return null;
  }
  const now = Date.now();
  const offer: Offer = {
    ...ask.terms,
    ...(answer.minimum !== undefined ? { minimum: answer.minimum } : {}),
    ...(answer.discount ? { discount: answer.discount } : {}),
    code: answer.code,
    // No expiry shown is later than the page's expires-at.
    expiresAt: Math.min(answer.expiresAt ?? now + ask.ttlMs, ask.until ?? Infinity),
    handedAt: now,
    orderId,
    source: 'store',
  };
  try {
    await keep(instance, offer);
    noteHeld(WIDGET, instance, offer.expiresAt);
  } catch (error) {
    warn('<retain-next-order-offer> could not remember the offer for the reminder', error);
  }
  return offer;
}

/** Keeps the store's offer for an order it was asked about. */
function keep(instance: string, offer: Offer): Promise<void> {
  return storage().transact(['state'], async (tx) => {
    await tx.put('state', offer, offerKey(instance));
    await tx.put('state', { at: Date.now(), outcome: 'shown' } satisfies Claim, orderKey(instance, offer.orderId));
  });
}

/** The store refused this order an offer: it is not asked again. */
function refused(instance: string, orderId: string): Promise<void> {
  return storage().put('state', { at: Date.now(), outcome: 'refused' } satisfies Claim, orderKey(instance, orderId));
}

/** Asking the store failed: the order is free to be asked again (a retry, a reload, another tab). */
function release(instance: string, orderId: string): Promise<void> {
  return storage().delete('state', orderKey(instance, orderId));
}

/** The store's answer, checked: a code with its terms, or null when it refused. */
interface StoreOffer {
  code: string;
  expiresAt: number | null;
  minimum?: number | null;
  discount?: Discount | null;
}

/**
 * Asks the store's endpoint: `POST url` with `{ orderId, instance }`. It answers `{ code, expiresAt?, minimum?,
 * discount? }`, or refuses with `{ code: null }` or 204. Rejects on a network error, another status, an answer
 * it cannot use, or after `timeoutMs`.
 */
async function askStore(url: string, body: { orderId: string; instance: string }, timeoutMs: number): Promise<StoreOffer | null> {
  const { ok, status, answer } = await postToStore(url, body, timeoutMs);
  if (status === 204) return null;
  if (!ok) throw new Error(`the store answered ${status}`);
  return readAnswer(answer);
}

function readAnswer(answer: unknown): StoreOffer | null {
  const bad = (why: string) => new Error(`the store's answer ${why}: ${JSON.stringify(answer)?.slice(0, 200)}`);
  if (!answer || typeof answer !== 'object') throw bad('is not an object');
  const { code, expiresAt, minimum, discount } = answer as Record<string, unknown>;
  if (code === null) return null;
  if (typeof code !== 'string' || !isCode(code)) throw bad('has no code (1 to 64 characters, no spaces)');
  const offer: StoreOffer = { code, expiresAt: null };
  if (expiresAt !== undefined && expiresAt !== null) {
    offer.expiresAt = readTime(expiresAt);
    if (!(offer.expiresAt > Date.now())) throw bad('has an expiresAt that is not a time to come');
  }
  if (minimum !== undefined && minimum !== null) {
    if (typeof minimum !== 'number' || !(minimum >= 0)) throw bad('has a minimum that is not an amount');
    offer.minimum = minimum || null;
  }
  if (discount !== undefined && discount !== null) {
    const read = typeof discount === 'string' ? readDiscount(discount) : 'is not text';
    if (typeof read === 'string') throw bad(`has a discount that ${read}`);
    offer.discount = read;
  }
  return offer;
}
