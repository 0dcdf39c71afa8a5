// The browser entry's crypto: the pure-JavaScript adapter answers as node:crypto does, WebCrypto
// verification answers as the pure-JavaScript adapter does, and the recorder that lets a
// synchronous checker use WebCrypto ends with exactly the synchronous answers.
import { generateKeyPairSync, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../src/crypto/adapter.js';
import type { CryptoAdapter } from '../src/crypto/adapter.js';
import { toHex } from '../src/der/values.js';
import { createNodeCrypto } from '../src/crypto/node.js';
import { createNobleCrypto } from '../src/crypto/noble.js';
import { SignatureRecorder } from '../src/crypto/signature-recorder.js';
import type { SignatureCheck } from '../src/crypto/signature-recorder.js';
import { verifyWithWebCrypto } from '../src/crypto/webcrypto.js';
import { detectItems } from '../src/input/index.js';
import { Checker, resultToJson } from '../src/web.js';
import { bitString, bytes, concat, integer, oid, seq, tlv } from '../test-certs/generate/der-writer.js';
import { OIDS } from '../test-certs/generate/oids.js';
import { TEST_CERTS, loadManifest } from './helpers/sample-pki.js';

const node = createNodeCrypto();
const noble = createNobleCrypto();
const ORDERS = { 'P-256': 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n, 'P-384': 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n };
const CURVE_OIDS = { 'P-256': OIDS.prime256v1, 'P-384': OIDS.secp384r1 };

interface Signer {
  spki: Uint8Array;
  privateKey: KeyObject;
}

function signer(namedCurve: string): Signer {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve });
  return { spki: new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })), privateKey };
}

function check(s: Signer, hash: 'sha256' | 'sha384', data: Uint8Array): SignatureCheck {
  return { spki: s.spki, hash, data, signature: new Uint8Array(sign(hash, data, { key: s.privateKey, dsaEncoding: 'der' })) };
}

/** r and s of a DER ECDSA-Sig-Value made by node:crypto (always minimal, definite lengths). */
function rs(signature: Uint8Array): [bigint, bigint] {
  const ints: bigint[] = [];
  let at = signature[1] & 0x80 ? 3 : 2;
  while (at < signature.length) {
    const length = signature[at + 1];
    ints.push(BigInt('0x' + Buffer.from(signature.subarray(at + 2, at + 2 + length)).toString('hex')));
    at += 2 + length;
  }
  return [ints[0], ints[1]];
}

const P256 = signer('prime256v1');
const P384 = signer('secp384r1');
const DATA = new TextEncoder().encode('tbsCertificate stand-in');

/** Signatures both adapters must judge alike, valid and not. */
function cases(): [string, SignatureCheck][] {
  const valid = check(P256, 'sha256', DATA);
  const [r, s] = rs(valid.signature);
  const point = P256.spki.subarray(P256.spki.length - 65);
  const x = point.subarray(1, 33);
  const compressed = seq(seq(oid(OIDS.ecPublicKey), oid(CURVE_OIDS['P-256'])), bitString(concat(bytes(0x02 + (point[64] & 1)), x)));
  // RFC 5480 2.2: a hybrid point (0x06 or 0x07 with the parity of y) must be rejected; OpenSSL takes it.
  const hybrid = seq(seq(oid(OIDS.ecPublicKey), oid(CURVE_OIDS['P-256'])), bitString(concat(bytes(0x06 + (point[64] & 1)), point.subarray(1))));
  const withUnusedBit = seq(seq(oid(OIDS.ecPublicKey), oid(CURVE_OIDS['P-256'])), concat(bytes(0x03, 0x42, 0x01), point));
  const offCurve = seq(seq(oid(OIDS.ecPublicKey), oid(CURVE_OIDS['P-256'])), bitString(concat(point.subarray(0, 64), bytes(point[64] ^ 1))));
  const ed25519 = new Uint8Array(generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' }));
  const longLength = concat(bytes(0x30, 0x81, valid.signature[1]), valid.signature.subarray(2));
  const paddedR = seq(tlv(0x02, concat(bytes(0), valid.signature.subarray(4, 4 + valid.signature[3]))), integer(s));
  return [
    ['P-256, SHA-256', valid],
    ['P-256, SHA-384', check(P256, 'sha384', DATA)],
    ['P-384, SHA-384', check(P384, 'sha384', DATA)],
    ['P-384, SHA-256', check(P384, 'sha256', DATA)],
    ['high s (X.509 signers do not normalise s)', { ...valid, signature: seq(integer(r), integer(ORDERS['P-256'] - s)) }],
    ['a compressed point', { ...valid, spki: compressed }],
    ['a hybrid point', { ...valid, spki: hybrid }],
    ['a key with an unused bit', { ...valid, spki: withUnusedBit }],
    ['other data', { ...valid, data: new TextEncoder().encode('something else') }],
    ['the hash the signature was not made with', { ...valid, hash: 'sha384' }],
    ['another key', { ...valid, spki: P384.spki }],
    ['a point off the curve', { ...valid, spki: offCurve }],
    ['an Ed25519 key', { ...valid, spki: ed25519 }],
    ['s = 0', { ...valid, signature: seq(integer(r), integer(0n)) }],
    ['r = n', { ...valid, signature: seq(integer(ORDERS['P-256']), integer(s)) }],
    ['a long-form length (BER, not DER)', { ...valid, signature: longLength }],
    ['r with a needless leading zero', { ...valid, signature: paddedR }],
    ['a byte after the signature', { ...valid, signature: concat(valid.signature, bytes(0)) }],
    ['an empty signature', { ...valid, signature: new Uint8Array(0) }],
  ];
}

const verdict = (adapter: CryptoAdapter, c: SignatureCheck) => adapter.verifyEcdsa(c.spki, c.hash, c.data, c.signature);

describe('createNobleCrypto (pure JavaScript)', () => {
  it('hashes as node:crypto does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (data) => {
        expect(noble.sha1(data)).toEqual(new Uint8Array(node.sha1(data)));
        expect(noble.sha256(data)).toEqual(new Uint8Array(node.sha256(data)));
      }),
    );
  });

  it("gives the same fingerprint through node:crypto's direct hex path as through the octets", () => {
    expect(node.sha256Hex).toBeDefined();
    expect(noble.sha256Hex).toBeUndefined();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (data) => {
        const expected = toHex(noble.sha256(data));
        expect(sha256Hex(node, data)).toBe(expected);
        expect(sha256Hex(noble, data)).toBe(expected);
      }),
    );
  });

  it.each(cases())('judges a signature as node:crypto does: %s', (_, c) => {
    expect(verdict(noble, c)).toBe(verdict(node, c));
  });

  it('accepts what is valid and rejects the rest (the cases are not all one answer)', () => {
    const answers = cases().map(([name, c]) => [name, verdict(noble, c)]);
    expect(answers.filter(([, v]) => v).map(([name]) => name)).toEqual(['P-256, SHA-256', 'P-256, SHA-384', 'P-384, SHA-384', 'P-384, SHA-256', 'high s (X.509 signers do not normalise s)', 'a compressed point']);
  });

  it('judges every one-byte change to the key, the data or the signature as node:crypto does', () => {
    const valid = check(P256, 'sha256', DATA);
    const fields = ['spki', 'data', 'signature'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.nat(), fc.integer({ min: 1, max: 255 }), (field, at, xor) => {
        const changed = valid[field].slice();
        changed[at % changed.length] ^= xor;
        const c = { ...valid, [field]: changed };
        expect(verdict(noble, c)).toBe(verdict(node, c));
      }),
      { numRuns: 300 },
    );
  });

  it('verifies nothing on curves other than P-256 and P-384, which node:crypto verifies', () => {
    const c = check(signer('secp256k1'), 'sha256', DATA);
    expect(verdict(node, c)).toBe(true);
    expect(verdict(noble, c)).toBe(false);
  });
});

describe('verifyWithWebCrypto', () => {
  it('gives the pure-JavaScript answer for every case', async () => {
    const all = cases();
    expect(await verifyWithWebCrypto(all.map(([, c]) => c), noble)).toEqual(all.map(([, c]) => verdict(noble, c)));
  });

  it('leaves a key WebCrypto will not import to the fallback adapter, and answers other keys itself', async () => {
    const all = cases();
    const offCurve = all.find(([name]) => name === 'a point off the curve')![1];
    const fallback = { ...noble, verifyEcdsa: vi.fn(noble.verifyEcdsa) };
    expect(await verifyWithWebCrypto([all[0][1], offCurve, all[2][1]], fallback)).toEqual([true, false, true]);
    expect(fallback.verifyEcdsa).toHaveBeenCalledTimes(1);
    expect(fallback.verifyEcdsa.mock.calls[0][0]).toBe(offCurve.spki);
  });
});

describe('SignatureRecorder', () => {
  const [a, b] = [check(P256, 'sha256', DATA), check(P384, 'sha384', DATA)];

  it('passes every call to the inner adapter outside settle()', () => {
    const recorder = new SignatureRecorder(noble);
    expect(verdict(recorder, a)).toBe(true);
    expect(recorder.sha256(DATA)).toEqual(noble.sha256(DATA));
  });

  it('runs the work again with the verifier answers, until it asks about nothing new', async () => {
    const recorder = new SignatureRecorder(noble);
    // A check that asks about b only once a has verified: three passes.
    const verify = vi.fn((checks: SignatureCheck[], inner: CryptoAdapter) => Promise.resolve(checks.map((c) => verdict(inner, c))));
    const work = vi.fn(() => (verdict(recorder, a) ? (verdict(recorder, b) ? 'both' : 'a only') : 'neither'));
    expect(await recorder.settle(work, verify)).toBe('both');
    expect(work).toHaveBeenCalledTimes(3);
    expect(verify.mock.calls.map(([checks]) => checks)).toEqual([[a], [b]]);
  });

  it('asks the verifier once about a signature asked about twice in a pass', async () => {
    const recorder = new SignatureRecorder(noble);
    const verify = vi.fn((checks: SignatureCheck[]) => Promise.resolve(checks.map(() => false)));
    expect(await recorder.settle(() => [verdict(recorder, a), verdict(recorder, { ...a, data: DATA.slice() })], verify)).toEqual([false, false]);
    expect(verify.mock.calls.map(([checks]) => checks.length)).toEqual([1]);
  });

  it('is not in a pass once settle() has returned or failed', async () => {
    const recorder = new SignatureRecorder(noble);
    await expect(recorder.settle(() => { throw new Error('work failed'); }, () => Promise.resolve([]))).rejects.toThrow('work failed');
    expect(verdict(recorder, a)).toBe(true);
  });
});

describe('the Checker of smki-lint/web', () => {
  const at = loadManifest().evaluationTime;
  const der = (file: string) => detectItems(readFileSync(join(TEST_CERTS, file))).items[0].der;

  it('needs no CryptoAdapter, and verifies signatures synchronously and asynchronously', async () => {
    const checker = new Checker({ at });
    expect(checker.addIssuer(der('valid/issuing-oca.pem'))).toBe(true);
    for (const [file, valid] of [['valid/org-02-ds.pem', true], ['defects/chain-signature-invalid.pem', false]] as const) {
      const bytes = readFileSync(join(TEST_CERTS, file));
      const sync = checker.checkSource(bytes, file);
      expect(sync[0].issuer?.signatureValid, file).toBe(valid);
      expect((await checker.checkSourceAsync(bytes, file)).map(resultToJson)).toEqual(sync.map(resultToJson));
    }
  });

  it('uses an adapter it is given', () => {
    const given = { ...createNodeCrypto(), sha256: vi.fn(createNodeCrypto().sha256) };
    new Checker({ at, crypto: given }).checkSource(readFileSync(join(TEST_CERTS, 'valid/org-02-ds.pem')), 'org-02-ds.pem');
    expect(given.sha256).toHaveBeenCalled();
  });
});
