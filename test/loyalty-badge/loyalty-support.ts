/** Test helpers for the loyalty badge: a store's key pair, signing as the store's backend would. */

export interface StoreKeys {
  privateKey: CryptoKey;
  /** The public key as a JWK (JSON text), SPKI base64, and PEM. */
  jwk: string;
  spki: string;
  pem: string;
  /** The private key as a JWK, to check that the badge refuses it. */
  privateJwk: string;
}

export async function makeStoreKeys(): Promise<StoreKeys> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const spkiBytes = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  const spki = btoa(String.fromCharCode(...spkiBytes));
  const pem = `-----BEGIN PUBLIC KEY-----\n${spki.replace(/(.{64})/g, '$1\n')}\n-----END PUBLIC KEY-----\n`;
  const privateJwk = JSON.stringify(await crypto.subtle.exportKey('jwk', pair.privateKey));
  return { privateKey: pair.privateKey, jwk: JSON.stringify(jwk), spki, pem, privateJwk };
}

/** ECDSA P-256 / SHA-256 over the UTF-8 bytes of `text`, base64url (r‖s). */
export async function signSnapshot(keys: StoreKeys, text: string): Promise<string> {
  const signature = new Uint8Array(
    await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.privateKey, new TextEncoder().encode(text)),
  );
  return btoa(String.fromCharCode(...signature))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** The DER form (SEQUENCE of two INTEGERs) of a 64-byte r‖s signature. */
export function derSignature(raw: Uint8Array): Uint8Array<ArrayBuffer> {
  const int = (bytes: Uint8Array) => {
    let i = 0;
    while (i < bytes.length - 1 && bytes[i] === 0) i++;
    const body = [...bytes.subarray(i)];
    if (body[0] & 0x80) body.unshift(0);
    return [0x02, body.length, ...body];
  };
  const seq = [...int(raw.subarray(0, 32)), ...int(raw.subarray(32))];
  return new Uint8Array([0x30, seq.length, ...seq]);
}
