import { expect } from '@open-wc/testing';
import { fromBase64, importPublicKey, p1363, readSnapshot, verifySnapshot } from '../../src/loyalty-badge/snapshot.js';
import { derSignature, makeStoreKeys, signSnapshot, type StoreKeys } from './loyalty-support.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 10);

describe('loyalty snapshot', () => {
  let keys: StoreKeys;
  before(async () => {
    keys = await makeStoreKeys();
  });

  const payload = (fields: Record<string, unknown> = {}) =>
    JSON.stringify({ customer: 'c_1842', points: 1240, pending: 60, tier: 'Silver', orders: 3, issuedAt: NOW - 3_600_000, ...fields });

  it('accepts a snapshot signed by the store (JWK and SPKI keys)', async () => {
    const text = payload();
    const signature = await signSnapshot(keys, text);
    for (const publicKey of [keys.jwk, keys.spki, keys.pem]) {
      const key = await importPublicKey(publicKey);
      const verdict = await verifySnapshot(text, signature, key, { now: NOW, maxAgeMs: 7 * DAY });
      expect(verdict).to.deep.equal({
        ok: true,
        snapshot: {
          customer: 'c_1842',
          points: 1240,
          pending: 60,
          tier: 'Silver',
          orders: 3,
          issuedAt: NOW - 3_600_000,
          expiresAt: undefined,
        },
      });
    }
  });

  it('accepts a DER signature as backends (OpenSSL, Java, Go) make them', async () => {
    const text = payload();
    const raw = fromBase64(await signSnapshot(keys, text));
    const der = derSignature(raw);
    expect(der[0]).to.equal(0x30);
    expect([...p1363(der)]).to.deep.equal([...raw]);
    const b64url = btoa(String.fromCharCode(...der))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    const verdict = await verifySnapshot(text, b64url, await importPublicKey(keys.jwk), { now: NOW, maxAgeMs: DAY });
    expect(verdict.ok).to.equal(true);
  });

  it("verifies what the recipes of docs/loyalty-badge.md make: Node's crypto (P1363 and DER) and the openssl command line", async () => {
    // Made once with: generateKeyPairSync('ec', { namedCurve: 'P-256' }) and
    // sign('sha256', Buffer.from(snapshot, 'utf8'), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url'),
    // and with the default (DER) encoding in base64.
    const node = {
      pem: '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAESWoALd6UcVp+9EDQmah/Evt6piUW\nVP8WWdivB9+ZOOug6I0dWvAJDZ4rrjF2tki0rOuU9TdHjpFvCRUFyjYIPA==\n-----END PUBLIC KEY-----\n',
      jwk: '{"kty":"EC","x":"SWoALd6UcVp-9EDQmah_Evt6piUWVP8WWdivB9-ZOOs","y":"oOiNHVrwCQ2eK64xdrZItKzrlPU3R46RbwkVBco2CDw","crv":"P-256"}',
      snapshot: '{"customer":"c_1842","points":1240,"pending":60,"tier":"Silver","orders":3,"issuedAt":"2026-01-10T09:00:00Z"}',
      p1363: 'GliWG0OHSf8hOfJI9lxpB7YKegwdEddsn6YZiXCRQcSXP6LTj7npiWmZnhJT4DZ-Sgm-gmRxpguvnH62T1i5Rg',
      der: 'MEYCIQC/AaOTthWI97xfeIv9ULgAqidW3DspRpRLbWZ7SM/c+wIhAO3R8SDj60oOMXjKFMeN8Lt3N+0Tsie1Caw2lyEfAVIr',
    };
    const at = Date.parse('2026-01-10T10:00:00Z');
    for (const publicKey of [node.pem, node.jwk]) {
      const key = await importPublicKey(publicKey);
      for (const signature of [node.p1363, node.der]) {
        const verdict = await verifySnapshot(node.snapshot, signature, key, { now: at, maxAgeMs: DAY });
        expect(verdict.ok, signature).to.equal(true);
      }
    }
    // openssl ecparam -name prime256v1 -genkey -noout -out key.pem; openssl ec -in key.pem -pubout;
    // printf '%s' "$SNAPSHOT" | openssl dgst -sha256 -sign key.pem | openssl base64 -A
    const openssl = {
      pem: '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEFrccCXHvbnHWW1H3cUZPP0cIn48D\n348JsCOjVPg5/C0FgEKjYSWwCLl5KfuEnw8wqKDJCt374ldHGyOI6cYHhQ==\n-----END PUBLIC KEY-----',
      snapshot: '{"points":480,"tier":"Bronze","issuedAt":"2026-01-10T09:00:00Z","expiresAt":"2026-01-11T09:00:00Z"}',
      der: 'MEYCIQDQE+r5T5abRePOt9EhMoWuNN101N1vXa8XwAmlmV1d1gIhAMAOxXbAn7EjPwB4t0jSTgb1t41rZLUnzvPBU/dH+cDp',
    };
    const key = await importPublicKey(openssl.pem);
    expect((await verifySnapshot(openssl.snapshot, openssl.der, key, { now: at, maxAgeMs: DAY })).ok).to.equal(true);
    expect(
      await verifySnapshot(openssl.snapshot, openssl.der, key, { now: Date.parse('2026-01-11T09:00:01Z'), maxAgeMs: 7 * DAY }),
    ).to.deep.equal({
      ok: false,
      reason: 'expired',
    });
  });

  it('rejects a tampered payload, a tampered signature and another key', async () => {
    const text = payload();
    const signature = await signSnapshot(keys, text);
    const key = await importPublicKey(keys.jwk);
    const options = { now: NOW, maxAgeMs: 7 * DAY };
    expect(await verifySnapshot(text.replace('1240', '9240'), signature, key, options)).to.deep.equal({ ok: false, reason: 'signature' });
    // Even a change that means the same JSON (a space) is refused: the bytes are signed.
    expect(await verifySnapshot(text.replace(',', ', '), signature, key, options)).to.deep.equal({ ok: false, reason: 'signature' });
    const flipped = (signature[5] === 'A' ? 'B' : 'A') + '';
    expect(await verifySnapshot(text, signature.slice(0, 5) + flipped + signature.slice(6), key, options)).to.deep.equal({
      ok: false,
      reason: 'signature',
    });
    expect(await verifySnapshot(text, 'not base64!', key, options)).to.deep.equal({ ok: false, reason: 'signature' });
    const other = await makeStoreKeys();
    expect(await verifySnapshot(text, signature, await importPublicKey(other.jwk), options)).to.deep.equal({
      ok: false,
      reason: 'signature',
    });
  });

  it('rejects stale, future, expired and other customers’ snapshots', async () => {
    const key = await importPublicKey(keys.jwk);
    const check = async (text: string, options: { maxAgeMs?: number; customer?: string } = {}) =>
      verifySnapshot(text, await signSnapshot(keys, text), key, {
        now: NOW,
        maxAgeMs: options.maxAgeMs ?? 7 * DAY,
        customer: options.customer,
      });
    expect(await check(payload({ issuedAt: NOW - 8 * DAY }))).to.deep.equal({ ok: false, reason: 'stale' });
    expect((await check(payload({ issuedAt: NOW - 7 * DAY }))).ok).to.equal(true);
    expect(await check(payload({ issuedAt: NOW + DAY }))).to.deep.equal({ ok: false, reason: 'future' });
    expect((await check(payload({ issuedAt: NOW + 60_000 }))).ok, 'a minute of clock skew is fine').to.equal(true);
    expect(await check(payload({ expiresAt: NOW - 1 }))).to.deep.equal({ ok: false, reason: 'expired' });
    expect(
      (await check(payload({ issuedAt: new Date(NOW - DAY).toISOString(), expiresAt: new Date(NOW + DAY).toISOString() }))).ok,
    ).to.equal(true);
    expect(await check(payload(), { customer: 'c_9' })).to.deep.equal({ ok: false, reason: 'customer' });
    expect((await check(payload(), { customer: 'c_1842' })).ok).to.equal(true);
  });

  it('rejects a signed payload that is not a snapshot', async () => {
    const key = await importPublicKey(keys.jwk);
    for (const text of [
      '[1,2]',
      '{"points":-1,"issuedAt":1}',
      '{"points":10}',
      '{"points":"10","issuedAt":1}',
      '{"points":1,"issuedAt":1,"tier":3}',
      'nope',
    ]) {
      expect(await verifySnapshot(text, await signSnapshot(keys, text), key, { now: NOW, maxAgeMs: Infinity }), text).to.deep.equal({
        ok: false,
        reason: 'payload',
      });
    }
    expect(readSnapshot('{"points":0,"issuedAt":5}')).to.deep.equal({
      customer: undefined,
      points: 0,
      pending: 0,
      tier: null,
      orders: null,
      issuedAt: 5,
      expiresAt: undefined,
    });
  });

  it('refuses malformed keys, and a private key outright', async () => {
    for (const bad of ['{"kty":"EC"}', 'AAAA', '{not json', '{"kty":"RSA","n":"x","e":"AQAB"}']) {
      let error: unknown;
      await importPublicKey(bad).catch((e: unknown) => (error = e));
      expect(error, bad).to.be.instanceOf(Error);
    }
    let error: Error | undefined;
    await importPublicKey(keys.privateJwk).catch((e: Error) => (error = e));
    expect(error?.message).to.match(/PRIVATE key/);
  });
});
