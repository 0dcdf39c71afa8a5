// Signatures verified ahead, off the calling thread: node:crypto's asynchronous verification
// answers as its synchronous one, the verdicts found ahead are the inner adapter's, and
// Checker.checkEntriesAsync gives exactly checkEntries' results.
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { CryptoAdapter } from '../src/crypto/adapter.js';
import { createNodeCrypto } from '../src/crypto/node.js';
import { createNobleCrypto } from '../src/crypto/noble.js';
import type { SignatureCheck } from '../src/crypto/signature-recorder.js';
import { VerdictsAhead } from '../src/crypto/verdicts-ahead.js';
import { detectEntries, entriesOf, possibleIssuers } from '../src/check/entries.js';
import type { Entry } from '../src/check/entries.js';
import { fileParts, listInputFiles } from '../src/input/node.js';
import { Checker } from '../src/node.js';
import { resultToJson } from '../src/report/result-json.js';
import { issuersSharingSkiAndName, pem } from './helpers/hostile.js';
import { TEST_CERTS, loadManifest } from './helpers/sample-pki.js';

const node = createNodeCrypto();
const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const SPKI = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
const DATA = new TextEncoder().encode('tbsCertificate stand-in');
const VALID: SignatureCheck = { spki: SPKI, hash: 'sha256', data: DATA, signature: new Uint8Array(sign('sha256', DATA, privateKey)) };
const verdict = (adapter: CryptoAdapter, c: SignatureCheck) => adapter.verifyEcdsa(c.spki, c.hash, c.data, c.signature);

describe("node:crypto's asynchronous verification", () => {
  const hybrid = SPKI.slice();
  hybrid[SPKI.length - 65] = 0x06 + (SPKI[SPKI.length - 1] & 1);
  const flipped = (bytes: Uint8Array, at: number) => {
    const out = bytes.slice();
    out[at] ^= 1;
    return out;
  };
  const cases: [string, SignatureCheck][] = [
    ['a valid signature', VALID],
    ['other data', { ...VALID, data: flipped(DATA, 3) }],
    ['a changed signature', { ...VALID, signature: flipped(VALID.signature, VALID.signature.length - 1) }],
    ['a signature that is not DER', { ...VALID, signature: Uint8Array.of(1, 2, 3) }],
    ['the other hash', { ...VALID, hash: 'sha384' }],
    ['a hybrid point, which RFC 5480 rejects', { ...VALID, spki: hybrid }],
    ['a key that does not parse', { ...VALID, spki: SPKI.subarray(0, 20) }],
  ];

  it.each(cases)('answers as the synchronous verification: %s', async (_, c) => {
    expect(await node.verifyEcdsaAsync!(c.spki, c.hash, c.data, c.signature)).toBe(verdict(node, c));
  });

  it('accepts the valid signature alone', async () => {
    const answers = await Promise.all(cases.map(([, c]) => node.verifyEcdsaAsync!(c.spki, c.hash, c.data, c.signature)));
    expect(answers).toEqual([true, false, false, false, false, false, false]);
  });
});

describe('VerdictsAhead', () => {
  it('records what it is asked, answering false, then answers with the inner adapter asynchronous verdicts', async () => {
    const inner = { ...node, verifyEcdsa: vi.fn(node.verifyEcdsa), verifyEcdsaAsync: vi.fn(node.verifyEcdsaAsync!) };
    const ahead = new VerdictsAhead(inner);
    const bad = { ...VALID, signature: Uint8Array.of(1, 2, 3) };
    expect([verdict(ahead, VALID), verdict(ahead, bad)]).toEqual([false, false]);
    expect(ahead.pending).toBe(true);
    await ahead.verify();
    expect(inner.verifyEcdsaAsync).toHaveBeenCalledTimes(2);
    expect([verdict(ahead, VALID), verdict(ahead, bad)]).toEqual([true, false]);
    expect(inner.verifyEcdsa).not.toHaveBeenCalled();
  });

  it('asks the inner adapter about a signature it was not asked about ahead, even over equal bytes', async () => {
    const inner = { ...node, verifyEcdsa: vi.fn(node.verifyEcdsa) };
    const ahead = new VerdictsAhead(inner);
    verdict(ahead, VALID);
    await ahead.verify();
    expect(verdict(ahead, { ...VALID, data: DATA.slice() })).toBe(true);
    expect(inner.verifyEcdsa).toHaveBeenCalledTimes(1);
  });

  it('verifies synchronously through an adapter without an asynchronous verification', async () => {
    const noble = createNobleCrypto();
    const inner = { ...noble, verifyEcdsa: vi.fn(noble.verifyEcdsa) };
    const ahead = new VerdictsAhead(inner);
    expect(ahead.pending).toBe(false);
    verdict(ahead, VALID);
    await ahead.verify();
    expect(inner.verifyEcdsa).toHaveBeenCalledTimes(1);
    expect(verdict(ahead, VALID)).toBe(true);
    expect(inner.verifyEcdsa).toHaveBeenCalledTimes(1);
  });
});

/** A Checker whose adapter counts its synchronous and asynchronous verifications. */
function countingChecker(): { checker: Checker; counts: { sync: number; async: number } } {
  const counts = { sync: 0, async: 0 };
  const crypto: CryptoAdapter = {
    ...node,
    verifyEcdsa: (...args) => (counts.sync++, node.verifyEcdsa(...args)),
    verifyEcdsaAsync: (...args) => (counts.async++, node.verifyEcdsaAsync!(...args)),
  };
  return { checker: new Checker({ at: loadManifest().evaluationTime, environment: loadManifest().environment, crypto }), counts };
}

describe('Checker.checkEntriesAsync', () => {
  it("gives checkEntries' results for every sample file, with the issuers' signatures verified ahead", async () => {
    const entries: Entry[] = [];
    for (const file of await listInputFiles([TEST_CERTS])) {
      for (const part of fileParts(file.path, { maxItemSize: 4 << 20 })) entries.push(...entriesOf(part.detected, file.display));
    }
    const sync = countingChecker();
    const ahead = countingChecker();
    for (const { checker } of [sync, ahead]) for (const der of possibleIssuers(entries)) checker.addIssuer(der);
    const results = sync.checker.checkEntries(entries);
    expect(results.filter((r) => r.issuer?.signatureValid === true).length).toBeGreaterThan(50);
    expect(results.filter((r) => r.issuer?.signatureValid === false).length).toBeGreaterThan(0);
    expect((await ahead.checker.checkEntriesAsync(entries)).map(resultToJson)).toEqual(results.map(resultToJson));
    // Only what the lint stage asks about (a root's own signature, a request's) is left synchronous.
    expect(ahead.counts.async).toBeGreaterThan(100);
    expect(ahead.counts.sync).toBeLessThan(sync.counts.sync / 4);
  });

  it('resolves ties among candidate issuers as checkEntries does, each candidate verified ahead', async () => {
    const tie = issuersSharingSkiAndName();
    const sync = countingChecker();
    const ahead = countingChecker();
    for (const { checker } of [sync, ahead]) for (const ca of [tie.forged, tie.reissued, tie.original]) checker.addIssuer(ca.der);
    const leaf = detectEntries(new TextEncoder().encode(pem(tie.leaf)), 'leaf.pem');
    const [expected] = sync.checker.checkEntries(leaf);
    const [result] = await ahead.checker.checkEntriesAsync(leaf);
    expect(resultToJson(result)).toEqual(resultToJson(expected));
    expect(result.issuer?.otherCandidates).toHaveLength(2);
    expect(ahead.counts).toEqual({ sync: 0, async: 3 });
  });

  it('rejects what is not an array of entries', async () => {
    await expect(countingChecker().checker.checkEntriesAsync('x' as never)).rejects.toThrow('checkEntriesAsync: entries must be an array');
  });
});
