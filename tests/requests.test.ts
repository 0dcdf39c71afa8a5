import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { p256 } from '@noble/curves/nist.js';
import { describe, expect, it } from 'vitest';
import { Checker } from '../src/check/checker.js';
import { createNodeCrypto } from '../src/crypto/node.js';
import { certificateTarget, defineRule, Linter, requestTarget } from '../src/lint/index.js';
import type { Rule, RuleContext } from '../src/lint/index.js';
import { ALL_RULES } from '../src/rules/index.js';
import { ecdsaSigValueProblem } from '../src/rules/checks/ecdsa-sig-value.js';
import { namedBitsProblem } from '../src/rules/checks/named-bits.js';
import { p256PointProblem } from '../src/rules/checks/p256-point.js';
import { DEFAULT_ROLE_TABLE, requestView, smkiView, TEST_ENVIRONMENT } from '../src/smki/index.js';
import { decodeCertificate, decodeDocument, decodeRequest, documentKindOf } from '../src/x509/index.js';
import { parseDer } from '../src/der/index.js';
import { algId, bitString, bool, certificate, ctx, EC_POINT, int, name, octets, oid, seq, set, tbsCertificate, tlv, utf8 } from './helpers/der-builder.js';
import { checkSampleFile, entriesExpecting, loadManifest, manifestChecker, TEST_CERTS } from './helpers/sample-pki.js';

x509.cryptoProvider.set(globalThis.crypto as never);
const manifest = loadManifest();
const requests = manifest.files.filter((f) => f.document === 'csr');
const read = (file: string) => new Uint8Array(readFileSync(join(TEST_CERTS, file)));
const OU = '2.5.4.11';
const CN = '2.5.4.3';

/** A CertificationRequest with the given parts (its signature is dummy bytes). */
function request(parts: { version?: Uint8Array; subject?: Uint8Array; attributes?: Uint8Array } = {}): Uint8Array {
  const info = seq(parts.version ?? int(0), parts.subject ?? name([OU, utf8('02')]), seq(algId('1.2.840.10045.2.1', '1.2.840.10045.3.1.7'), bitString(EC_POINT)), parts.attributes ?? ctx(0));
  return seq(info, algId('1.2.840.10045.4.3.2'), bitString(seq(int(1), int(2))));
}

describe('telling a request from a certificate by structure', () => {
  it('reads a v3 certificate, a v1 certificate and a request as what they are', () => {
    expect(documentKindOf(parseDer(certificate()).root)).toBe('certificate');
    expect(documentKindOf(parseDer(certificate(tbsCertificate({ version: null }))).root)).toBe('certificate');
    expect(documentKindOf(parseDer(request()).root)).toBe('csr');
    // An empty subject is still a Name.
    expect(documentKindOf(parseDer(request({ subject: seq() })).root)).toBe('csr');
  });

  it('says nothing about other structures, and then follows the label (else a certificate)', () => {
    const other = seq(seq(int(1), int(2)), algId('1.2.840.10045.4.3.2'));
    expect(documentKindOf(parseDer(other).root)).toBeUndefined();
    expect(documentKindOf(parseDer(octets(1, 2)).root)).toBeUndefined();
    expect(decodeDocument(other).kind).toBe('certificate');
    expect(decodeDocument(other, 'csr').kind).toBe('csr');
    // The structure wins over a label that says otherwise.
    expect(decodeDocument(request(), 'certificate').kind).toBe('csr');
    expect(decodeDocument(certificate(), 'csr').kind).toBe('certificate');
  });
});

describe('request model', () => {
  it('decodes every field with offsets, and agrees with @peculiar/x509 on the sample requests', () => {
    for (const entry of requests.filter((e) => e.file.endsWith('.csr') && !e.file.includes('base64') && e.expect.length === 0)) {
      const der = new Uint8Array(Buffer.from(readFileSync(join(TEST_CERTS, entry.file), 'latin1').replace(/-----[^-]+-----|\s/g, ''), 'base64'));
      const ours = decodeRequest(der);
      const theirs = new x509.Pkcs10CertificateRequest(der);
      expect(ours.problems, entry.file).toEqual([]);
      expect(ours.violations, entry.file).toEqual([]);
      expect(ours.version).toBe(0);
      expect(Buffer.from(ours.subjectPublicKeyInfo!.raw).equals(Buffer.from(theirs.publicKey.rawData))).toBe(true);
      expect(ours.extensions.map((e) => e.oid)).toEqual(theirs.extensions.map((e) => e.type));
      expect(ours.extensions.map((e) => e.critical)).toEqual(theirs.extensions.map((e) => e.critical));
      expect(Buffer.from(ours.signatureValue!).equals(Buffer.from(theirs.signature))).toBe(true);
      expect(ours.attributes.map((a) => a.oid)).toEqual(theirs.attributes.map((a) => a.type));
      expect(ours.subject!.rdns.length).toBe(theirs.subjectName.toJSON().length);
    }
  });

  it('records a missing attributes field, a version of the wrong type and extra elements as problems', () => {
    const noAttributes = decodeRequest(seq(seq(int(0), name([OU, utf8('02')]), seq(algId('1.2.840.10045.2.1', '1.2.840.10045.3.1.7'), bitString(EC_POINT))), algId('1.2.840.10045.4.3.2'), bitString(seq(int(1), int(2)))));
    expect(noAttributes.problems.map((p) => p.path)).toEqual(['certificationRequestInfo.attributes']);
    expect(decodeRequest(request({ version: octets(0) })).problems[0].message).toContain('certificationRequestInfo.version is OCTET STRING');
    const twoValues = decodeRequest(request({ attributes: ctx(0, seq(oid('1.2.840.113549.1.9.14'), set(seq(), seq()))) }));
    expect(twoValues.attributes).toEqual([{ oid: '1.2.840.113549.1.9.14', name: 'extensionRequest', valueCount: 2, offset: expect.any(Number) }]);
    expect(decodeRequest(new Uint8Array(0)).problems[0].message).toBe('no DER element could be read');
  });
});

describe('request input', () => {
  it('reads every sample request, in every armour, as a request of its manifest kind', () => {
    const checker = manifestChecker();
    expect(requests.length).toBeGreaterThan(50);
    for (const entry of requests) {
      for (const r of checker.checkSource(read(entry.file), entry.file)) {
        expect(r.document, entry.file).toBe(entry.file === 'request-defects/certificate-labelled-request.csr' ? 'certificate' : 'csr');
      }
    }
  });

  it('decodes the seven armours of one request to the same bytes', () => {
    const armoured = requests.filter((e) => e.file.startsWith('requests/org-02-ds'));
    expect(armoured.map((e) => e.file).sort()).toEqual([
      'requests/org-02-ds-base64-64.csr',
      'requests/org-02-ds-base64-76-crlf.csr',
      'requests/org-02-ds-base64-line.csr',
      'requests/org-02-ds-hex.req',
      'requests/org-02-ds-new-label.req',
      'requests/org-02-ds.csr',
      'requests/org-02-ds.der',
    ]);
    const hashes = new Set(armoured.flatMap((e) => checkSampleFile(e.file).map((r) => r.sha256)));
    expect(hashes.size).toBe(1);
    expect(read('requests/org-02-ds-base64-76-crlf.csr').includes(0x0d)).toBe(true);
  });

  it('reads a certificate and a request from one file, each as what it is', () => {
    const [cert, csr] = checkSampleFile('bundles/mixed.pem');
    expect([cert.document, csr.document]).toEqual(['certificate', 'csr']);
    // No issuer in a one-file check: the certificate's chain is not checked, which is a notice.
    expect([cert.findings.map((f) => f.ruleId), csr.findings]).toEqual([['chain.not-checked'], []]);
  });

  it('still refuses other PEM labels, naming the accepted ones', () => {
    const [r] = checkSampleFile('defects/input-public-key.pem');
    expect(r.document).toBeUndefined();
    expect(r.findings[0].message).toContain("is labelled 'PUBLIC KEY', not CERTIFICATE or CERTIFICATE REQUEST");
  });

  it('says when a label names the other document', () => {
    const [r] = checkSampleFile('request-defects/csr-labelled-certificate.csr');
    expect(r.findings[0]).toMatchObject({ ruleId: 'input.label-mismatch', severity: 'warning', path: 'input' });
    expect(r.findings[0].message).toContain("is labelled 'CERTIFICATE' but holds a certification request; it was checked as one. Label it 'CERTIFICATE REQUEST'");
  });
});

describe('request rules', () => {
  const forRequests = ALL_RULES.filter((r) => r.documents.includes('csr'));
  // The reader's DER violations are the same whatever the document; one request sample shows they reach requests.
  const readerOnly = (id: string) => id.startsWith('der.') && id !== 'der.trailing-bytes';

  it.each(forRequests.filter((r) => !readerOnly(r.id)).map((r) => r.id))('%s has a request sample that fails it, and is silent on every valid request', (id) => {
    const samples = entriesExpecting(id, 'csr');
    expect(samples.map((e) => e.file), `no request sample expects ${id}`).not.toEqual([]);
    for (const s of samples) expect(checkSampleFile(s.file).flatMap((r) => r.findings.filter((f) => f.ruleId === id)).length, s.file).toBeGreaterThan(0);
    for (const valid of requests.filter((e) => e.expect.length === 0)) expect(checkSampleFile(valid.file).flatMap((r) => r.findings.map((f) => f.ruleId)), valid.file).not.toContain(id);
  });

  it('points at the request\'s own fields and names the request in its messages', () => {
    const [missing] = checkSampleFile('request-defects/csr-role-missing.csr');
    expect(missing.findings[0]).toMatchObject({ path: 'certificationRequestInfo.subject.organizationalUnitName' });
    expect(missing.findings[0].message).toContain('an Organisation CSR carries its Remote Party Role Code as OU');
    const [ku] = checkSampleFile('request-defects/csr-ku-not-critical.csr');
    expect(ku.findings[0].path).toBe('certificationRequestInfo.attributes.extensionRequest.keyUsage.critical');
    const [reserved] = checkSampleFile('request-defects/csr-role-86-reserved.csr');
    expect(reserved.findings.map((f) => f.message).join('\n')).toContain('The June 2020 draft of the OCP wrote "86" where "87" was meant');
    const [device] = checkSampleFile('request-defects/csr-device-subject-not-empty.csr');
    expect(device.findings[0].message).toContain('a Device CSR has an empty subject');
    const [malformed] = checkSampleFile('request-defects/csr-attributes-missing.csr');
    expect(malformed.findings[0].citation).toBe('RFC 2986 section 4 (CertificationRequest ASN.1 structure)');
  });

  it('verifies the self-signature through the crypto adapter', () => {
    let calls = 0;
    const node = createNodeCrypto();
    const counting = { ...node, verifyEcdsa: (...args: Parameters<typeof node.verifyEcdsa>) => (calls++, node.verifyEcdsa(...args)) };
    const checker = new Checker({ at: manifest.evaluationTime, crypto: counting });
    expect(checker.checkSource(read('requests/org-02-ds.der'), 'r.der')[0].findings).toEqual([]);
    expect(calls).toBe(1);
    const bad = checker.checkSource(read('request-defects/csr-signature-invalid.csr'), 'bad.csr')[0];
    expect(bad.findings.map((f) => f.ruleId)).toEqual(['csr.signature.invalid']);
    expect(bad.findings[0].message).toContain('does not verify with the request\'s own public key');
  });

  it('decodes and lints a request without verifying its signature when that rule is left out', () => {
    let calls = 0;
    const node = createNodeCrypto();
    const checker = new Checker({ at: manifest.evaluationTime, ignore: ['csr.signature'], crypto: { ...node, verifyEcdsa: () => (calls++, false) } });
    expect(checker.checkSource(read('request-defects/csr-signature-invalid.csr'), 'bad.csr')[0].findings).toEqual([]);
    expect(calls).toBe(0);
  });
});

describe('one reading of the role OU', () => {
  // The first OU is an OCTET STRING, the second the reserved '86', with a CN.
  const subject = seq(set(seq(oid(CN), utf8('SAMPLE'))), set(seq(oid(OU), octets(0x30, 0x32))), set(seq(oid(OU), utf8('86'))));
  const checker = manifestChecker();

  it('reads the role from the first OU that is a character string, for certificates and requests alike', () => {
    for (const der of [certificate(tbsCertificate({ subject, extensions: null })), request({ subject })]) {
      const r = checker.checkSource(der, 'x')[0];
      expect(r.subject?.roleHex).toBe('86');
      const second = r.view!.role!;
      expect(second.status).toBe('reserved');
      const reserved = r.findings.find((f) => f.ruleId === 'org.role.reserved')!;
      const cnRule = r.findings.find((f) => f.ruleId === 'org.cn.not-permitted-for-role');
      const ous = (r.certificate ?? r.csr)!.subject!.rdns.map((rdn) => rdn.attributes[0]);
      expect(reserved.offset, r.document).toBe(ous[2].offset);
      expect(cnRule?.message, r.document).toContain('may not have one');
      expect(r.findings.find((f) => f.ruleId === 'org.role.not-hex')?.offset).toBe(ous[1].offset);
      expect(r.kindReason).toBe("subject OU='86' (where the Remote Party Role Code is held)");
    }
  });
});

describe('document-agnostic checks', () => {
  it('p256PointProblem: a real public key is on the curve; a changed one, or one with a coordinate >= p, is not', () => {
    const point = p256.getPublicKey(new Uint8Array(32).fill(7), false);
    expect(p256PointProblem(point)).toBeUndefined();
    const changed = point.slice();
    changed[64] ^= 1;
    expect(p256PointProblem(changed)).toContain('curve equation');
    const big = point.slice();
    big.fill(0xff, 1, 33);
    expect(p256PointProblem(big)).toBe('its X coordinate is not below the field prime p');
  });

  it('ecdsaSigValueProblem: DER SEQUENCE of two positive INTEGERs and nothing else', () => {
    expect(ecdsaSigValueProblem(seq(int(1), int(2)))).toBeUndefined();
    expect(ecdsaSigValueProblem(new Uint8Array(0))).toBe('it is empty');
    expect(ecdsaSigValueProblem(Uint8Array.of(0x04, 0x00))).toMatch(/does not start with a SEQUENCE/);
    expect(ecdsaSigValueProblem(seq(int(1), int(2), int(3)))).toMatch(/holds 3 elements/);
    expect(ecdsaSigValueProblem(seq(int(-1), int(2)))).toMatch(/r is negative/);
    expect(ecdsaSigValueProblem(seq(int(1), int(0)))).toMatch(/s is zero/);
    expect(ecdsaSigValueProblem(Uint8Array.of(0x30, 0x07, 0x02, 0x02, 0x00, 0x01, 0x02, 0x01, 0x02))).toMatch(/not DER/);
    expect(ecdsaSigValueProblem(Uint8Array.of(...seq(int(1), int(2)), 0x00))).toMatch(/not DER: .*trailing|not DER/);
  });

  it('namedBitsProblem: trailing zero bits are removed in DER (X.690 11.2.2)', () => {
    expect(namedBitsProblem(Uint8Array.of(0x07, 0x80))).toBeUndefined();
    expect(namedBitsProblem(Uint8Array.of(0x03, 0x08))).toBeUndefined();
    expect(namedBitsProblem(Uint8Array.of(0x00))).toBeUndefined();
    expect(namedBitsProblem(Uint8Array.of(0x00, 0x80))).toBe('the BIT STRING ends in 7 zero bits (unused bits 0); DER removes them: 1 octet with 7 unused bits');
    expect(namedBitsProblem(Uint8Array.of(0x07, 0x80, 0x00))).toBe('the BIT STRING ends in 8 zero bits (unused bits 7); DER removes them: 1 octet with 7 unused bits');
    expect(namedBitsProblem(Uint8Array.of(0x00, 0x00))).toMatch(/no bit is set.*03 01 00/);
    // The encodings X.690 11.2.2 rules out: 03 02 00 80 and 03 03 00 80 00 for digitalSignature
    // (DER: 03 02 07 80), 03 02 00 08 for keyAgreement (DER: 03 02 03 08).
    expect(namedBitsProblem(Uint8Array.of(0x00, 0x80, 0x00))).toBe('the BIT STRING ends in 15 zero bits (unused bits 0); DER removes them: 1 octet with 7 unused bits');
    expect(namedBitsProblem(Uint8Array.of(0x00, 0x08))).toBe('the BIT STRING ends in 3 zero bits (unused bits 0); DER removes them: 1 octet with 3 unused bits');
    expect(namedBitsProblem(Uint8Array.of(0x03, 0x08))).toBeUndefined();
  });

  it('cert.ku.not-der-minimal reads named bit lists only: an x500UniqueIdentifier or a key ending in zero bits is no finding', () => {
    // EC_POINT ends 0x40 (six zero bits) and the EUI-64 ends 0x00, as the reference supplier's does: neither is a named bit list.
    const subject = seq(set(seq(oid(OU), utf8('02'))), set(seq(oid('2.5.4.45'), bitString([0x90, 0xb3, 0xd5, 0x1f, 0x30, 0x01, 0x00, 0x00]))));
    const keyUsage = (bits: number[]) => seq(oid('2.5.29.15'), bool(true), octets(tlv(0x03, bits)));
    const certOf = (ku: number[]) => certificate(tbsCertificate({ subject, extensions: [keyUsage(ku)] }));
    const ids = (der: Uint8Array) => manifestChecker().checkSource(der, 'x')[0].findings.map((f) => f.ruleId);
    expect(ids(certOf([0x07, 0x80]))).not.toContain('cert.ku.not-der-minimal');
    expect(ids(certOf([0x07, 0x80])).filter((id) => id.startsWith('der.'))).toEqual([]);
    for (const bits of [[0x00, 0x80], [0x00, 0x80, 0x00]]) expect(ids(certOf(bits))).toContain('cert.ku.not-der-minimal');
  });
});

describe('engine over document kinds', () => {
  const options = { evaluationTime: Date.parse(manifest.evaluationTime), environment: TEST_ENVIRONMENT, roles: DEFAULT_ROLE_TABLE, commonNameRoles: new Set(['02', '87']), crypto: createNodeCrypto() };
  const rule = (id: string, over: Partial<Rule>): Rule =>
    defineRule({ id, severity: 'notice', appliesTo: 'all', citation: 'c', description: 'd', source: 'adopted', check: (_t: unknown, c: RuleContext) => c.report({ path: 'p', message: id }), ...over } as never);
  const cert = decodeCertificate(new Uint8Array(Buffer.from(readFileSync(join(TEST_CERTS, 'valid/org-02-ds.pem'), 'latin1').replace(/-----[^-]+-----|\s/g, ''), 'base64')));
  const csr = decodeRequest(read('requests/org-02-ds.der'));

  it('runs a rule only on the documents it declares (certificates by default), and comparison rules only with a request', () => {
    const linter = new Linter([rule('t.default', {}), rule('t.csr', { documents: ['csr'] }), rule('t.both', { documents: ['certificate', 'csr'] }), rule('t.pair', { needsRequest: true })], options);
    const onCert = linter.lint(certificateTarget(cert, smkiView(cert, DEFAULT_ROLE_TABLE))).findings.map((f) => f.ruleId);
    const onCsr = linter.lint(requestTarget(csr, requestView(csr, DEFAULT_ROLE_TABLE))).findings.map((f) => f.ruleId);
    const paired = linter.lint(certificateTarget(cert, smkiView(cert, DEFAULT_ROLE_TABLE), undefined, { csr, view: requestView(csr, DEFAULT_ROLE_TABLE) })).findings.map((f) => f.ruleId);
    expect(onCert.sort()).toEqual(['t.both', 't.default']);
    expect(onCsr.sort()).toEqual(['t.both', 't.csr']);
    expect(paired.sort()).toEqual(['t.both', 't.default', 't.pair']);
  });

  it('gives a finding the citation its document has, when a rule names one', () => {
    const r = rule('t.cited', { documents: ['certificate', 'csr'], documentCitations: { csr: 'request text' } });
    const linter = new Linter([r], options);
    expect(linter.lint(certificateTarget(cert, smkiView(cert, DEFAULT_ROLE_TABLE))).findings[0].citation).toBe('c');
    expect(linter.lint(requestTarget(csr, requestView(csr, DEFAULT_ROLE_TABLE))).findings[0].citation).toBe('request text');
  });

  it('refuses a rule that applies to no document', () => {
    expect(() => rule('t.none', { documents: [] })).toThrow('applies to no document');
  });

  it('evaluates effective dates of a request at the evaluation time, since its certificate is not issued yet', () => {
    const future = rule('t.future', { documents: ['csr'], effective: { from: '2030-01-01' } });
    const out = new Linter([future], options).lint(requestTarget(csr, requestView(csr, DEFAULT_ROLE_TABLE)));
    expect(out.notEffective[0].reason).toContain('issued 2026-06-01');
  });
});

