import { describe, expect, it } from 'vitest';
import { createNodeCrypto } from '../src/crypto/node.js';
import { OID } from '../src/der/index.js';
import type { Finding, RuleContext } from '../src/lint/index.js';
import { certificateTarget } from '../src/lint/index.js';
import { END_ENTITY_RULES } from '../src/rules/ee/index.js';
import { DEFAULT_ROLE_TABLE, TEST_ENVIRONMENT, smkiView } from '../src/smki/index.js';
import type { CertificateKind } from '../src/smki/index.js';
import type { BasicConstraints, Certificate, Extension, KeyUsage } from '../src/x509/index.js';
import { describeSampleCoverage, findingsOf, sampleResults as results } from './helpers/rule-samples.js';
import { loadManifest } from './helpers/sample-pki.js';

describeSampleCoverage(END_ENTITY_RULES);

describe('basicConstraints findings', () => {
  it('cA TRUE and "present" never both fire on any sample', () => {
    for (const entry of loadManifest().files) {
      const ids = new Set(results(entry.file).flatMap((r) => r.findings.map((f) => f.ruleId)));
      expect(ids.has('ee.basic-constraints.ca') && ids.has('ee.basic-constraints.present'), entry.file).toBe(false);
    }
  });

  it('messages say what was found and what to do', () => {
    const [ca] = findingsOf('defects/ee-basic-constraints-ca.pem', 'ee.basic-constraints.ca');
    expect(ca.message).toContain('basicConstraints has cA TRUE on an Organisation Certificate');
    expect(ca.message).toContain('Remove basicConstraints');
    const [present] = findingsOf('defects/ee-basic-constraints-not-ca.pem', 'ee.basic-constraints.present');
    expect(present.message).toContain('basicConstraints (critical, cA FALSE) is present on an Organisation Certificate');
    expect(present.severity).toBe('warning');
  });
});

describe('keyUsage messages on the samples', () => {
  it('both bits', () => {
    const [f] = findingsOf('defects/ee-key-usage-both.pem', 'ee.key-usage.not-ds-xor-ka');
    expect(f.message).toContain('keyUsage has both digitalSignature and keyAgreement');
    expect(f.message).toContain('exactly one of digitalSignature or keyAgreement');
    expect(f.path).toBe('tbsCertificate.extensions.keyUsage');
  });

  it('neither bit', () => {
    const [f] = findingsOf('defects/ee-key-usage-neither.pem', 'ee.key-usage.not-ds-xor-ka');
    expect(f.message).toContain('keyUsage has nonRepudiation only: neither digitalSignature nor keyAgreement');
  });
});

// Variations of valid models, for cases no sample has.

function baseCert(file: string): Certificate {
  return structuredClone(results(file)[0].certificate!);
}

function run(id: string, cert: Certificate, kind: CertificateKind = 'organisation'): Finding[] {
  const rule = END_ENTITY_RULES.find((r) => r.id === id)!;
  const findings: Finding[] = [];
  const ctx: RuleContext = {
    evaluationTime: Date.parse('2026-06-01T00:00:00Z'),
    environment: TEST_ENVIRONMENT,
    roles: DEFAULT_ROLE_TABLE,
    commonNameRoles: new Set(DEFAULT_ROLE_TABLE.commonNameRoles()),
    crypto: createNodeCrypto(),
    report: (r) => findings.push({ ruleId: id, severity: rule.severity, message: r.message, path: r.path, offset: r.offset, citation: rule.citation }),
  };
  rule.check(certificateTarget(cert, smkiView(cert, DEFAULT_ROLE_TABLE, kind)), ctx);
  return findings;
}

const extension = (cert: Certificate, oid: string): Extension => cert.extensions.find((e) => e.oid === oid)!;

function withKeyUsage(cert: Certificate, names: (keyof Omit<KeyUsage, 'names'>)[]): Certificate {
  const ku = extension(cert, OID.keyUsage).parsed as KeyUsage;
  for (const k of Object.keys(ku) as (keyof KeyUsage)[]) if (k !== 'names') (ku[k] as boolean) = false;
  for (const n of names) ku[n] = true;
  ku.names = names;
  return cert;
}

describe('keyUsage variations', () => {
  it('a bit beside the one allowed is named', () => {
    const m = run('ee.key-usage.not-ds-xor-ka', withKeyUsage(baseCert('valid/org-02-ds.pem'), ['digitalSignature', 'nonRepudiation']))[0].message;
    expect(m).toContain('keyUsage has digitalSignature plus nonRepudiation');
  });

  it('no bit at all', () => {
    expect(run('ee.key-usage.not-ds-xor-ka', withKeyUsage(baseCert('valid/org-02-ds.pem'), []))[0].message).toContain('keyUsage has no bit set');
  });

  it('names the Device Certificate on a device', () => {
    const m = run('ee.key-usage.not-ds-xor-ka', withKeyUsage(baseCert('valid/device-ds.pem'), ['keyCertSign']), 'device')[0].message;
    expect(m).toContain('a Device Certificate has exactly one of digitalSignature or keyAgreement');
  });

  it('is silent when keyUsage is missing or does not decode', () => {
    const missing = baseCert('valid/org-02-ds.pem');
    missing.extensions = missing.extensions.filter((e) => e.oid !== OID.keyUsage);
    expect(run('ee.key-usage.not-ds-xor-ka', missing)).toEqual([]);
    const broken = baseCert('valid/org-02-ds.pem');
    const ku = extension(broken, OID.keyUsage);
    ku.parsed = undefined;
    ku.error = 'keyUsage value is not a complete DER element';
    expect(run('ee.key-usage.not-ds-xor-ka', broken)).toEqual([]);
  });
});

describe('basicConstraints variations', () => {
  function withBasicConstraints(parsed: BasicConstraints | undefined, error?: string): Certificate {
    const cert = baseCert('valid/device-ds.pem');
    const ku = extension(cert, OID.keyUsage);
    cert.extensions.push({ ...ku, oid: OID.basicConstraints, name: 'basicConstraints', known: 'basicConstraints', critical: false, parsed, error });
    return cert;
  }

  it('cA TRUE with a pathLenConstraint on a device', () => {
    const cert = withBasicConstraints({ cA: true, pathLenConstraint: 0 });
    expect(run('ee.basic-constraints.ca', cert, 'device')[0].message).toContain('cA TRUE, pathLenConstraint 0 on a Device Certificate');
    expect(run('ee.basic-constraints.present', cert, 'device')).toEqual([]);
  });

  it('an undecodable basicConstraints is reported as present, not as a CA', () => {
    const cert = withBasicConstraints(undefined, 'basicConstraints value is not a complete DER element');
    expect(run('ee.basic-constraints.ca', cert, 'device')).toEqual([]);
    expect(run('ee.basic-constraints.present', cert, 'device')[0].message).toContain('non-critical, a value that does not decode');
  });
});

describe('partial models', () => {
  it('no rule throws on a certificate with nothing decoded', () => {
    const bare: Certificate = { der: new Uint8Array(0), issuerUniqueIdPresent: false, subjectUniqueIdPresent: false, extensions: [], violations: [], problems: [] };
    for (const rule of END_ENTITY_RULES) expect(run(rule.id, bare)).toEqual([]);
  });
});
