import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CertificateResult } from '../src/check/result.js';
import { createNodeCrypto } from '../src/crypto/node.js';
import { OID } from '../src/der/index.js';
import type { Finding, LintTarget, Report, Rule, RuleContext } from '../src/lint/index.js';
import { certificateTarget } from '../src/lint/index.js';
import { CERTIFICATE_RULES } from '../src/rules/cert/index.js';
import { ALL_RULES } from '../src/rules/index.js';
import { PATH, extensionPath } from '../src/rules/paths.js';
import { DEFAULT_ROLE_TABLE, SMKI_KINDS, TEST_ENVIRONMENT, smkiView } from '../src/smki/index.js';
import type { CertificateKind } from '../src/smki/index.js';
import { decodeCertificate, findExtension } from '../src/x509/index.js';
import type { Certificate } from '../src/x509/index.js';
import { checkSampleFile, entriesExpecting, manifestChecker, validEntries } from './helpers/sample-pki.js';
import type { ManifestEntry } from './helpers/sample-pki.js';

/** The catalogue's general certificate rules and their severities. */
const CATALOGUE: Record<string, 'error' | 'warning'> = {
  'cert.version.not-v3': 'error',
  'cert.serial.not-positive': 'error',
  'cert.serial.too-long': 'error',
  'cert.unique-ids.present': 'error',
  'cert.issuer.empty': 'error',
  'cert.name.not-directory-string': 'error',
  'cert.name.legacy-string-type': 'warning',
  'cert.name.too-long': 'error',
  'cert.sig-alg.not-ecdsa-sha256': 'error',
  'cert.sig-alg.parameters-present': 'error',
  'cert.sig-alg.mismatch': 'error',
  'cert.sig-value.not-der': 'error',
  'cert.key.algorithm': 'error',
  'cert.key.curve': 'error',
  'cert.key.not-uncompressed': 'error',
  'cert.key.not-on-curve': 'error',
  'cert.ku.missing': 'error',
  'cert.ku.not-critical': 'error',
  'cert.ku.not-der-minimal': 'error',
  'cert.policies.missing': 'error',
  'cert.policies.not-critical': 'error',
  'cert.policies.unexpected-oid': 'error',
  'cert.policies.duplicate-oid': 'error',
  'cert.ski.missing': 'error',
  'cert.ski.critical': 'error',
  'cert.ski.length': 'error',
  'cert.ski.method': 'error',
  'cert.aki.missing': 'error',
  'cert.aki.critical': 'error',
  'cert.aki.fields': 'error',
  'cert.aki.length': 'error',
  'cert.extension.duplicate': 'error',
  'cert.extension.undecodable': 'error',
  'cert.extension.unexpected-critical': 'error',
  'cert.validity.time-encoding': 'error',
  'cert.validity.order': 'error',
  'cert.validity.expired': 'error',
  'cert.validity.not-yet-valid': 'warning',
};

const EVALUATION = '2026-06-01T00:00:00Z';

const results = new Map<string, CertificateResult[]>();
/** Sample files are checked once and shared by every test. */
function check(file: string): CertificateResult[] {
  let r = results.get(file);
  if (!r) {
    r = checkSampleFile(file);
    results.set(file, r);
  }
  return r;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').toUpperCase();

/** RFC 5280 4.2.1.2 method 2, computed independently of the rules. */
function method2(cert: Certificate): string {
  const sha1 = createHash('sha1').update(cert.subjectPublicKeyInfo!.publicKey).digest();
  const id = Buffer.from(sha1.subarray(12));
  id[0] = 0x40 | (id[0] & 0x0f);
  return id.toString('hex').toUpperCase();
}

type Detail = (findings: Finding[], result: CertificateResult, entry: ManifestEntry) => void;

/** What each rule's findings must say on the samples that expect it. */
const DETAILS: Record<string, Detail> = {
  'cert.version.not-v3': (fs, r) => {
    for (const f of fs) {
      expect(f.path).toBe(PATH.version);
      expect(f.message).toContain(`v${r.certificate!.version}`);
      expect(f.message).toContain('v3');
    }
  },
  'cert.serial.not-positive': (fs, r) => {
    const serial = r.certificate!.serialNumber!;
    for (const f of fs) {
      expect(f.offset).toBe(serial.offset);
      expect(f.message).toMatch(serial.value < 0n ? /negative/ : /\b0\b|no content octets/);
      expect(f.message).toContain('positive');
    }
  },
  'cert.serial.too-long': (fs, r) => {
    for (const f of fs) expect(f.message).toContain(`serialNumber is ${r.certificate!.serialNumber!.bytes.length} octets; RFC 5280 4.1.2.2 allows at most 20`);
  },
  'cert.unique-ids.present': (fs, r) => {
    const c = r.certificate!;
    expect(fs).toHaveLength(Number(c.issuerUniqueIdPresent) + Number(c.subjectUniqueIdPresent));
    if (c.issuerUniqueIdPresent) {
      const spki = c.subjectPublicKeyInfo!;
      const f = fs.find((x) => x.message.includes('issuerUniqueID'))!;
      expect(f.offset).toBe(spki.offset + spki.raw.length);
      expect(c.der[f.offset!]).toBe(0x81);
    }
  },
  'cert.sig-alg.not-ecdsa-sha256': (fs, r) => {
    const c = r.certificate!;
    const wrong = [c.signature, c.signatureAlgorithm].filter((a) => a && a.oid !== OID.ecdsaWithSha256);
    expect(fs).toHaveLength(wrong.length);
    for (const f of fs) {
      const alg = f.path === PATH.signature ? c.signature! : c.signatureAlgorithm!;
      expect(f.offset).toBe(alg.offset);
      expect(f.message).toContain(alg.oid);
      expect(f.message).toContain(OID.ecdsaWithSha256);
    }
  },
  'cert.sig-alg.parameters-present': (fs, r) => {
    const c = r.certificate!;
    const withParams = [c.signature, c.signatureAlgorithm].filter((a) => a && a.parameters !== 'absent');
    expect(fs).toHaveLength(withParams.length);
    for (const f of fs) {
      const alg = f.path === PATH.signature ? c.signature! : c.signatureAlgorithm!;
      expect(f.message).toContain(alg.parameters === 'null' ? 'NULL parameters' : 'parameters other than NULL');
      expect(f.message).toContain('takes absent parameters (RFC 5758 3.2)');
    }
  },
  'cert.sig-alg.mismatch': (fs, r) => {
    const c = r.certificate!;
    expect(fs).toHaveLength(1);
    expect(fs[0].message).toContain(c.signature!.oid);
    expect(fs[0].message).toContain(c.signatureAlgorithm!.oid);
    expect(fs[0].message).toContain('identical');
  },
  'cert.key.algorithm': (fs, r) => {
    for (const f of fs) {
      expect(f.message).toContain(r.certificate!.subjectPublicKeyInfo!.algorithm.oid);
      expect(f.message).toContain(`id-ecPublicKey (${OID.ecPublicKey})`);
    }
  },
  'cert.key.curve': (fs, r) => {
    for (const f of fs) {
      expect(f.path).toBe(PATH.spkiAlgorithm);
      const curve = r.certificate!.subjectPublicKeyInfo!.algorithm.parametersOid;
      if (curve) expect(f.message).toContain(curve);
      expect(f.message).toContain(`prime256v1 (${OID.prime256v1})`);
    }
  },
  'cert.key.not-uncompressed': (fs, r) => {
    const spki = r.certificate!.subjectPublicKeyInfo!;
    for (const f of fs) {
      expect(f.offset).toBe(spki.keyOffset);
      if (spki.pointFormat === 'compressed' || spki.pointFormat === 'hybrid') expect(f.message).toContain(`a ${spki.pointFormat} point`);
      expect(f.message).toContain(`${spki.publicKey.length} octets`);
      expect(f.message).toContain('65-octet uncompressed');
    }
  },
  'cert.ku.missing': (fs) => expect(fs[0].message).toContain('no keyUsage'),
  'cert.key.not-on-curve': (fs, r) => {
    expect(fs[0].offset).toBe(r.certificate!.subjectPublicKeyInfo!.keyOffset);
    expect(fs[0].message).toMatch(/is not a point of prime256v1: it does not satisfy the curve equation/);
  },
  'cert.ku.not-der-minimal': (fs) => {
    expect(fs[0].message).toBe('keyUsage is not DER: the BIT STRING ends in 7 zero bits (unused bits 0); DER removes them: 1 octet with 7 unused bits');
  },
  'cert.sig-value.not-der': (fs) => {
    expect(fs[0].path).toBe('signatureValue');
    expect(fs[0].message).toMatch(/not a DER ECDSA-Sig-Value: its encoding is not DER: .*INTEGER/);
  },
  'cert.ku.not-critical': (fs, r) => {
    expect(fs[0].offset).toBe(findExtension(r.certificate!, 'keyUsage')!.offset);
    expect(fs[0].message).toContain('keyUsage is not critical');
  },
  'cert.policies.missing': (fs) => expect(fs[0].message).toMatch(/no certificatePolicies|empty SEQUENCE/),
  'cert.policies.not-critical': (fs) => expect(fs[0].message).toContain('certificatePolicies is not critical'),
  'cert.policies.unexpected-oid': (fs, r) => {
    const expected = TEST_ENVIRONMENT.policies[r.kind!];
    const unexpected = r.view!.policies.filter((p) => !expected.includes(p));
    expect(fs).toHaveLength(unexpected.length);
    for (const [i, f] of fs.entries()) {
      expect(f.message).toContain(`policy ${unexpected[i]}`);
      expect(f.message).toContain("'test' environment");
      for (const oid of expected) expect(f.message).toContain(oid);
    }
  },
  'cert.ski.missing': (fs) => expect(fs[0].message).toContain('no subjectKeyIdentifier'),
  'cert.ski.critical': (fs) => expect(fs[0].message).toContain('subjectKeyIdentifier is critical'),
  'cert.ski.length': (fs, r) => {
    const c = r.certificate!;
    const ski = findExtension(c, 'subjectKeyIdentifier')!.parsed as Uint8Array;
    const full = createHash('sha1').update(c.subjectPublicKeyInfo!.publicKey).digest();
    expect(fs[0].message).toContain(`subjectKeyIdentifier is ${ski.length} octets`);
    expect(fs[0].message).toContain(`SMKI requires 8 octets by method 2: ${method2(c)}`);
    if (Buffer.from(ski).equals(full)) expect(fs[0].message).toContain('the full SHA-1 of the key, RFC 5280 method 1');
  },
  'cert.ski.method': (fs, r) => {
    const c = r.certificate!;
    const ski = findExtension(c, 'subjectKeyIdentifier')!.parsed as Uint8Array;
    expect(fs[0].message).toContain(hex(ski));
    expect(fs[0].message).toContain(`expected ${method2(c)}`);
  },
  'cert.aki.missing': (fs) => expect(fs[0].message).toContain('only a self-signed Root OCA may omit it'),
  'cert.aki.critical': (fs) => expect(fs[0].message).toContain('authorityKeyIdentifier is critical'),
  'cert.aki.fields': (fs, r) => {
    const aki = r.certificate!.extensions.find((e) => e.oid === OID.authorityKeyIdentifier)!.parsed as { hasAuthorityCertIssuer: boolean; authorityCertSerialNumber?: Uint8Array; keyIdentifier?: Uint8Array };
    if (aki.hasAuthorityCertIssuer) expect(fs[0].message).toContain('authorityCertIssuer');
    if (aki.authorityCertSerialNumber) expect(fs[0].message).toContain('authorityCertSerialNumber');
    if (!aki.keyIdentifier) expect(fs[0].message).toContain('no keyIdentifier');
    expect(fs[0].message).toContain('keyIdentifier only');
  },
  'cert.aki.length': (fs) => {
    expect(fs[0].path).toBe(extensionPath('authorityKeyIdentifier', 'keyIdentifier'));
    expect(fs[0].message).toMatch(/keyIdentifier is (\d+ octets|empty).*requires 8 octets/);
  },
  'cert.extension.duplicate': (fs, r) => {
    for (const f of fs) {
      const ext = r.certificate!.extensions.find((e) => e.offset === f.offset)!;
      expect(f.message).toContain(ext.oid);
      expect(f.message).toMatch(/appears \d+ times/);
    }
  },
  'cert.extension.undecodable': (fs) => {
    for (const f of fs) expect(f.message).toContain('does not decode');
  },
  'cert.issuer.empty': (fs, r) => {
    expect(fs).toHaveLength(1);
    expect(r.certificate!.issuer!.rdns).toEqual([]);
    expect(fs[0].message).toContain('the issuer name is empty; RFC 5280 4.1.2.4 requires a non-empty distinguished name');
  },
  'cert.name.not-directory-string': (fs, r) => {
    for (const f of fs) {
      expect(f.message).toMatch(/^(Subject|Issuer) (CN|OU) '[^']+' is an IA5String, which is not a DirectoryString choice; RFC 5280 writes (CN|OU) as PrintableString or UTF8String/);
      // The role is still read from an IA5String OU, and shown.
      if (f.path === PATH.subjectOu) expect(r.subject?.roleHex).toBe('02');
    }
  },
  'cert.name.legacy-string-type': (fs) => {
    for (const f of fs) expect(f.message).toMatch(/is a (BMPString|TeletexString); RFC 5280 allows it only for a name established before/);
  },
  'cert.name.too-long': (fs) => {
    for (const f of fs) expect(f.message).toMatch(/^Subject CN is 65 characters long; RFC 5280 bounds it at 64 \(ub-common-name\)$/);
  },
  'cert.policies.duplicate-oid': (fs, r) => {
    const policies = findExtension(r.certificate!, 'certificatePolicies')!.parsed as { oid: string; offset: number }[];
    expect(fs).toHaveLength(1);
    expect(fs[0].offset).toBe(policies[1].offset);
    expect(fs[0].message).toContain(`policy ${policies[1].oid} appears again (PolicyInformation 2; the first is number 1, at offset ${policies[0].offset})`);
  },
  'cert.extension.unexpected-critical': (fs, r) => {
    for (const f of fs) {
      expect(f.message).toMatch(/^extension (extKeyUsage|nameConstraints) \(2\.5\.29\.\d+\), critical, is not part of the (Organisation|Issuing OCA) Certificate profile/);
      expect(f.message).toContain('RFC 5280 4.2 has software reject a certificate with a critical extension it does not recognise');
      expect(r.findings.map((x) => x.ruleId)).not.toContain('org.extension.unexpected');
    }
  },
  'cert.validity.time-encoding': (fs, r) => {
    const v = r.certificate!.validity!;
    for (const f of fs) {
      const field = f.path === PATH.notBefore ? 'notBefore' : 'notAfter';
      expect(f.offset).toBe(v[field]!.offset);
      expect(f.message).toContain(`${field} '${v[field]!.text}' (year ${new Date(v[field]!.ms!).getUTCFullYear()})`);
      expect(f.message).toContain('UTCTime for dates through 2049');
    }
  },
  'cert.validity.order': (fs, r) => {
    const v = r.certificate!.validity!;
    expect(fs[0].message).toContain(`notBefore ${new Date(v.notBefore!.ms!).toISOString().replace('.000', '')} is after notAfter ${new Date(v.notAfter!.ms!).toISOString().replace('.000', '')}`);
  },
  'cert.validity.expired': (fs, r) => {
    const na = r.certificate!.validity!.notAfter!;
    expect(fs[0].message).toContain(`expired at ${new Date(na.ms!).toISOString().replace('.000', '')}`);
    expect(fs[0].message).toContain(`evaluated at ${EVALUATION}`);
  },
  'cert.validity.not-yet-valid': (fs, r) => {
    const nb = r.certificate!.validity!.notBefore!;
    expect(fs[0].severity).toBe('warning');
    expect(fs[0].message).toContain(`not valid until ${new Date(nb.ms!).toISOString().replace('.000', '')}`);
    expect(fs[0].message).toContain(`evaluated at ${EVALUATION}`);
  },
};

const byId = new Map(CERTIFICATE_RULES.map((r) => [r.id, r]));

describe('general certificate rules: metadata', () => {
  it('are exactly the catalogue ids, with its severities', () => {
    expect(CERTIFICATE_RULES.map((r) => r.id).sort()).toEqual(Object.keys(CATALOGUE).sort());
    for (const r of CERTIFICATE_RULES) expect(r.severity, r.id).toBe(CATALOGUE[r.id]);
  });

  it('apply to every kind, cite a document and clause, and are all built in', () => {
    for (const r of CERTIFICATE_RULES) {
      // Not an SMKI certificate gets none of them: only the encoding, decoding and classification rules.
      expect(r.appliesTo, r.id).toEqual(SMKI_KINDS);
      expect(r.citation, r.id).toMatch(/(RFC \d+|GBCS section 12)/);
      expect(['spec', 'dcc', 'seen', 'adopted']).toContain(r.source);
      expect(ALL_RULES, r.id).toContain(r);
    }
  });

  it('has message checks for every rule', () => {
    expect(Object.keys(DETAILS).sort()).toEqual(Object.keys(CATALOGUE).sort());
  });
});

describe.each(Object.keys(CATALOGUE))('%s', (id) => {
  const rule = byId.get(id)!;

  it('is expected by at least one sample', () => {
    expect(entriesExpecting(id).length, `no manifest entry expects ${id}`).toBeGreaterThan(0);
  });

  it('reports on every sample that expects it, saying what was found and expected', () => {
    for (const entry of entriesExpecting(id)) {
      const rs = check(entry.file);
      expect(rs.length, entry.file).toBeGreaterThan(0);
      for (const r of rs) {
        const fs = r.findings.filter((f) => f.ruleId === id);
        expect(fs.length, `${entry.file}: ${id} not reported; got ${r.findings.map((f) => f.ruleId).join(', ')}`).toBeGreaterThan(0);
        for (const f of fs) {
          expect(f.severity).toBe(rule.severity);
          expect(f.citation).toBe(rule.citation);
          expect(f.path).toMatch(/^(tbsCertificate|signatureAlgorithm|signatureValue)/);
        }
        DETAILS[id](fs, r, entry);
      }
    }
  });

  it('is silent on every valid sample', () => {
    const valid = validEntries();
    expect(valid.length).toBeGreaterThan(0);
    for (const entry of valid) {
      for (const r of check(entry.file)) expect(r.findings.filter((f) => f.ruleId === id), entry.file).toEqual([]);
    }
  });
});

describe('validity at explicit evaluation times', () => {
  const file = 'valid/org-02-ds.pem';
  const at = (time: string | number) => checkSampleFile(file, manifestChecker({ at: time }))[0];
  const ids = (r: CertificateResult) => r.findings.map((f) => f.ruleId).filter((x) => x.startsWith('cert.validity.'));
  const v = () => check(file)[0].certificate!.validity!;

  it('the sample is valid from 2025-01-01 through 2034-12-31', () => {
    expect(new Date(v().notBefore!.ms!).toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(new Date(v().notAfter!.ms!).toISOString()).toBe('2034-12-31T23:59:59.000Z');
  });

  it('before notBefore: not yet valid (a warning), not expired', () => {
    const r = at('2024-06-01T00:00:00Z');
    expect(ids(r)).toEqual(['cert.validity.not-yet-valid']);
    const f = r.findings.find((x) => x.ruleId === 'cert.validity.not-yet-valid')!;
    expect(f.severity).toBe('warning');
    expect(f.path).toBe(PATH.notBefore);
    expect(f.offset).toBe(v().notBefore!.offset);
    expect(f.message).toBe('certificate is not valid until 2025-01-01T00:00:00Z (notBefore); evaluated at 2024-06-01T00:00:00Z');
  });

  it('after notAfter: expired, not "not yet valid"', () => {
    const r = at('2035-06-01T12:00:00Z');
    expect(ids(r)).toEqual(['cert.validity.expired']);
    const f = r.findings.find((x) => x.ruleId === 'cert.validity.expired')!;
    expect(f.path).toBe(PATH.notAfter);
    expect(f.offset).toBe(v().notAfter!.offset);
    expect(f.message).toBe('certificate expired at 2034-12-31T23:59:59Z (notAfter); evaluated at 2035-06-01T12:00:00Z');
  });

  it('inside the period: neither', () => {
    expect(ids(at('2030-01-01T00:00:00Z'))).toEqual([]);
  });

  it('both bounds are inclusive', () => {
    expect(ids(at(v().notBefore!.ms!))).toEqual([]);
    expect(ids(at(v().notAfter!.ms!))).toEqual([]);
    expect(ids(at(v().notBefore!.ms! - 1000))).toEqual(['cert.validity.not-yet-valid']);
    expect(ids(at(v().notAfter!.ms! + 1000))).toEqual(['cert.validity.expired']);
  });
});

/** Runs one rule directly on a model, bypassing the engine's malformed-certificate gate. */
function run(rule: Rule, cert: Certificate, kind?: CertificateKind): Report[] {
  const reports: Report[] = [];
  const view = smkiView(cert, DEFAULT_ROLE_TABLE, kind);
  const ctx: RuleContext = {
    evaluationTime: Date.parse(EVALUATION),
    environment: TEST_ENVIRONMENT,
    roles: DEFAULT_ROLE_TABLE,
    commonNameRoles: new Set(['02', '87']),
    crypto: createNodeCrypto(),
    report: (r) => void reports.push(r),
  };
  const target: LintTarget = certificateTarget(cert, view);
  rule.check(target, ctx);
  return reports;
}

const validDer = () => new Uint8Array(check('valid/org-02-ds.pem')[0].certificate!.der);

describe('partial and broken models', () => {
  it('no rule throws on an empty model', () => {
    const empty: Certificate = { der: new Uint8Array(0), issuerUniqueIdPresent: false, subjectUniqueIdPresent: false, extensions: [], violations: [], problems: [] };
    for (const rule of CERTIFICATE_RULES) expect(() => run(rule, empty), rule.id).not.toThrow();
  });

  it('no rule throws on any single-octet corruption of a valid certificate', () => {
    const der = validDer();
    for (let i = 0; i < der.length; i++) {
      for (const flip of [0xff, 0x01, 0x80]) {
        const bad = new Uint8Array(der);
        bad[i] ^= flip;
        const cert = decodeCertificate(bad);
        for (const rule of CERTIFICATE_RULES) expect(() => run(rule, cert), `${rule.id} at ${i}`).not.toThrow();
      }
    }
  });

  it('no rule throws on any truncation of a valid certificate', () => {
    const der = validDer();
    for (let n = 0; n < der.length; n++) {
      const cert = decodeCertificate(der.subarray(0, n));
      for (const rule of CERTIFICATE_RULES) expect(() => run(rule, cert), `${rule.id} at ${n}`).not.toThrow();
    }
  });
});

describe('cases the samples do not cover', () => {
  const rule = (id: string) => byId.get(id)!;

  it('cert.extension.undecodable: a subjectKeyIdentifier that is not an OCTET STRING', () => {
    const der = validDer();
    const ski = findExtension(decodeCertificate(der), 'subjectKeyIdentifier')!;
    expect(der[ski.valueOffset]).toBe(0x04);
    der[ski.valueOffset] = 0x0c; // UTF8String: well-formed DER, wrong type
    const result = manifestChecker().lint(manifestChecker().decodeDer(der, { path: 'mutated', index: 0 }));
    const found = result.findings.filter((f) => f.ruleId.startsWith('cert.'));
    expect(found.map((f) => f.ruleId)).toEqual(['cert.extension.undecodable']);
    expect(found[0].offset).toBe(ski.valueOffset);
    expect(found[0].path).toBe(extensionPath('subjectKeyIdentifier'));
    expect(found[0].message).toBe('the subjectKeyIdentifier (2.5.29.14) value does not decode: subjectKeyIdentifier is not an OCTET STRING; the rules on its content could not be checked');
  });

  it('cert.policies.missing: an empty certificatePolicies SEQUENCE', () => {
    const der = validDer();
    const cp = findExtension(decodeCertificate(der), 'certificatePolicies')!;
    const cert = decodeCertificate(der);
    const ext = cert.extensions.find((e) => e.oid === cp.oid)!;
    ext.parsed = [];
    const reports = run(rule('cert.policies.missing'), cert);
    expect(reports).toHaveLength(1);
    expect(reports[0].message).toContain('certificatePolicies is an empty SEQUENCE; RFC 5280 4.2.1.4 requires at least one PolicyInformation (SIZE (1..MAX))');
    expect(run(rule('cert.policies.unexpected-oid'), cert)).toEqual([]);
  });

  it('cert.aki.missing exempts the Root OCA only', () => {
    const cert = decodeCertificate(validDer());
    cert.extensions = cert.extensions.filter((e) => e.oid !== OID.authorityKeyIdentifier);
    expect(run(rule('cert.aki.missing'), cert, 'root')).toEqual([]);
    for (const kind of ['organisation', 'issuing-oca', 'device', 'device-ca', 'unknown'] as const) expect(run(rule('cert.aki.missing'), cert, kind), kind).toHaveLength(1);
  });

  it('cert.validity.time-encoding: a GeneralizedTime in 2050 or later is right', () => {
    for (const entry of validEntries(['device'])) {
      const r = check(entry.file)[0];
      expect(r.certificate!.validity!.notAfter!.encoding).toBe('GeneralizedTime');
      expect(r.findings.filter((f) => f.ruleId === 'cert.validity.time-encoding')).toEqual([]);
    }
  });

  it('cert.extension.duplicate reads the extension list a bounded number of times per extension, however many copies', () => {
    // Counts element reads instead of timing: a rule that compares every pair reads n² of them.
    const cert = decodeCertificate(validDer());
    const ku = cert.extensions.find((e) => e.oid === OID.keyUsage)!;
    const others = cert.extensions.filter((e) => e !== ku);
    for (const n of [100, 2000]) {
      let reads = 0;
      const copies = Array.from({ length: n }, (_, i) => ({ ...ku, offset: ku.offset + i }));
      cert.extensions = new Proxy([...others, ...copies], {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key, receiver);
        },
      });
      const reports = run(rule('cert.extension.duplicate'), cert);
      expect(reports).toHaveLength(n - 1);
      expect(reports[n - 2].message).toContain(`appears ${n} times (this is instance ${n}; the first is at offset ${ku.offset})`);
      // The view built alongside reads the list too; a few passes in all, never one per pair.
      expect(reads, `${n} copies`).toBeLessThanOrEqual(8 * cert.extensions.length);
    }
  });

  it('cert.policies.duplicate-oid names the first of each repeated OID, and reads the policies a bounded number of times however many there are', () => {
    const cert = decodeCertificate(validDer());
    const cp = cert.extensions.find((e) => e.oid === OID.certificatePolicies)!;
    const [a, b] = ['1.2.826.0.1.9999.1', '1.2.826.0.1.9999.2'];
    cp.parsed = [a, b, a, b, a].map((oid, i) => ({ oid, offset: 1000 + i, hasQualifiers: false }));
    const reports = run(rule('cert.policies.duplicate-oid'), cert);
    expect(reports.map((r) => r.message.match(/\(PolicyInformation (\d+); the first is number (\d+)/)!.slice(1).join('<-'))).toEqual(['3<-1', '4<-2', '5<-1']);
    // Counts element reads instead of timing: a rule that compares every pair reads n² of them.
    for (const n of [100, 2000]) {
      let reads = 0;
      const policies = Array.from({ length: n }, (_, i) => ({ oid: i % 2 === 0 ? a : `1.2.826.0.1.${i}`, offset: i, hasQualifiers: false }));
      cp.parsed = new Proxy(policies, {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key, receiver);
        },
      });
      expect(run(rule('cert.policies.duplicate-oid'), cert)).toHaveLength(n / 2 - 1);
      expect(reads, `${n} policies`).toBeLessThanOrEqual(4 * n);
    }
  });

  it('cert.ski.method names the usual mistakes', () => {
    const cert = decodeCertificate(validDer());
    const ext = cert.extensions.find((e) => e.oid === OID.subjectKeyIdentifier)!;
    const sha1 = createHash('sha1').update(cert.subjectPublicKeyInfo!.publicKey).digest();
    ext.parsed = new Uint8Array(sha1.subarray(12));
    expect(ext.parsed[0] >> 4).not.toBe(4);
    const noType = run(rule('cert.ski.method'), cert);
    expect(noType[0]?.message).toContain('without the 0100 type field');
    ext.parsed = new Uint8Array(sha1.subarray(0, 8));
    expect(run(rule('cert.ski.method'), cert)[0].message).toContain('the first 64 bits of the SHA-1');
    const overSpki = Buffer.from(createHash('sha1').update(cert.subjectPublicKeyInfo!.raw).digest().subarray(12));
    overSpki[0] = 0x40 | (overSpki[0] & 0x0f);
    ext.parsed = new Uint8Array(overSpki);
    expect(run(rule('cert.ski.method'), cert)[0].message).toContain('computed over the whole SubjectPublicKeyInfo');
  });
});
