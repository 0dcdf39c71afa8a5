import 'reflect-metadata';
import type { webcrypto as nodeWebcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CertificateResult } from '../src/check/result.js';
import { createNodeCrypto } from '../src/crypto/node.js';
import type { Report, RuleContext } from '../src/lint/index.js';
import { certificateTarget } from '../src/lint/index.js';
import { ALL_RULES } from '../src/rules/index.js';
import { CA_RULES as CA_ONLY_RULES } from '../src/rules/ca/index.js';
import { DEVICE_CA_RULES } from '../src/rules/device-ca/index.js';
import { ISSUING_OCA_RULES } from '../src/rules/ica/index.js';
import { ROOT_RULES } from '../src/rules/root/index.js';
import { DEVICE_RULES } from '../src/rules/device/index.js';
import { KIND_RULES } from '../src/rules/kind/index.js';
import { CERTIFICATE_KINDS, DEFAULT_ROLE_TABLE, TEST_ENVIRONMENT } from '../src/smki/index.js';
import type { CertificateKind, SmkiView } from '../src/smki/index.js';
import type { Certificate } from '../src/x509/index.js';
import { checkSampleFile, entriesExpecting, loadManifest, manifestChecker, validEntries } from './helpers/sample-pki.js';

type KeyPair = nodeWebcrypto.CryptoKeyPair;

/** The rules of every CA kind's area: ca, ica, root and device-ca. */
const CA_RULES = [...CA_ONLY_RULES, ...ISSUING_OCA_RULES, ...ROOT_RULES, ...DEVICE_CA_RULES];

const CA_KINDS = ['root', 'issuing-oca', 'device-ca'] as const;

/** The CA rules that a defect sample must break, with what their finding must say. */
const EXPECTATIONS: { id: string; severity: 'error' | 'warning'; appliesTo: readonly CertificateKind[]; message: RegExp[] }[] = [
  { id: 'ca.key-cert-sign.missing', severity: 'error', appliesTo: CA_KINDS, message: [/keyUsage is cRLSign without keyCertSign/, /RFC 5280 6\.1\.4 \(n\) rejects a CA certificate whose keyUsage lacks keyCertSign/] },
  { id: 'ca.key-usage', severity: 'warning', appliesTo: CA_KINDS, message: [/keyUsage is digitalSignature, keyCertSign, cRLSign/, /digitalSignature is set as well/, /an Issuing OCA Certificate of the reference PKI has exactly keyCertSign and cRLSign/] },
  { id: 'ca.basic-constraints.missing', severity: 'error', appliesTo: CA_KINDS, message: [/no basicConstraints extension/, /critical basicConstraints with cA TRUE/] },
  { id: 'ca.basic-constraints.not-critical', severity: 'error', appliesTo: CA_KINDS, message: [/basicConstraints is not critical/, /marks basicConstraints critical/] },
  { id: 'ca.basic-constraints.not-ca', severity: 'error', appliesTo: CA_KINDS, message: [/cA FALSE/, /pathLenConstraint 0/, /asserts cA TRUE/] },
  { id: 'ca.extension.unexpected', severity: 'warning', appliesTo: CA_KINDS, message: [/^extension extKeyUsage \(2\.5\.29\.37\), non-critical, is not part of the Issuing OCA Certificate profile, which has keyUsage, basicConstraints, certificatePolicies, subjectKeyIdentifier and authorityKeyIdentifier; remove it$/] },
  { id: 'ica.path-len', severity: 'warning', appliesTo: ['issuing-oca'], message: [/pathLenConstraint is 1/, /pathLenConstraint is 0$/] },
  { id: 'ica.role', severity: 'warning', appliesTo: ['issuing-oca'], message: [/OU/, /exactly one OU '07' \(issuingAuthority, role 7\)/] },
  { id: 'root.role', severity: 'warning', appliesTo: ['root'], message: [/has no OU/, /exactly one OU '00' \(root, role 0\)/] },
  { id: 'root.not-self-signed', severity: 'error', appliesTo: ['root'], message: [/does not verify under the certificate's own subjectPublicKeyInfo/, /ecdsa-with-SHA256/] },
];

function resultsOf(file: string): CertificateResult[] {
  return checkSampleFile(file);
}

/** The single certificate result of a sample file. */
function resultOf(file: string, checker = manifestChecker()): CertificateResult {
  const results = checkSampleFile(file, checker);
  expect(results, `${file} holds one certificate`).toHaveLength(1);
  return results[0];
}

const findingsOf = (r: CertificateResult, id: string) => r.findings.filter((f) => f.ruleId === id);

const rule = (id: string) => [...CA_RULES, ...KIND_RULES].find((r) => r.id === id);

describe('CA and kind rules: registration', () => {
  it('every rule is in ALL_RULES with its catalogue severity and kinds', () => {
    for (const r of [...CA_RULES, ...KIND_RULES]) expect(ALL_RULES, r.id).toContain(r);
    for (const e of EXPECTATIONS) {
      expect(rule(e.id)?.severity, e.id).toBe(e.severity);
      expect(rule(e.id)?.appliesTo, e.id).toEqual(e.appliesTo);
    }
    expect(rule('device-ca.profile-unavailable')).toMatchObject({ severity: 'notice', appliesTo: ['device-ca'] });
    expect(rule('kind.unknown')).toMatchObject({ severity: 'notice', appliesTo: ['unknown'] });
    expect([...CA_RULES, ...KIND_RULES].map((r) => r.id).sort()).toEqual([...EXPECTATIONS.map((e) => e.id), 'device-ca.profile-unavailable', 'kind.unknown'].sort());
  });
});

describe('CA and kind rules: manifest kinds', () => {
  const entries = loadManifest().files.filter((f) => (CA_KINDS as readonly string[]).includes(f.kind) || f.expect.includes('kind.unknown'));
  it('the manifest has samples of every CA kind', () => {
    for (const kind of CA_KINDS) expect(entries.filter((e) => e.kind === kind).length, kind).toBeGreaterThan(0);
  });
  it.each(entries.map((e) => ({ file: e.file, kind: e.kind, description: e.description })))('$file is classified as $kind', ({ file, kind, description }) => {
    const r = resultOf(file);
    expect(r.kind, `${file}: ${description} (classified: ${r.kindReason})`).toBe(kind);
  });
});

describe.each(EXPECTATIONS)('$id', ({ id, severity, appliesTo, message }) => {
  const expecting = entriesExpecting(id);

  it('has at least one manifest sample that expects it', () => {
    expect(expecting.map((e) => e.file), `no test-certs/manifest.json entry expects ${id}: the sample PKI needs a certificate that breaks it`).not.toHaveLength(0);
  });

  it('reports every sample that expects it, saying what was found and what was expected', () => {
    for (const entry of expecting) {
      const r = resultOf(entry.file);
      const found = findingsOf(r, id);
      expect(found.length, `${entry.file} (${entry.description}), classified ${r.kind}, should get ${id}`).toBeGreaterThan(0);
      for (const f of found) {
        expect(f.severity).toBe(severity);
        for (const re of message) expect(f.message, entry.file).toMatch(re);
      }
    }
  });

  it('stays silent on every valid certificate of the kinds it applies to', () => {
    const valid = validEntries(appliesTo);
    expect(valid.length).toBeGreaterThan(0);
    for (const entry of valid) expect(findingsOf(resultOf(entry.file), id), entry.file).toEqual([]);
  });

  it('reports only on the samples that expect it among the samples of its kinds', () => {
    for (const entry of loadManifest().files.filter((f) => appliesTo.includes(f.kind as CertificateKind) && !f.expect.includes(id))) {
      expect(findingsOf(resultOf(entry.file), id), `${entry.file} does not expect ${id}`).toEqual([]);
    }
  });
});

describe('device-ca.profile-unavailable', () => {
  it('is expected by the manifest on the valid Device CA', () => {
    expect(entriesExpecting('device-ca.profile-unavailable').map((e) => e.file)).toContain('valid/device-ca.pem');
  });

  it('is reported on the valid Device CA as a notice naming the missing profile', () => {
    const valid = validEntries(['device-ca']);
    expect(valid.length).toBeGreaterThan(0);
    for (const entry of valid) {
      const found = findingsOf(resultOf(entry.file), 'device-ca.profile-unavailable');
      expect(found, entry.file).toHaveLength(1);
      expect(found[0].severity).toBe('notice');
      expect(found[0].message).toMatch(/no Device CA profile text is available/);
      expect(found[0].message).toMatch(/only the general certificate rules and the CA rules/);
      expect(found[0].message).toMatch(/basicConstraints cA=TRUE with a subject that has no role OU/);
    }
  });

  it('is reported on no certificate of another kind', () => {
    for (const entry of loadManifest().files) {
      for (const r of resultsOf(entry.file)) {
        if (r.kind === 'device-ca') continue;
        expect(findingsOf(r, 'device-ca.profile-unavailable'), `${entry.file} (${r.kind})`).toEqual([]);
      }
    }
  });
});

describe('kind.unknown', () => {
  const expecting = entriesExpecting('kind.unknown');

  it('has at least one manifest sample that expects it', () => {
    expect(expecting.map((e) => e.file)).not.toHaveLength(0);
  });

  it("reports every sample that expects it as a notice with the classifier's reason", () => {
    for (const entry of expecting) {
      const r = resultOf(entry.file);
      const found = findingsOf(r, 'kind.unknown');
      expect(found, entry.file).toHaveLength(1);
      expect(found[0].severity).toBe('notice');
      expect(found[0].message).toMatch(/no SMKI certificate profile matched/);
      expect(found[0].message).toContain(r.kindReason);
      expect(found[0].message).toMatch(/so it was checked as no SMKI (certificate|request): only its encoding was/);
      // Not an SMKI document: the classification notice is its only finding.
      expect(r.findings.map((f) => f.ruleId)).toEqual(['kind.unknown']);
    }
  });

  it('is reported on no certificate that has a kind', () => {
    for (const entry of loadManifest().files) {
      for (const r of resultsOf(entry.file)) {
        if (r.kind === 'unknown') continue;
        expect(findingsOf(r, 'kind.unknown'), `${entry.file} (${r.kind})`).toEqual([]);
      }
    }
  });
});

describe('CA rules on certificates checked as another kind (--kind)', () => {
  it('ica.role names the OU found and the 07 expected', () => {
    const asIca = manifestChecker({ kind: 'issuing-oca' });
    const root = findingsOf(resultOf('valid/root-oca.pem', asIca), 'ica.role');
    expect(root).toHaveLength(1);
    expect(root[0].message).toMatch(/^subject OU is '00' \(root\); an Issuing OCA Certificate's subject carries exactly one OU '07'/);
    const deviceCa = findingsOf(resultOf('valid/device-ca.pem', asIca), 'ica.role');
    expect(deviceCa).toHaveLength(1);
    expect(deviceCa[0].message).toMatch(/^subject 'CN=D1A5' has no OU/);
    expect(findingsOf(resultOf('valid/issuing-oca.pem', asIca), 'ica.role')).toEqual([]);
  });

  it('ica.path-len says an absent pathLenConstraint is unlimited', () => {
    const found = findingsOf(resultOf('valid/root-oca.pem', manifestChecker({ kind: 'issuing-oca' })), 'ica.path-len');
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(/pathLenConstraint is absent, unlimited/);
  });

  it('root.role names the OU found, and root.not-self-signed says both the issuer and the signature fail', () => {
    const r = resultOf('valid/issuing-oca.pem', manifestChecker({ kind: 'root' }));
    const role = findingsOf(r, 'root.role');
    expect(role).toHaveLength(1);
    expect(role[0].message).toMatch(/^subject OU is '07' \(issuingAuthority\); a Root OCA Certificate's subject carries exactly one OU '00'/);
    const selfSigned = findingsOf(r, 'root.not-self-signed');
    expect(selfSigned).toHaveLength(2);
    expect(selfSigned.find((f) => f.path === 'tbsCertificate.issuer')?.message).toMatch(/issuer is 'OU=00, CN=TR' but subject is 'OU=07, CN=T1'/);
    expect(selfSigned.find((f) => f.path === 'signatureValue')?.message).toMatch(/does not verify under the certificate's own subjectPublicKeyInfo/);
  });

  it('the CA rules stay silent on the valid Root OCA when it is checked as a Device CA', () => {
    const r = resultOf('valid/root-oca.pem', manifestChecker({ kind: 'device-ca' }));
    const ours = new Set([...CA_RULES, ...KIND_RULES].map((x) => x.id));
    expect(r.findings.map((f) => f.ruleId).filter((id) => ours.has(id))).toEqual(['device-ca.profile-unavailable']);
  });
});

describe('root.not-self-signed with ecdsa-with-SHA384', () => {
  const webcrypto = globalThis.crypto;
  x509.cryptoProvider.set(webcrypto as never);
  const EC_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
  const roots: Record<'own' | 'other', Uint8Array> = { own: new Uint8Array(), other: new Uint8Array() };

  /** A Root OCA OU=00 signed with ECDSA SHA-384 by `signer`, naming itself as its issuer. */
  async function root384(keys: KeyPair, signer: nodeWebcrypto.CryptoKey): Promise<Uint8Array> {
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: '0384',
      subject: 'OU=00, CN=R384',
      issuer: 'OU=00, CN=R384',
      notBefore: new Date(Date.UTC(2025, 0, 1)),
      notAfter: new Date(Date.UTC(2049, 11, 31, 23, 59, 59)),
      publicKey: keys.publicKey,
      signingKey: signer,
      signingAlgorithm: { name: 'ECDSA', hash: 'SHA-384' } as nodeWebcrypto.EcdsaParams,
      extensions: [
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        new x509.BasicConstraintsExtension(true, undefined, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      ],
    });
    return new TextEncoder().encode(cert.toString('pem'));
  }

  beforeAll(async () => {
    const keys = (await webcrypto.subtle.generateKey(EC_P256, true, ['sign', 'verify'])) as KeyPair;
    const other = (await webcrypto.subtle.generateKey(EC_P256, true, ['sign', 'verify'])) as KeyPair;
    roots.own = await root384(keys, keys.privateKey);
    roots.other = await root384(keys, other.privateKey);
  });

  it('verifies a self-signature made with SHA-384', () => {
    const [r] = manifestChecker().checkSource(roots.own, 'root384.pem');
    expect(r.kind).toBe('root');
    expect(findingsOf(r, 'root.not-self-signed')).toEqual([]);
    // The algorithm itself is the general rules' business.
    expect(findingsOf(r, 'cert.sig-alg.not-ecdsa-sha256').length).toBeGreaterThan(0);
  });

  it('reports a SHA-384 signature by another key, naming the algorithm', () => {
    const [r] = manifestChecker().checkSource(roots.other, 'root384-other.pem');
    const found = findingsOf(r, 'root.not-self-signed');
    expect(found).toHaveLength(1);
    expect(found[0].path).toBe('signatureValue');
    expect(found[0].message).toMatch(/ecdsa-with-SHA384/);
  });
});

describe('CA, device and kind rules on partial models', () => {
  const reports: Report[] = [];
  const ctx: RuleContext = {
    evaluationTime: Date.parse('2026-06-01T00:00:00Z'),
    environment: TEST_ENVIRONMENT,
    roles: DEFAULT_ROLE_TABLE,
    commonNameRoles: new Set(['02', '87']),
    crypto: createNodeCrypto(),
    report: (r) => void reports.push(r),
  };
  const empty: Certificate = { der: new Uint8Array(), issuerUniqueIdPresent: false, subjectUniqueIdPresent: false, extensions: [], violations: [], problems: [] };
  const undecoded: Certificate = {
    ...empty,
    subject: { rdns: [], raw: new Uint8Array([0x30, 0x00]), offset: 0 },
    extensions: ['2.5.29.15', '2.5.29.19', '2.5.29.17', '2.5.29.32'].map((oid) => ({ oid, critical: true, criticalEncoded: true, value: new Uint8Array(), offset: 0, valueOffset: 0, error: 'unreadable' })),
  };

  it.each(CERTIFICATE_KINDS)('never throw on a %s with missing fields or undecodable extensions', (kind) => {
    const view: SmkiView = { kind, kindReason: 'test', keyUsage: [], policies: [], selfIssued: false };
    for (const cert of [empty, undecoded]) {
      for (const r of [...CA_RULES, ...DEVICE_RULES, ...KIND_RULES]) expect(() => r.check(certificateTarget(cert, view), ctx), r.id).not.toThrow();
    }
    const unexpected = reports.filter((r) => !/profile|no (basicConstraints|subjectAltName)|has no OU|no SMKI/.test(r.message));
    expect(unexpected).toEqual([]);
    reports.length = 0;
  });
});
