import type { CertParts } from './certificate.js';
import { addExtension, removeExtension, replaceExtension } from './certificate.js';
import type { Defect } from './defect-kit.js';
import { defectEui } from './defect-kit.js';
import { ascii, contextPrimitive, printableString, seq, utcTime } from './der-writer.js';
import { certificatePolicies, extKeyUsage, hardwareModuleName, keyUsage, subjectAltName } from './extensions.js';
import type { ValidPki } from './pki.js';
import { device } from './profiles.js';
import { cn, name, rdn } from './names.js';
import { OIDS } from './oids.js';

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
    expect: ['device.subject.not-empty'],
    build: deviceWith((p) => void (p.subject = name(rdn(cn(printableString('SAMPLEDEVICE')))))),
  },
  {
    name: 'device-validity-not-after',
    kind: 'device',
    description: 'notAfter is UTCTime 2034-12-31 instead of GeneralizedTime 99991231235959Z.',
    expect: ['device.validity.not-after'],
    build: deviceWith((p) => void (p.validity = seq(utcTime('250101000000Z'), utcTime('341231235959Z')))),
  },
  {
    name: 'device-policies-two',
    kind: 'device',
    description: 'Two policy OIDs (both device policies of the test environment); the Device CA has only the first.',
    expect: ['device.policies.count', 'chain.policy.inconsistent'],
    build: deviceWith((p) => replaceExtension(p, 'cp', certificatePolicies([OIDS.policyOrganisation, OIDS.policyDevice]))),
  },
  {
    name: 'device-policy-not-in-issuer',
    kind: 'device',
    description: 'The single policy is the device OID 1.2.826.0.1.1800000.1.2.1.4, accepted for devices, but the Device CA does not carry it.',
    expect: ['chain.policy.inconsistent'],
    build: deviceWith((p) => replaceExtension(p, 'cp', certificatePolicies([OIDS.policyDevice]))),
  },
  {
    name: 'device-san-missing',
    kind: 'device',
    description: 'No subjectAltName (no hardwareModuleName).',
    expect: ['device.san.missing'],
    build: deviceWith((p) => removeExtension(p, 'san')),
  },
  {
    name: 'device-san-not-critical',
    kind: 'device',
    description: 'subjectAltName is not marked critical.',
    expect: ['device.san.not-critical'],
    build: deviceWith((p, label) => replaceExtension(p, 'san', subjectAltName([hardwareModuleName(defectEui(label))], false))),
  },
  {
    name: 'device-san-two-names',
    kind: 'device',
    description: 'subjectAltName holds the hardwareModuleName and also a dNSName.',
    expect: ['device.san.not-single-hw-module'],
    build: deviceWith((p, label) =>
      replaceExtension(p, 'san', subjectAltName([hardwareModuleName(defectEui(label)), contextPrimitive(2, ascii('meter.example'))])),
    ),
  },
  {
    name: 'device-san-hw-serial-6',
    kind: 'device',
    description: 'hwSerialNum holds 6 octets instead of an 8-octet EUI-64.',
    expect: ['device.san.hw-serial-length'],
    build: deviceWith((p, label) => replaceExtension(p, 'san', subjectAltName([hardwareModuleName(defectEui(label).subarray(2))]))),
  },
  {
    name: 'device-extension-unexpected',
    kind: 'device',
    description: 'An extKeyUsage (clientAuth) extension, which the device profile does not have.',
    expect: ['device.extension.unexpected'],
    build: deviceWith((p) => addExtension(p, extKeyUsage(OIDS.clientAuth))),
  },
  {
    name: 'device-key-usage-both',
    kind: 'device',
    description: 'keyUsage has both digitalSignature and keyAgreement; a Device Certificate has exactly one.',
    expect: ['ee.key-usage.not-ds-xor-ka'],
    build: deviceWith((p) => replaceExtension(p, 'ku', keyUsage(['digitalSignature', 'keyAgreement']))),
  },
];
