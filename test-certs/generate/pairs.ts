import type { CertParts } from './certificate.js';
import { buildCertificate, replaceExtension, toPem } from './certificate.js';
import { printableString, seq, utcTime } from './der-writer.js';
import { certificatePolicies, hardwareModuleName, subjectAltName } from './extensions.js';
import { cn, euiAttribute, name, organisationName, ou, rdn } from './names.js';
import { OIDS } from './oids.js';
import type { ValidPki } from './pki.js';
import { device, deviceRequest, organisation, organisationRequest, serialFor } from './profiles.js';
import type { Usage } from './profiles.js';
import type { RequestParts } from './request.js';
import { buildRequest } from './request.js';
import type { SampleFile, SamplePair } from './sample-file.js';
import { CERT, finding } from './expect-kit.js';
import type { Expected } from './locations.js';
import { at, certificateLayout, resolveExpected, ruleIds } from './locations.js';

// Requests and the certificates issued for them: pairs that match and pairs that differ in one
// thing, for `compare`. Requests are in pairs/requests/, certificates in pairs/certificates/, so
// the two folders can also be compared as batches (paired by public key).

const pairEui = (n: number) => Uint8Array.of(0x90, 0xb3, 0xd5, 0x1f, 0x33, 0x01, 0x00, n);

interface PairSpec {
  name: string;
  description: string;
  /** What comparing the pair reports (certificate rules included, against the sample CAs). */
  expect: Expected[];
  /** What checking the certificate on its own reports. */
  certificateExpect?: Expected[];
  request(): RequestParts;
  certificate(pki: ValidPki): CertParts;
}

const orgRequest = (label: string, n: number, usage: Usage = 'ds') => organisationRequest({ label, role: '02', usage, commonName: 'SAMPLESUPPLIER', eui: pairEui(n) });
const orgCertificate = (pki: ValidPki, label: string, n: number, usage: Usage = 'ds') => organisation({ label, role: '02', usage, commonName: 'SAMPLESUPPLIER', eui: pairEui(n), issuer: pki.oca });

const POLICY_PATH = CERT.extension('certificatePolicies', 'policyIdentifier');
const WRONG_POLICY: Expected[] = [
  finding('cert.policies.unexpected-oid', POLICY_PATH, at.extensionItem('cp', 0)),
  finding('chain.policy.inconsistent', POLICY_PATH, at.extensionItem('cp', 0)),
];
const NOT_AFTER: Expected[] = [finding('device.validity.not-after', CERT.notAfter, at.field('notAfter'))];

const SPECS: PairSpec[] = [
  { name: 'org-match', description: 'A supplier request and the certificate issued for it: same key, subject byte for byte, keyUsage.', expect: [], request: () => orgRequest('pair org', 1), certificate: (pki) => orgCertificate(pki, 'pair org', 1) },
  {
    name: 'device-match',
    description: 'A Device request and its certificate: same key, keyUsage and hardwareModuleName.',
    expect: [],
    request: () => deviceRequest({ label: 'pair device', usage: 'ka', hwSerialNum: pairEui(2) }),
    certificate: (pki) => device({ label: 'pair device', usage: 'ka', hwSerialNum: pairEui(2), issuer: pki.deviceCa }),
  },
  {
    name: 'org-subject-reencoded',
    description: 'The certificate writes the requested subject with PrintableString where the request has UTF8String: equal only after normalisation.',
    expect: [finding('compare.subject.not-byte-equal', CERT.subject, at.field('subject'))],
    request: () => orgRequest('pair reencoded', 3),
    certificate: (pki) => ({ ...orgCertificate(pki, 'pair reencoded', 3), subject: name(rdn(cn(printableString('SAMPLESUPPLIER'))), rdn(ou(printableString('02'))), rdn(euiAttribute(pairEui(3)))) }),
  },
  {
    name: 'org-other-key',
    description: 'The certificate carries another key than the request.',
    expect: [finding('compare.key.mismatch', CERT.publicKey, at.field('publicKey'))],
    request: () => orgRequest('pair other key', 4),
    certificate: (pki) => orgCertificate(pki, 'pair other key (issued)', 4),
  },
  {
    name: 'org-other-subject',
    description: 'The certificate names another Entity Identifier than the request.',
    expect: [finding('compare.subject.mismatch', CERT.subject, at.field('subject'))],
    request: () => orgRequest('pair other subject', 5),
    certificate: (pki) => ({ ...orgCertificate(pki, 'pair other subject', 5), subject: organisationName({ commonName: 'SAMPLESUPPLIER', role: '02', eui: pairEui(55) }) }),
  },
  {
    name: 'org-other-key-usage',
    description: 'keyAgreement requested, digitalSignature issued.',
    expect: [finding('compare.key-usage.mismatch', CERT.extension('keyUsage'), at.extension('ku'))],
    request: () => orgRequest('pair other usage', 6, 'ka'),
    certificate: (pki) => orgCertificate(pki, 'pair other usage', 6, 'ds'),
  },
  {
    name: 'device-other-hw-serial',
    description: 'The Device certificate names another hwSerialNum than the request.',
    expect: [finding('compare.san.mismatch', CERT.extension('subjectAltName'), at.extension('san'))],
    request: () => deviceRequest({ label: 'pair other serial', usage: 'ds', hwSerialNum: pairEui(7) }),
    certificate: (pki) => replaceExtension(device({ label: 'pair other serial', usage: 'ds', hwSerialNum: pairEui(7), issuer: pki.deviceCa }), 'san', subjectAltName([hardwareModuleName(pairEui(77))])),
  },
  {
    name: 'org-wrong-policy',
    description: "The CA wrote the device policy OID on an organisation certificate: not the environment's organisation policy.",
    expect: WRONG_POLICY,
    certificateExpect: WRONG_POLICY,
    request: () => orgRequest('pair wrong policy', 8),
    certificate: (pki) => replaceExtension(orgCertificate(pki, 'pair wrong policy', 8), 'cp', certificatePolicies([OIDS.policyDevice])),
  },
  {
    name: 'device-not-after',
    description: 'The Device certificate ends in 2034 (UTCTime) instead of 99991231235959Z.',
    expect: NOT_AFTER,
    certificateExpect: NOT_AFTER,
    request: () => deviceRequest({ label: 'pair not after', usage: 'ds', hwSerialNum: pairEui(9) }),
    certificate: (pki) => ({ ...device({ label: 'pair not after', usage: 'ds', hwSerialNum: pairEui(9), issuer: pki.deviceCa }), validity: seq(utcTime('250101000000Z'), utcTime('341231235959Z')) }),
  },
];

/** Every pair file and the pairs' comparison expectations; plus files that only make sense as batches. */
export function samplePairs(pki: ValidPki): { files: SampleFile[]; pairs: SamplePair[] } {
  const files: SampleFile[] = [];
  const pairs: SamplePair[] = [];
  const addRequest = (stem: string, kind: SampleFile['kind'], description: string, parts: RequestParts) =>
    files.push({ file: `pairs/requests/${stem}.csr`, kind, document: 'csr', description, expect: [], findings: [], content: toPem(buildRequest(parts), 'CERTIFICATE REQUEST') });
  /** Adds the certificate file; returns its layout, where the pair's findings point too. */
  const addCertificate = (stem: string, kind: SampleFile['kind'], description: string, parts: CertParts, expected: Expected[] = []) => {
    const der = buildCertificate(parts).der;
    const layout = certificateLayout(parts, der);
    files.push({ file: `pairs/certificates/${stem}.pem`, kind, description, expect: ruleIds(expected), findings: resolveExpected(expected, layout), content: toPem(der) });
    return layout;
  };

  for (const spec of SPECS) {
    const kind = spec.name.startsWith('device') ? 'device' : 'organisation';
    addRequest(spec.name, kind, `Request of the pair: ${spec.description}`, spec.request());
    const layout = addCertificate(spec.name, kind, `Certificate of the pair: ${spec.description}`, spec.certificate(pki), spec.certificateExpect);
    pairs.push({
      request: `pairs/requests/${spec.name}.csr`,
      certificate: `pairs/certificates/${spec.name}.pem`,
      description: spec.description,
      expect: ruleIds(spec.expect),
      findings: resolveExpected(spec.expect, layout),
    });
  }

  // For batches: a request nobody answered, a certificate nobody asked for, and two certificates for one request.
  addRequest('unanswered', 'organisation', 'A request no certificate answers (batch comparison).', orgRequest('pair unanswered', 10));
  addCertificate('unrequested', 'organisation', 'A certificate no request asked for (batch comparison).', orgCertificate(pki, 'pair unrequested', 11));
  addRequest('answered-twice', 'organisation', 'A request answered by two certificates (batch comparison).', orgRequest('pair twice', 12));
  for (const n of [1, 2]) {
    const parts = orgCertificate(pki, 'pair twice', 12);
    addCertificate(`answered-twice-${n}`, 'organisation', `Certificate ${n} of two issued for the same request (batch comparison).`, { ...parts, serial: serialFor(`pair twice ${n}`) });
  }
  return { files, pairs };
}

