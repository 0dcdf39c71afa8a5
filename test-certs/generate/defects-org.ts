import { addExtension, replaceExtension } from './certificate.js';
import type { Defect } from './defect-kit.js';
import { defectEui, supplier } from './defect-kit.js';
import { bitString, boolean, octetString, seq, utcTime, utf8String } from './der-writer.js';
import { extension, extKeyUsage, keyUsage } from './extensions.js';
import { attribute, caName, cn, euiAttribute, name, ou, rdn } from './names.js';
import { OIDS } from './oids.js';

// Organisation-profile defects: role code, common name, subject shape, EUI-64, issuer name, extensions.

/** A certificate for `role`, without CN unless given (CN is only allowed for 02 and 87). */
const forRole = (role: string, commonName?: string, usage: 'ds' | 'ka' = 'ds'): Defect['build'] => (pki, label) =>
  supplier(pki, label, { role, commonName, usage });

const SUPPLIER_CN = () => rdn(cn(utf8String('SAMPLESUPPLIER')));
const SUPPLIER_OU = () => rdn(ou(utf8String('02')));

export const organisationDefects: Defect[] = [
  {
    name: 'org-role-86-reserved',
    kind: 'organisation',
    description: 'OU "86" is role 134, reserved for the Centralised Switching Service; XML signing is 87 (the November 2020 erratum).',
    expect: ['org.role.reserved'],
    build: forRole('86'),
  },
  {
    name: 'org-role-86-reserved-with-cn',
    kind: 'organisation',
    description: 'OU "86" with a CN, as the June 2020 drafting allowed: reserved role, and a CN on a role outside {02, 87}.',
    expect: ['org.role.reserved', 'org.cn.not-permitted-for-role'],
    build: forRole('86', 'SAMPLEXMLSIGNER'),
  },
  {
    name: 'org-role-7f-lowercase',
    kind: 'organisation',
    description: 'OU "7f": a known role code written in lower-case hex.',
    expect: ['org.role.lowercase'],
    build: forRole('7f'),
  },
  {
    name: 'org-role-decimal-135',
    kind: 'organisation',
    description: 'OU "135": the XML signing role written in decimal (the Repository form) instead of hex "87".',
    expect: ['org.role.not-hex'],
    build: forRole('135'),
  },
  {
    name: 'org-role-decimal-137',
    kind: 'organisation',
    description: 'OU "137": the DSP XML signing role in decimal, as a withdrawn DCC test certificate had, instead of hex "89".',
    expect: ['org.role.not-hex'],
    build: forRole('137'),
  },
  {
    name: 'org-role-unknown-81',
    kind: 'organisation',
    description: 'OU "81": role 129, which no source defines.',
    expect: ['org.role.unknown'],
    build: forRole('81'),
  },
  {
    name: 'org-role-unknown-88',
    kind: 'organisation',
    description: 'OU "88": role 136, which no source defines.',
    expect: ['org.role.unknown'],
    build: forRole('88'),
  },
  {
    name: 'org-role-missing',
    kind: 'organisation',
    description: 'The subject has no OU, so no role code (and no CN).',
    expect: ['org.role.missing'],
    build: (pki, label) => ({ ...supplier(pki, label), subject: name(rdn(euiAttribute(defectEui(label)))) }),
  },
  {
    name: 'org-role-multiple',
    kind: 'organisation',
    description: 'The subject has two OUs, "02" and "03".',
    expect: ['org.role.multiple'],
    build: (pki, label) => ({
      ...supplier(pki, label),
      subject: name(SUPPLIER_OU(), rdn(ou(utf8String('03'))), rdn(euiAttribute(defectEui(label)))),
    }),
  },
  {
    name: 'org-role-00-end-entity',
    kind: 'organisation',
    description: 'OU "00" (root) on an end-entity organisation certificate.',
    expect: ['org.role.not-end-entity'],
    build: forRole('00'),
  },
  {
    name: 'org-role-07-end-entity',
    kind: 'organisation',
    description: 'OU "07" (issuingAuthority) on an end-entity organisation certificate.',
    expect: ['org.role.not-end-entity'],
    build: forRole('07'),
  },
  {
    name: 'org-role-87-key-agreement',
    kind: 'organisation',
    description: 'Role 87 (XML signing) with keyAgreement, a usage never seen for that role.',
    expect: ['org.role.key-usage-unusual'],
    build: forRole('87', undefined, 'ka'),
  },
  {
    name: 'org-role-87-before-in-force',
    kind: 'organisation',
    description: 'Role 87 certificate with notBefore 2020-01-01, before role 135 came into force (2020-11-29).',
    expect: ['org.role.before-in-force'],
    build: (pki, label) => ({
      ...supplier(pki, label, { role: '87', commonName: 'SAMPLEXMLSIGNER' }),
      validity: seq(utcTime('200101000000Z'), utcTime('341231235959Z')),
    }),
  },
  {
    name: 'org-cn-role-03',
    kind: 'organisation',
    description: 'Role 03 (networkOperator) with a subject CN, which only roles 02 and 87 may have.',
    expect: ['org.cn.not-permitted-for-role'],
    build: forRole('03', 'SAMPLENETWORK'),
  },
  {
    name: 'org-cn-87-on-role-03',
    kind: 'organisation',
    description: 'Role 03 with CN "87": a role code put in the CN, on a role that may not have a CN.',
    expect: ['org.cn.not-permitted-for-role', 'org.cn.looks-like-role-code'],
    build: forRole('03', '87'),
  },
  {
    name: 'org-cn-87-on-role-02',
    kind: 'organisation',
    description: 'Supplier certificate whose CN is "87", a role code rather than an organisation name.',
    expect: ['org.cn.looks-like-role-code'],
    build: forRole('02', '87'),
  },
  {
    name: 'org-cn-86-on-role-02',
    kind: 'organisation',
    description: 'Supplier certificate whose CN is "86": the June 2020 OCP draft\'s value, role 134 (reserved), not XML signing.',
    expect: ['org.cn.looks-like-role-code'],
    build: forRole('02', '86'),
  },
  {
    name: 'org-subject-multi-valued-rdn',
    kind: 'organisation',
    description: 'OU and x500UniqueIdentifier share one RDN (in DER order).',
    expect: ['org.subject.multi-valued-rdn'],
    build: (pki, label) => ({
      ...supplier(pki, label),
      subject: name(SUPPLIER_CN(), rdn(ou(utf8String('02')), euiAttribute(defectEui(label)))),
    }),
  },
  {
    name: 'org-subject-unexpected-attribute',
    kind: 'organisation',
    description: 'The subject also holds an organizationName (O=).',
    expect: ['org.subject.unexpected-attribute'],
    build: (pki, label) => ({
      ...supplier(pki, label),
      subject: name(
        SUPPLIER_CN(),
        rdn(attribute(OIDS.organizationName, utf8String('SAMPLE ENERGY LTD'))),
        SUPPLIER_OU(),
        rdn(euiAttribute(defectEui(label))),
      ),
    }),
  },
  {
    name: 'org-eui-missing',
    kind: 'organisation',
    description: 'The subject has no x500UniqueIdentifier (no Entity Identifier).',
    expect: ['org.eui.missing'],
    build: (pki, label) => ({ ...supplier(pki, label), subject: name(SUPPLIER_CN(), SUPPLIER_OU()) }),
  },
  {
    name: 'org-eui-multiple',
    kind: 'organisation',
    description: 'The subject has two x500UniqueIdentifier attributes.',
    expect: ['org.eui.multiple'],
    build: (pki, label) => ({
      ...supplier(pki, label),
      subject: name(SUPPLIER_CN(), SUPPLIER_OU(), rdn(euiAttribute(defectEui(label))), rdn(euiAttribute(defectEui(label + ' second')))),
    }),
  },
  {
    name: 'org-eui-octet-string',
    kind: 'organisation',
    description: 'The x500UniqueIdentifier is an OCTET STRING instead of a BIT STRING.',
    expect: ['org.eui.not-bit-string'],
    build: (pki, label) => ({
      ...supplier(pki, label),
      subject: name(SUPPLIER_CN(), SUPPLIER_OU(), rdn(attribute(OIDS.x500UniqueIdentifier, octetString(defectEui(label))))),
    }),
  },
  {
    name: 'org-eui-48-bits',
    kind: 'organisation',
    description: 'The x500UniqueIdentifier holds 48 bits (an EUI-48) instead of 64.',
    expect: ['org.eui.length'],
    build: (pki, label) => ({
      ...supplier(pki, label),
      subject: name(SUPPLIER_CN(), SUPPLIER_OU(), rdn(attribute(OIDS.x500UniqueIdentifier, bitString(defectEui(label).subarray(2))))),
    }),
  },
  {
    name: 'org-issuer-not-issuing-oca',
    kind: 'organisation',
    description: 'Issuer name OU=02, CN=T1 instead of OU=07, CN=T1; AKI and signature are the Issuing OCA\'s.',
    expect: ['org.issuer.not-issuing-oca', 'chain.issuer-name.mismatch'],
    build: (pki, label) => ({ ...supplier(pki, label), issuer: caName('02', 'T1') }),
  },
  {
    name: 'org-extension-unexpected',
    kind: 'organisation',
    description: 'An extKeyUsage (clientAuth) extension, which the organisation profile does not have.',
    expect: ['org.extension.unexpected'],
    build: (pki, label) => addExtension(supplier(pki, label), extKeyUsage(OIDS.clientAuth)),
  },
  {
    name: 'ee-key-usage-both',
    kind: 'organisation',
    description: 'keyUsage has both digitalSignature and keyAgreement.',
    expect: ['ee.key-usage.not-ds-xor-ka'],
    build: (pki, label) => replaceExtension(supplier(pki, label), 'ku', keyUsage(['digitalSignature', 'keyAgreement'])),
  },
  {
    name: 'ee-key-usage-neither',
    kind: 'organisation',
    description: 'keyUsage has nonRepudiation only: neither digitalSignature nor keyAgreement.',
    expect: ['ee.key-usage.not-ds-xor-ka'],
    build: (pki, label) => replaceExtension(supplier(pki, label), 'ku', keyUsage(['nonRepudiation'])),
  },
  {
    name: 'ee-basic-constraints-ca',
    kind: 'organisation',
    description: 'A critical basicConstraints with cA TRUE on an organisation certificate.',
    expect: ['ee.basic-constraints.ca'],
    build: (pki, label) => addExtension(supplier(pki, label), extension('bc', OIDS.basicConstraints, seq(boolean(true)), true), 'ku'),
  },
  {
    name: 'ee-basic-constraints-not-ca',
    kind: 'organisation',
    description: 'A critical basicConstraints with cA FALSE (an empty SEQUENCE, correct DER), as some real test certificates have.',
    expect: ['ee.basic-constraints.present'],
    build: (pki, label) => addExtension(supplier(pki, label), extension('bc', OIDS.basicConstraints, seq(), true), 'ku'),
  },
];
