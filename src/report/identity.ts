/**
 * Customer identities are hashed before anything is kept: the report's figures, what IndexedDB stores
 * and what the element shows carry only the SHA-256 (hex) of the lower-cased email (else the customer
 * id, else the name, when the export has no email), as the report model says.
 */

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let hex = '';
  for (const byte of digest) hex += HEX[byte];
  return hex;
}

/**
 * Hashes every distinct identity once. `onProgress` is told after each batch (the worker reports it);
 * batches keep a few hundred digests in flight rather than 100,000.
 */
export async function hashIdentities(
  identities: Iterable<string>,
  onProgress?: (done: number, total: number) => void,
): Promise<Map<string, string>> {
  const distinct = [...new Set(identities)];
  const hashes = new Map<string, string>();
  const BATCH = 500;
  for (let start = 0; start < distinct.length; start += BATCH) {
    const batch = distinct.slice(start, start + BATCH);
    const digests = await Promise.all(batch.map(sha256Hex));
    batch.forEach((identity, i) => hashes.set(identity, digests[i]));
    onProgress?.(Math.min(start + BATCH, distinct.length), distinct.length);
  }
  return hashes;
}
