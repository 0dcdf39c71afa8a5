import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../src/rules/index.js';
import { DEVICE_RULES } from '../src/rules/device/index.js';
import type { CertificateResult } from '../src/check/result.js';
import type { Finding } from '../src/lint/index.js';
import { join } from 'node:path';
import { checkPaths } from '../src/node.js';
import { checkSampleFile, entriesExpecting, loadManifest, TEST_CERTS, validEntries } from './helpers/sample-pki.js';

/** Each device rule with what its finding on the manifest's sample(s) must say. */
const EXPECTATIONS: { id: string; severity: Finding['severity']; message: RegExp[]; citation?: RegExp }[] = [
  { id: 'device.subject.not-empty', severity: 'error', message: [/subject is 'CN=SAMPLEDEVICE'/, /empty subject/] },
  { id: 'device.validity.not-after', severity: 'error', message: [/notAfter is UTCTime '341231235959Z'/, /2034-12-31/, /GeneralizedTime 99991231235959Z/, /RFC 5280 4\.1\.2\.5/] },
  { id: 'device.policies.count', severity: 'error', message: [/holds 2 policies/, /1\.2\.826\.0\.1\.8641679\.1\.2\.1\.4/, /1\.2\.826\.0\.1\.1800000\.1\.2\.1\.4/, /exactly one policy OID/] },
  { id: 'device.san.missing', severity: 'error', message: [/no subjectAltName/, /hardwareModuleName/, /EUI-64/] },
  { id: 'device.san.not-critical', severity: 'error', message: [/subjectAltName is not critical/, /empty subject/] },
  { id: 'device.san.not-single-hw-module', severity: 'error', message: [/holds 2 GeneralNames/, /hardwareModuleName/, /dNSName 'meter\.example'/, /exactly one GeneralName/] },
  { id: 'device.san.hw-serial-length', severity: 'error', message: [/hwSerialNum is 6 octets \([0-9A-F]{12}\)/, /Entity Identifier/, /EUI-64 of exactly 8 octets/] },
  { id: 'device.extension.unexpected', severity: 'warning', message: [/extKeyUsage \(2\.5\.29\.37\), non-critical,/, /not part of the Device Certificate profile/] },
  {
    id: 'device.issuer.not-device-ca',
    severity: 'warning',
    message: [/^the issuer name 'OU=(07|02), (CN=T1|x500UniqueIdentifier=#[0-9a-f]+)' has OU '(07|02)'/, /not a Device CA's/, /The issuer itself was not available to check$/],
    citation: /DCC test PKI .*Device Certificate Policy \(SEC Appendix A\), which names the issuer, was not available/,
  },
];

const DEVICE_RULE_IDS = new Set(DEVICE_RULES.map((r) => r.id));

/** The single certificate result of a sample file. */
function resultOf(file: string): CertificateResult {
  const results = checkSampleFile(file);
  expect(results, `${file} holds one certificate`).toHaveLength(1);
  return results[0];
}

const findingsOf = (r: CertificateResult, id: string) => r.findings.filter((f) => f.ruleId === id);

describe('device rules: registration', () => {
  it('every device rule is in ALL_RULES, applies to devices only, and the list matches the expectations', () => {
    expect([...DEVICE_RULE_IDS].sort()).toEqual(EXPECTATIONS.map((e) => e.id).sort());
    for (const rule of DEVICE_RULES) {
      expect(ALL_RULES, rule.id).toContain(rule);
      expect(rule.appliesTo, rule.id).toEqual(['device']);
      expect(rule.severity, rule.id).toBe(EXPECTATIONS.find((e) => e.id === rule.id)?.severity);
    }
  });
});

describe('device rules: manifest kinds', () => {
  const devices = loadManifest().files.filter((f) => f.kind === 'device');
  it('the manifest has device samples', () => {
    expect(devices.length).toBeGreaterThan(0);
  });
  it('every device sample is classified as a device', () => {
    for (const entry of devices) expect(resultOf(entry.file).kind, `${entry.file}: ${entry.description}`).toBe('device');
  });
});

describe.each(EXPECTATIONS)('$id', ({ id, severity, message, citation = /GBCS section 12/ }) => {
  const expecting = entriesExpecting(id);

  it('has at least one manifest sample that expects it', () => {
    expect(expecting.map((e) => e.file), `no test-certs/manifest.json entry expects ${id}: the sample PKI needs a certificate that breaks it`).not.toHaveLength(0);
  });

  it('reports every sample that expects it, saying what was found and what was expected', () => {
    for (const entry of expecting) {
      const found = findingsOf(resultOf(entry.file), id);
      expect(found.length, `${entry.file} (${entry.description}) should get ${id}`).toBeGreaterThan(0);
      for (const f of found) {
        expect(f.severity).toBe(severity);
        expect(f.citation).toMatch(citation);
        expect(f.path).toMatch(/^tbsCertificate\./);
        for (const re of message) expect(f.message, entry.file).toMatch(re);
      }
    }
  });

  it('stays silent on every valid device certificate', () => {
    const valid = validEntries(['device']);
    expect(valid.length).toBeGreaterThan(0);
    for (const entry of valid) expect(findingsOf(resultOf(entry.file), id), entry.file).toEqual([]);
  });

  it('reports only on the samples that expect it among the device samples', () => {
    for (const entry of loadManifest().files.filter((f) => f.kind === 'device' && !f.expect.includes(id))) {
      expect(findingsOf(resultOf(entry.file), id), `${entry.file} does not expect ${id}`).toEqual([]);
    }
  });
});

describe('device rules on other kinds', () => {
  it('never fire on a certificate that is not a device', () => {
    for (const entry of validEntries(['organisation', 'issuing-oca', 'root', 'device-ca'])) {
      const r = resultOf(entry.file);
      expect(r.findings.filter((f) => DEVICE_RULE_IDS.has(f.ruleId)), entry.file).toEqual([]);
    }
  });
});

describe('device.issuer.not-device-ca with the issuer at hand', () => {
  it('judges the issuer by its kind, and is silent on a Device CA', async () => {
    const results = await checkPaths([join(TEST_CERTS, 'valid'), join(TEST_CERTS, 'defects/device-issuer-issuing-oca.pem')], { at: loadManifest().evaluationTime });
    const defect = results.find((r) => r.source.path.endsWith('device-issuer-issuing-oca.pem'))!;
    expect(defect.issuer?.matchedBy).toBe('key-identifier');
    const [found] = findingsOf(defect, 'device.issuer.not-device-ca');
    expect(found.message).toMatch(/^the certificate was issued by the issuer 'OU=07, CN=T1' \(Issuing OCA Certificate, SHA-256 [0-9a-f]{16}…, matched by its subjectKeyIdentifier\); a Device Certificate is issued by a Device CA$/);
    for (const valid of results.filter((r) => r.kind === 'device' && r !== defect)) expect(findingsOf(valid, 'device.issuer.not-device-ca'), valid.source.path).toEqual([]);
  });
});
