/**
 * Signed balance snapshots: the store's own figures, carried through the page (or a cache, or a script)
 * with proof that the store issued them.
 *
 * Format. `snapshot` is JSON text, e.g.
 *   {"customer":"c_1842","points":1240,"pending":60,"tier":"Silver","orders":3,"issuedAt":1767225600000}
 * (`points` required, ≥ 0; `pending`, `orders` optional, ≥ 0; `tier`, `customer` optional strings;
 * `issuedAt` required, milliseconds since the epoch or an ISO 8601 date; `expiresAt` optional, the same).
 * `signature` is ECDSA P-256 with SHA-256 over the exact UTF-8 bytes of that text, base64url (or base64),
 * as the 64-byte r‖s (IEEE P1363, what WebCrypto makes) or DER (what OpenSSL and most backends make).
 * `public-key` is the store's public key: a JWK (`{"kty":"EC","crv":"P-256","x":…,"y":…}`) or SPKI,
 * base64 or PEM.
 */

export interface Snapshot {
  customer?: string;
  points: number;
  pending: number;
  tier: string | null;
  orders: number | null;
  issuedAt: number;
  expiresAt?: number;
}

export type Rejection = 'signature' | 'payload' | 'stale' | 'future' | 'expired' | 'customer';
export type Verdict = { ok: true; snapshot: Snapshot } | { ok: false; reason: Rejection };

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
/** Clocks disagree: a snapshot up to this far in the future is still accepted. */
const SKEW_MS = 5 * 60_000;

/** base64url or base64 (with or without padding, whitespace ignored) to bytes; throws when malformed. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const b64 = text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) throw new SyntaxError('not base64');
  const binary = atob(b64.padEnd(Math.ceil(b64.length / 4) * 4, '='));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * Imports the store's public key (JWK, or SPKI as base64 or PEM). Throws a message the element can
 * show when it is not a P-256 public key; refuses a private JWK outright.
 */
export async function importPublicKey(text: string): Promise<CryptoKey> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    const jwk = JSON.parse(trimmed) as JsonWebKey;
    if (jwk.d) throw new Error('is a PRIVATE key: never put it in a page; give the public key only');
    const { kty, crv, x, y } = jwk;
    return crypto.subtle.importKey('jwk', { kty, crv, x, y }, ALGORITHM, false, ['verify']);
  }
  const body = trimmed.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '');
  return crypto.subtle.importKey('spki', fromBase64(body), ALGORITHM, false, ['verify']);
}

/** A DER `SEQUENCE { INTEGER r, INTEGER s }` as the 64-byte r‖s WebCrypto verifies; other input as is. */
export function p1363(signature: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  if (signature.length === 64 || signature[0] !== 0x30) return signature;
  const out = new Uint8Array(64);
  let at = signature[1] & 0x80 ? 2 + (signature[1] & 0x7f) : 2;
  for (let half = 0; half < 2; half++) {
    if (signature[at] !== 0x02) return signature;
    const length = signature[at + 1];
    let int = signature.subarray(at + 2, at + 2 + length);
    while (int.length > 32 && int[0] === 0) int = int.subarray(1);
    if (int.length > 32) return signature;
    out.set(int, half * 32 + 32 - int.length);
    at += 2 + length;
  }
  return out;
}

/**
 * ms since the epoch, or ISO 8601. A date-time without an offset is the server's UTC (Python's
 * `datetime.utcnow().isoformat()`), not the shopper's local time, where `Date.parse` puts it: west of Greenwich a
 * snapshot issued now would be "issued in the future", east of it hours older than it is.
 */
function time(value: unknown): number | undefined {
  const t = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(/T[\d:.]+$/.test(value) ? `${value}Z` : value) : NaN;
  return Number.isFinite(t) ? t : undefined;
}

function count(value: unknown): number | null | undefined {
  if (value === undefined || value === null) return null;
  return typeof value === 'number' && value >= 0 ? value : undefined;
}

/** The payload's fields, checked; undefined when it is not a snapshot. */
export function readSnapshot(text: string): Snapshot | undefined {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object') return undefined;
  const points = count(data.points);
  const pending = count(data.pending);
  const orders = count(data.orders);
  const issuedAt = time(data.issuedAt);
  const expiresAt = data.expiresAt === undefined ? undefined : time(data.expiresAt);
  const tier = data.tier === undefined || data.tier === null ? null : typeof data.tier === 'string' ? data.tier : undefined;
  const customer = data.customer === undefined ? undefined : String(data.customer);
  if (points == null || pending === undefined || orders === undefined || issuedAt === undefined || tier === undefined) return undefined;
  if (data.expiresAt !== undefined && expiresAt === undefined) return undefined;
  return { customer, points, pending: pending ?? 0, tier, orders, issuedAt, expiresAt };
}

export interface VerifyOptions {
  /** Milliseconds since the epoch; defaults to now. */
  now?: number;
  /** Older snapshots are stale. */
  maxAgeMs: number;
  /** When given, the snapshot must be this customer's. */
  customer?: string;
}

/**
 * Checks a snapshot: the signature over the exact text first, then the payload, its age and its
 * customer. Never throws for bad input; the key must already be imported.
 */
export async function verifySnapshot(text: string, signature: string, key: CryptoKey, options: VerifyOptions): Promise<Verdict> {
  let valid = false;
  try {
    valid = await crypto.subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      key,
      p1363(fromBase64(signature)),
      new TextEncoder().encode(text),
    );
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: 'signature' };
  const snapshot = readSnapshot(text);
  if (!snapshot) return { ok: false, reason: 'payload' };
  const now = options.now ?? Date.now();
  if (snapshot.issuedAt > now + SKEW_MS) return { ok: false, reason: 'future' };
  if (snapshot.expiresAt !== undefined && snapshot.expiresAt <= now) return { ok: false, reason: 'expired' };
  if (now - snapshot.issuedAt > options.maxAgeMs) return { ok: false, reason: 'stale' };
  if (options.customer && snapshot.customer !== options.customer) return { ok: false, reason: 'customer' };
  return { ok: true, snapshot };
}
