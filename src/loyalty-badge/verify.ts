/**
 * The badge's side of snapshot verification: reads its attributes, verifies, and on any problem says
 * so once in the console. Loaded (with `snapshot.ts`) only by badges that carry a snapshot, so most
 * stores never download it.
 */
import { formatDuration, parseDuration, warnInvalid } from '../core/config.js';
import { importPublicKey, verifySnapshot, type Rejection, type Snapshot } from './snapshot.js';

const ESTIMATE = 'showing the estimate instead';
const WHY: Record<Exclude<Rejection, 'stale'>, string> = {
  signature: 'does not match the snapshot and public-key (altered, or signed with another key)',
  payload: 'is not a balance snapshot with points and issuedAt',
  future: 'was issued in the future',
  expired: 'has expired',
  customer: 'belongs to another customer',
};

/** The badge's attributes that verification reads (besides the snapshot's text). */
export interface SnapshotInputs extends Element {
  signature: string | null;
  publicKey: string | null;
  customer: string | null;
  snapshotMaxAge: string | null;
}

/** The snapshot `text` when it verifies; else null, after one warning naming the attribute at fault. */
export async function verifyFor(el: SnapshotInputs, text: string): Promise<Snapshot | null> {
  const maxAgeMs = parseDuration(el, 'snapshot-max-age', el.snapshotMaxAge, 7 * 86_400_000, { min: 1000 });
  const key = el.publicKey?.trim() ?? '';
  const signature = el.signature?.trim() ?? '';
  if (!key || !signature) {
    warnInvalid(el, key ? 'signature' : 'public-key', null, 'is missing, so the snapshot cannot be verified', ESTIMATE);
    return null;
  }
  if (!globalThis.crypto?.subtle) {
    warnInvalid(el, 'snapshot', text, 'cannot be verified here (WebCrypto needs https:)', ESTIMATE);
    return null;
  }
  let imported: CryptoKey;
  try {
    imported = await importPublicKey(key);
  } catch (error) {
    const why = (error as Error).message;
    warnInvalid(el, 'public-key', key, why.startsWith('is ') ? why : 'is not a P-256 public key (JWK, or SPKI in base64 or PEM)', ESTIMATE);
    return null;
  }
  const options = { maxAgeMs, customer: el.customer?.trim() || undefined };
  let verdict = await verifySnapshot(text, signature, imported, options);
  // The text as signed, else without the whitespace around it: a script child indented in the page's template.
  if (!verdict.ok && verdict.reason === 'signature' && text.trim() !== text)
    verdict = await verifySnapshot(text.trim(), signature, imported, options);
  if (verdict.ok) return verdict.snapshot;
  const { reason } = verdict;
  if (reason === 'stale') warnInvalid(el, 'snapshot', text, `is older than ${formatDuration(maxAgeMs)}`, ESTIMATE);
  else warnInvalid(el, reason === 'signature' ? 'signature' : 'snapshot', reason === 'signature' ? signature : text, WHY[reason], ESTIMATE);
  return null;
}
