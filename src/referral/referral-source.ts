/**
 * The shopper's referral link from the store's endpoint (`referral-src`), asked once per device: the link it
 * issued is remembered in IndexedDB (the link and code only) and read back in every tab and on later pages
 * until `remember` has passed. Loaded after the element's first frame: it brings the storage code with it.
 */
import { isCode } from '../next-order-offer/offer-terms.js';
import { safeUrl, warn } from '../core/config.js';
import { postToStore } from '../core/request.js';
import { storage } from '../core/storage.js';
import { fillPattern, rememberedKey, type Referral, type Remembered } from './referral-link.js';

export interface Ask {
  instance: string;
  url: string;
  timeoutMs: number;
  /** How long an issued link is used without asking again; 0: never remembered. */
  rememberMs: number;
  /** `link-pattern`, checked: a code the store answers without a link goes into it. */
  pattern: string | null;
}

/** The link this device was given before, while it is fresh; undefined when there is none (or storage failed, which it says). */
export async function remembered(ask: Ask): Promise<Referral | undefined> {
  if (!ask.rememberMs) return undefined;
  try {
    const kept = (await storage().get('state', rememberedKey(ask.instance))) as Remembered | undefined;
    if (kept && Date.now() - kept.at < ask.rememberMs) return { link: kept.link, code: kept.code, source: 'store' };
  } catch (error) {
    warn('<retain-referral> could not read the remembered link; asking the store', error);
  }
  return undefined;
}

/**
 * Asks the store's endpoint: `POST url` with `{ instance }` (JSON, same-origin credentials: the store knows its
 * customer by its own session). It answers `{ link, code }` (either may be missing, not both), or refuses with
 * `{ link: null, code: null }` or 204: null. Rejects on a network error, another status, an answer it cannot
 * use, or after the timeout. A link it issued is remembered (failing that, it is used for this page only).
 */
export async function fromStore(ask: Ask): Promise<Referral | null> {
  const { ok, status, answer } = await postToStore(ask.url, { instance: ask.instance }, ask.timeoutMs);
  if (status === 204) return null;
  if (!ok) throw new Error(`the store answered ${status}`);
  const referral = readAnswer(answer, ask.pattern);
  if (referral && ask.rememberMs) {
    const kept: Remembered = { link: referral.link, code: referral.code, at: Date.now() };
    await storage()
      .put('state', kept, rememberedKey(ask.instance))
      .catch((error: unknown) => warn('<retain-referral> could not remember the link', error));
  }
  return referral;
}

function readAnswer(answer: unknown, pattern: string | null): Referral | null {
  const bad = (why: string) => new Error(`the store's answer ${why}: ${JSON.stringify(answer)?.slice(0, 200)}`);
  if (!answer || typeof answer !== 'object') throw bad('is not an object');
  const { link, code } = answer as Record<string, unknown>;
  if ((link === null || link === undefined) && (code === null || code === undefined)) return null;
  if (code !== null && code !== undefined && (typeof code !== 'string' || !isCode(code)))
    throw bad('has a code that is not one (1 to 64 characters, no spaces)');
  let safe: string | null = null;
  if (link !== null && link !== undefined) {
    safe = typeof link === 'string' ? safeUrl(link) : null;
    if (!safe) throw bad('has a link that is not https: or relative');
  }
  const theCode = (code as string | null | undefined) ?? null;
  if (!safe && theCode && pattern) safe = safeUrl(fillPattern(pattern, theCode));
  return { link: safe, code: theCode, source: 'store' };
}
