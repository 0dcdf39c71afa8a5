import type { CertParts } from './certificate.js';
import { addExtension, removeExtension, replaceExtension } from './certificate.js';
import type { Defect } from './defect-kit.js';
import { defectEui } from './defect-kit.js';
import { ascii, contextPrimitive, printableString, seq, utcTime } from './der-writer.js';
import { authorityKeyIdentifier, certificatePolicies, extKeyUsage, hardwareModuleName, keyUsage, subjectAltName } from './extensions.js';
import { keyIdMethod2, p256Key } from './keys.js';
import type { ValidPki } from './pki.js';
import { device } from './profiles.js';
import { cn, name, organisationName, rdn } from './names.js';
import { CERT, finding } from './expect-kit.js';
import { at } from './locations.js';
import { OIDS } from './oids.js';

const POLICY_PATH = CERT.extension('certificatePolicies', 'policyIdentifier');

// Device certificate defects, each issued by the valid Device CA.

const deviceWith = (edit: (parts: CertParts, label: string) => CertParts | void): Defect['build'] => (pki: ValidPki, label: string) => {
  const parts = device({ label, usage: 'ds', hwSerialNum: defectEui(label), issuer: pki.deviceCa });
  return edit(parts, label) ?? parts;
};

export const deviceDefects: Defect[] = [
  {
    name: 'device-subject-not-empty',
    kind: 'device',
    description: 'A device certificate whose subject is CN=SAMPLEDEVICE instead of empty.',
    expect: [finding('device.subject.not-empty', CERT.subject, at.field('subject'))],
    build: deviceWith((p) => void (p.subject = name(rdn(cn(printableString('SAMPLEDEVICE')))))),
  },
  {
    name: 'device-validity-not-after',
    kind: 'device',
    description: 'notAfter is UTCTime 2034-12-31 instead of GeneralizedTime 99991231235959Z.',
    expect: [finding('device.validity.not-after', CERT.notAfter, at.field('notAfter'))],
    build: deviceWith((p) => void (p.validity = seq(utcTime('250101000000Z'), utcTime('341231235959Z')))),
  },
  {
    name: 'device-policies-two',
    kind: 'device',
    description: 'Two policy OIDs (both device policies of the test environment); the Device CA has only the first.',
    expect: [finding('device.policies.count', CERT.extension('certificatePolicies'), at.extension('cp')), finding('chain.policy.inconsistent', POLICY_PATH, at.extensionItem('cp', 1))],
    build: deviceWith((p) => replaceExtension(p, 'cp', certificatePolicies([OIDS.policyOrganisation, OIDS.policyDevice]))),
  },
  {
    name: 'device-policy-not-in-issuer',
    kind: 'device',
    description: 'The single policy is the device OID 1.2.826.0.1.1800000.1.2.1.4, accepted for devices, but the Device CA does not carry it.',
    expect: [finding('chain.policy.inconsistent', POLICY_PATH, at.extensionItem('cp', 0))],
    build: deviceWith((p) => replaceExtension(p, 'cp', certificatePolicies([OIDS.policyDevice]))),
  },
  {
    name: 'device-san-missing',
    kind: 'device',
    description: 'No subjectAltName (no hardwareModuleName).',
    expect: [finding('device.san.missing', CERT.extension('subjectAltName'))],
    build: deviceWith((p) => removeExtension(p, 'san')),
  },
  {
    name: 'device-san-not-critical',
    kind: 'device',
    description: 'subjectAltName is not marked critical.',
    expect: [finding('device.san.not-critical', CERT.extension('subjectAltName', 'critical'), at.extension('san'))],
    build: deviceWith((p, label) => replaceExtension(p, 'san', subjectAltName([hardwareModuleName(defectEui(label))], false))),
  },
  {
    name: 'device-san-two-names',
    kind: 'device',
    description: 'subjectAltName holds the hardwareModuleName and also a dNSName.',
    expect: [finding('device.san.not-single-hw-module', CERT.extension('subjectAltName'), at.extensionValue('san'))],
    build: deviceWith((p, label) =>
      replaceExtension(p, 'san', subjectAltName([hardwareModuleName(defectEui(label)), contextPrimitive(2, ascii('meter.example'))])),
    ),
  },
  {
    name: 'device-san-hw-serial-6',
    kind: 'device',
    description: 'hwSerialNum holds 6 octets instead of an 8-octet EUI-64.',
    expect: [finding('device.san.hw-serial-length', CERT.extension('subjectAltName', 'hardwareModuleName.hwSerialNum'), at.extensionItem('san', 0))],
    build: deviceWith((p, label) => replaceExtension(p, 'san', subjectAltName([hardwareModuleName(defectEui(label).subarray(2))]))),
  },
  {
    name: 'device-extension-unexpected',
    kind: 'device',
    description: 'An extKeyUsage (clientAuth) extension, which the device profile does not have.',
    expect: [finding('device.extension.unexpected', CERT.extension('extKeyUsage'), at.extension('eku'))],
    build: deviceWith((p) => addExtension(p, extKeyUsage(OIDS.clientAuth))),
  },
  {
    name: 'device-key-usage-both',
    kind: 'device',
    description: 'keyUsage has both digitalSignature and keyAgreement; a Device Certificate has exactly one.',
    expect: [finding('ee.key-usage.not-ds-xor-ka', CERT.extension('keyUsage'), at.extension('ku'))],
    build: deviceWith((p) => replaceExtension(p, 'ku', keyUsage(['digitalSignature', 'keyAgreement']))),
  },
  {
    name: 'device-issuer-issuing-oca',
    kind: 'device',
    description: 'A Device Certificate issued and signed by the Issuing OCA (issuer, AKI and signature), not by a Device CA.',
    expect: [finding('device.issuer.not-device-ca', CERT.issuer, at.field('issuer'))],
    build: (pki, label) => device({ label, usage: 'ds', hwSerialNum: defectEui(label), issuer: pki.oca }),
  },
  {
    name: 'device-issuer-organisation-name',
    kind: 'device',
    description:
      "A Device Certificate whose issuer name is an Organisation Certificate's subject (OU=02 and an EUI-64), signed by that organisation's key, which is not in the run: judged by the issuer name's shape.",
    expect: [finding('device.issuer.not-device-ca', CERT.issuer, at.field('issuer')), finding('chain.not-checked', CERT.issuer, at.field('issuer'))],
    build: (pki, label) => {
      const signer = p256Key(`${label} organisation`);
      const issuer = organisationName({ role: '02', eui: defectEui(`${label} organisation`) });
      const parts = device({ label, usage: 'ds', hwSerialNum: defectEui(label), issuer: pki.deviceCa });
      return { ...replaceExtension(parts, 'aki', authorityKeyIdentifier(keyIdMethod2(signer))), issuer, signer };
    },
  },
];
