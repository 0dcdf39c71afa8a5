import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Checker as CoreChecker, OptionsError, decodeCertificate, detectEntries, detectItems, parseDer } from '../src/index.js';
import { Checker, checkDuisRequest, checkPaths, createNodeCrypto } from '../src/node.js';
import { TEST_CERTS } from './helpers/sample-pki.js';

const pemBuffer = readFileSync(join(TEST_CERTS, 'valid/org-02-ds.pem'));
const pemBytes = new Uint8Array(pemBuffer);
const derBytes = detectItems(pemBytes).items[0].der;
const crypto = createNodeCrypto();

/** The same bytes as a Buffer, a Uint8Array, an ArrayBuffer and another view. */
function forms(bytes: Uint8Array): [string, Uint8Array | ArrayBuffer | DataView][] {
  const copy = bytes.slice();
  return [
    ['Buffer', Buffer.from(copy)],
    ['Uint8Array', copy],
    ['ArrayBuffer', copy.buffer],
    ['DataView', new DataView(copy.buffer)],
  ];
}

describe('bytes: Uint8Array, Buffer and ArrayBuffer are all accepted', () => {
  it.each(forms(pemBytes))('detectItems, checkSource and decodeSource take a %s', (_name, bytes) => {
    expect(detectItems(bytes).items[0].der).toEqual(derBytes);
    const checker = new Checker({ at: '2026-06-01' });
    expect(checker.checkSource(bytes, 'x.pem')[0].kind).toBe('organisation');
    expect(checker.decodeSource(bytes, 'x.pem')[0].kind).toBe('organisation');
    expect(detectEntries(bytes as Uint8Array, 'x.pem')).toHaveLength(1);
  });

  it.each(forms(new Uint8Array(readFileSync(join(TEST_CERTS, 'duis/valid/6.15.2-device.xml')))))('checkDuisRequest and its signer take a %s', (_name, bytes) => {
    const signer = forms(new Uint8Array(readFileSync(join(TEST_CERTS, 'duis/signers/supplier-xml-signer.pem'))))[3][1];
    const result = checkDuisRequest(bytes, { at: '2026-06-01', signer, issuers: [pemBytes.buffer] });
    expect(result.request.document).toBe('duis-request');
    expect(result.certificates.map((c) => c.document)).toEqual(['certificate']);
  });

  it.each(forms(derBytes))('parseDer, decodeCertificate, decodeDer and addIssuer take a %s', (_name, bytes) => {
    expect(parseDer(bytes).violations).toEqual([]);
    expect(decodeCertificate(bytes).problems).toEqual([]);
    const checker = new Checker({ at: '2026-06-01' });
    expect(checker.decodeDer(bytes, { path: 'x', index: 0 }).kind).toBe('organisation');
    expect(checker.addIssuer(bytes, true)).toBe(true);
  });

  it.each([
    ['a string', 'a string', 'detectItems: bytes must be a Uint8Array, Buffer or ArrayBuffer, not a string (encode text first, e.g. new TextEncoder().encode(text))'],
    ['undefined', undefined, 'detectItems: bytes must be a Uint8Array, Buffer or ArrayBuffer, not undefined'],
    ['null', null, 'detectItems: bytes must be a Uint8Array, Buffer or ArrayBuffer, not null'],
    ['an array of numbers', [48, 3], 'detectItems: bytes must be a Uint8Array, Buffer or ArrayBuffer, not object'],
  ])('refuses %s at once, naming the parameter', (_name, value, message) => {
    expect(() => detectItems(value as never)).toThrow(new TypeError(message));
  });

  it('names the parameter of each entry point', () => {
    const checker = new Checker();
    expect(() => checker.checkSource('a string' as never, 'x')).toThrow(/^checkSource: bytes must be a Uint8Array/);
    expect(() => checker.checkSource(pemBytes, undefined as never)).toThrow(new TypeError('checkSource: path must be a string naming the source (got undefined)'));
    expect(() => checker.decodeSource(42 as never, 'x')).toThrow(/^decodeSource: bytes must be/);
    expect(() => checker.addIssuer('pem' as never)).toThrow(/^addIssuer: der must be/);
    expect(() => checker.decodeDer({} as never, { path: 'x', index: 0 })).toThrow(/^decodeDer: der must be/);
    expect(() => checker.checkEntries('x' as never)).toThrow(/^checkEntries: entries must be an array/);
    expect(() => checkDuisRequest('<sr:Request/>' as never)).toThrow(/^checkDuisRequest: bytes must be a Uint8Array, Buffer or ArrayBuffer, not a string/);
    expect(() => checkDuisRequest(pemBytes, { issuers: ['pem' as never] })).toThrow(/^checkDuisRequest: options.issuers\[\] must be/);
    expect(() => new Checker({ signer: 'pem' as never })).toThrow(/^options.signer must be a Uint8Array/);
    expect(() => decodeCertificate('MII...' as never)).toThrow(/^decodeCertificate: der must be/);
    expect(() => parseDer(derBytes, 0, derBytes.length + 1)).toThrow(new RangeError(`parseDer: start 0 and end ${derBytes.length + 1} must be whole numbers with 0 <= start <= end <= ${derBytes.length} (the length of bytes)`));
  });
});

describe('Checker options are checked when the Checker is made', () => {
  it.each([
    [1e20, 'options.at 100000000000000000000 is not a time a Date can hold (milliseconds within ±8.64e15 of 1970)'],
    [Infinity, 'options.at Infinity is not a time a Date can hold (milliseconds within ±8.64e15 of 1970)'],
    [Number.NaN, 'options.at NaN is not a time a Date can hold (milliseconds within ±8.64e15 of 1970)'],
    [new Date('not a date'), 'options.at Invalid Date is not a time a Date can hold (milliseconds within ±8.64e15 of 1970)'],
    ['yesterday', "evaluation time 'yesterday' is not an ISO 8601 date"],
  ])('refuses at = %s', (at, message) => {
    expect(() => new CoreChecker({ crypto, at: at as never })).toThrow(new OptionsError(message));
  });

  it('accepts the extremes a Date holds', () => {
    expect(new CoreChecker({ crypto, at: 8.64e15 }).options.evaluationTime).toBe(8.64e15);
    expect(new CoreChecker({ crypto, at: new Date(0) }).options.evaluationTime).toBe(0);
  });

  it('refuses a core Checker without a crypto adapter, and says where to find one', () => {
    expect(() => new CoreChecker({} as never)).toThrow(
      new TypeError("options.crypto must be a CryptoAdapter with sha1, sha256 and verifyEcdsa (none was given); on Node.js, import { Checker } from 'smki-lint/node', which uses node:crypto, or pass createNodeCrypto()"),
    );
    expect(() => new CoreChecker({ crypto: { sha256: () => new Uint8Array(32) } } as never)).toThrow(/missing sha1, verifyEcdsa/);
    expect(() => new CoreChecker(undefined as never)).toThrow(new TypeError('Checker options must be an object such as { crypto, at }'));
  });

  it('refuses options of the wrong type, naming each', () => {
    expect(() => new Checker({ only: 'org.role' as never })).toThrow(new TypeError("options.only must be an array of strings (['org.role'], not 'org.role')"));
    expect(() => new Checker({ ignore: [1] as never })).toThrow(/^options\.ignore must be an array of strings/);
    expect(() => new Checker({ commonNameRoles: '02' as never })).toThrow(/^options\.commonNameRoles must be an array/);
    expect(() => new Checker({ kind: 'leaf' as never })).toThrow(new OptionsError("options.kind 'leaf' is not a certificate kind (organisation, device, issuing-oca, root, device-ca, unknown)"));
    expect(() => new Checker({ roles: [] as never })).toThrow(/^options\.roles must be a RoleTable/);
    expect(() => new Checker({ environment: { name: 'x' } as never })).toThrow(/^options\.environment must be an environment name or an environment/);
    expect(() => new Checker({ environments: {} as never })).toThrow(/^options\.environments must be an array/);
    expect(() => new Checker({ rules: [{}] as never })).toThrow(/^options\.rules must be an array of rules/);
  });

  it('the Node.js Checker uses node:crypto by default and verifies signatures with it', () => {
    const checker = new Checker({ at: '2026-06-01' });
    checker.addIssuer(detectItems(readFileSync(join(TEST_CERTS, 'valid/issuing-oca.pem'))).items[0].der);
    const [result] = checker.checkSource(pemBuffer, 'org.pem');
    expect(result.issuer).toMatchObject({ matchedBy: 'key-identifier', signatureValid: true });
    expect(result.findings).toEqual([]);
  });

  it('checkPaths refuses inputs that are not an array of paths', async () => {
    await expect(checkPaths('test-certs' as never)).rejects.toThrow(new TypeError("checkPaths: inputs must be an array of paths (files, directories or '-')"));
  });
});
