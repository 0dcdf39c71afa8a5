import { addExtension, replaceExtension } from './certificate.js';
import type { Defect } from './defect-kit.js';
import { defectEui, supplier } from './defect-kit.js';
import { bitString, boolean, octetString, seq, utcTime, utf8String } from './der-writer.js';
import { extension, extKeyUsage, keyUsage } from './extensions.js';
import { CERT, finding } from './expect-kit.js';
import { at } from './locations.js';
import type { Expected } from './locations.js';
import { attribute, caName, cn, euiAttribute, name, ou, rdn } from './names.js';
import { OIDS } from './oids.js';

// Organisation-profile defects: role code, common name, subject shape, EUI-64, issuer name, extensions.

/** A certificate for `role`, without CN unless given (CN is only allowed for 02 and 87). */
const forRole = (role: string, commonName?: string, usage: 'ds' | 'ka' = 'ds'): Defect['build'] => (pki, label) =>
  supplier(pki, label, { role, commonName, usage });

const SUPPLIER_CN = () => rdn(cn(utf8String('SAMPLESUPPLIER')));
const SUPPLIER_OU = () => rdn(ou(utf8String('02')));

const OU_PATH = CERT.subjectAttribute('organizationalUnitName');
const CN_PATH = CERT.subjectAttribute('commonName');
const UID_PATH = CERT.subjectAttribute('x500UniqueIdentifier');
/** A finding at the subject OU holding `role` (as forRole writes it). */
const atOu = (rule: string, role: string): Expected => finding(rule, OU_PATH, at.attributeValue('subject', ou(utf8String(role))));
/** A finding at the subject CN holding `value`. */
const atCn = (rule: string, value: string): Expected => finding(rule, CN_PATH, at.attributeValue('subject', cn(utf8String(value))));

export const organisationDefects: Defect[] = [
  {
    name: 'org-role-86-reserved',
    kind: 'organisation',
    description: 'OU "86" is role 134, reserved for the Centralised Switching Service; XML signing is 87 (the November 2020 erratum).',
    expect: [atOu('org.role.reserved', '86')],
    build: forRole('86'),
  },
  {
    name: 'org-role-86-reserved-with-cn',
    kind: 'organisation',
    description: 'OU "86" with a CN, as the June 2020 drafting allowed: reserved role, and a CN on a role outside {02, 87}.',
    expect: [atOu('org.role.reserved', '86'), atCn('org.cn.not-permitted-for-role', 'SAMPLEXMLSIGNER')],
    build: forRole('86', 'SAMPLEXMLSIGNER'),
  },
  {
    name: 'org-role-7f-lowercase',
    kind: 'organisation',
    description: 'OU "7f": a known role code written in lower-case hex.',
    expect: [atOu('org.role.lowercase', '7f')],
    build: forRole('7f'),
  },
  {
    name: 'org-role-decimal-135',
    kind: 'organisation',
    description: 'OU "135": the XML signing role written in decimal (the Repository form) instead of hex "87".',
    expect: [atOu('org.role.not-hex', '135')],
    build: forRole('135'),
  },
  {
    name: 'org-role-decimal-137',
    kind: 'organisation',
    description: 'OU "137": the DSP XML signing role in decimal, as a withdrawn DCC test certificate had, instead of hex "89".',
    expect: [atOu('org.role.not-hex', '137')],
    build: forRole('137'),
  },
  {
    name: 'org-role-unknown-81',
    kind: 'organisation',
    description: 'OU "81": role 129, which no source defines.',
    expect: [atOu('org.role.unknown', '81')],
    build: forRole('81'),
  },
  {
    name: 'org-role-unknown-88',
    kind: 'organisation',
    description: 'OU "88": role 136, which no source defines.',
    expect: [atOu('org.role.unknown', '88')],
    build: forRole('88'),
  },
  {
    name: 'org-role-missing',
    kind: 'organisation',
    description: 'The subject has no OU, so no role code (and no CN).',
    expect: [finding('org.role.missing', OU_PATH, at.field('subject'))],
    build: (pki, label) => ({ ...supplier(pki, label), subject: name(rdn(euiAttribute(defectEui(label)))) }),
  },
  {
    name: 'org-role-multiple',
    kind: 'organisation',
    description: 'The subject has two OUs, "02" and "03".',
    expect: [atOu('org.role.multiple', '03')],
    build: (pki, label) => ({
      ...supplier(pki, label),
      subject: name(SUPPLIER_OU(), rdn(ou(utf8String('03'))), rdn(euiAttribute(defectEui(label)))),
    }),
  },
  {
    name: 'org-role-00-end-entity',
    kind: 'organisation',
    description: 'OU "00" (root) on an end-entity organisation certificate.',
    expect: [atOu('org.role.not-end-entity', '00')],
    build: forRole('00'),
  },
  {
    name: 'org-role-07-end-entity',
    kind: 'organisation',
    description: 'OU "07" (issuingAuthority) on an end-entity organisation certificate.',
    expect: [atOu('org.role.not-end-entity', '07')],
    build: forRole('07'),
  },
  {
    name: 'org-role-87-key-agreement',
    kind: 'organisation',
    description: 'Role 87 (XML signing) with keyAgreement, a usage never seen for that role.',
    expect: [finding('org.role.key-usage-unusual', CERT.extension('keyUsage'), at.extension('ku'))],
    build: forRole('87', undefined, 'ka'),
  },
  {
    name: 'org-role-87-before-in-force',
    kind: 'organisation',
    description: 'Role 87 certificate with notBefore 2020-01-01, before role 135 came into force (2020-11-29).',
    expect: [finding('org.role.before-in-force', CERT.notBefore, at.field('notBefore'))],
    build: (pki, label) => ({
      ...supplier(pki, label, { role: '87', commonName: 'SAMPLEXMLSIGNER' }),
      validity: seq(utcTime('200101000000Z'), utcTime('341231235959Z')),
    }),
  },
  {
    name: 'org-cn-role-03',
    kind: 'organisation',
    description: 'Role 03 (networkOperator) with a subject CN, which only roles 02 and 87 may have.',
    expect: [atCn('org.cn.not-permitted-for-role', 'SAMPLENETWORK')],
    build: forRole('03', 'SAMPLENETWORK'),
  },
  {
    name: 'org-cn-87-on-role-03',
    kind: 'organisation',
    description: 'Role 03 with CN "87": a role code put in the CN, on a role that may not have a CN.',
    expect: [atCn('org.cn.not-permitted-for-role', '87'), atCn('org.cn.looks-like-role-code', '87')],
    build: forRole('03', '87'),
  },
  {
    name: 'org-cn-87-on-role-02',
    kind: 'organisation',
    description: 'Supplier certificate whose CN is "87", a role code rather than an organisation name.',
    expect: [atCn('org.cn.looks-like-role-code', '87')],
    build: forRole('02', '87'),
  },
  {
    name: 'org-cn-86-on-role-02',
    kind: 'organisation',
    description: 'Supplier certificate whose CN is "86": the June 2020 OCP draft\'s value, role 134 (reserved), not XML signing.',
    expect: [atCn('org.cn.looks-like-role-code', '86')],
    build: forRole('02', '86'),
  },
  {
    name: 'org-subject-multi-valued-rdn',
    kind: 'organisation',
    description: 'OU and x500UniqueIdentifier share one RDN (in DER order).',
    expect: [finding('org.subject.multi-valued-rdn', `${CERT.subject}.rdn[1]`, at.inField('subject', rdn(ou(utf8String('02')), euiAttribute(defectEui('org-subject-multi-valued-rdn')))))],
    build: (pki, label) => ({
      ...supplier(pki, label),
      subject: name(SUPPLIER_CN(), rdn(ou(utf8String('02')), euiAttribute(defectEui(label)))),
    }),
  },
  {
    name: 'org-subject-unexpected-attribute',
    kind: 'organisation',
    description: 'The subject also holds an organizationName (O=).',
    expect: [finding('org.subject.unexpected-attribute', CERT.subjectAttribute('O'), at.attributeValue('subject', attribute(OIDS.organizationName, utf8String('SAMPLE ENERGY LTD'))))],
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
    expect: [finding('org.eui.missing', UID_PATH, at.field('subject'))],
    build: (pki, label) => ({ ...supplier(pki, label), subject: name(SUPPLIER_CN(), SUPPLIER_OU()) }),
  },
  {
    name: 'org-eui-multiple',
    kind: 'organisation',
    description: 'The subject has two x500UniqueIdentifier attributes.',
    expect: [finding('org.eui.multiple', UID_PATH, at.attributeValue('subject', euiAttribute(defectEui('org-eui-multiple second'))))],
    build: (pki, label) => ({
      ...supplier(pki, label),
      subject: name(SUPPLIER_CN(), SUPPLIER_OU(), rdn(euiAttribute(defectEui(label))), rdn(euiAttribute(defectEui(label + ' second')))),
    }),
  },
  {
    name: 'org-eui-octet-string',
    kind: 'organisation',
    description: 'The x500UniqueIdentifier is an OCTET STRING instead of a BIT STRING.',
    expect: [finding('org.eui.not-bit-string', UID_PATH, at.attributeValue('subject', attribute(OIDS.x500UniqueIdentifier, octetString(defectEui('org-eui-octet-string')))))],
    build: (pki, label) => ({
      ...supplier(pki, label),
      subject: name(SUPPLIER_CN(), SUPPLIER_OU(), rdn(attribute(OIDS.x500UniqueIdentifier, octetString(defectEui(label))))),
    }),
  },
  {
    name: 'org-eui-48-bits',
    kind: 'organisation',
    description: 'The x500UniqueIdentifier holds 48 bits (an EUI-48) instead of 64.',
    expect: [finding('org.eui.length', UID_PATH, at.attributeValue('subject', attribute(OIDS.x500UniqueIdentifier, bitString(defectEui('org-eui-48-bits').subarray(2)))))],
    build: (pki, label) => ({
      ...supplier(pki, label),
      subject: name(SUPPLIER_CN(), SUPPLIER_OU(), rdn(attribute(OIDS.x500UniqueIdentifier, bitString(defectEui(label).subarray(2))))),
    }),
  },
  {
    name: 'org-issuer-not-issuing-oca',
    kind: 'organisation',
    description: 'Issuer name OU=02, CN=T1 instead of OU=07, CN=T1; AKI and signature are the Issuing OCA\'s.',
    expect: [finding('org.issuer.not-issuing-oca', CERT.issuer, at.field('issuer')), finding('chain.issuer-name.mismatch', CERT.issuer, at.field('issuer'))],
    build: (pki, label) => ({ ...supplier(pki, label), issuer: caName('02', 'T1') }),
  },
  {
    name: 'org-extension-unexpected',
    kind: 'organisation',
    description: 'An extKeyUsage (clientAuth) extension, which the organisation profile does not have.',
    expect: [finding('org.extension.unexpected', CERT.extension('extKeyUsage'), at.extension('eku'))],
    build: (pki, label) => addExtension(supplier(pki, label), extKeyUsage(OIDS.clientAuth)),
  },
  {
    name: 'ee-key-usage-both',
    kind: 'organisation',
    description: 'keyUsage has both digitalSignature and keyAgreement.',
    expect: [finding('ee.key-usage.not-ds-xor-ka', CERT.extension('keyUsage'), at.extension('ku'))],
    build: (pki, label) => replaceExtension(supplier(pki, label), 'ku', keyUsage(['digitalSignature', 'keyAgreement'])),
  },
  {
    name: 'ee-key-usage-neither',
    kind: 'organisation',
    description: 'keyUsage has nonRepudiation only: neither digitalSignature nor keyAgreement.',
    expect: [finding('ee.key-usage.not-ds-xor-ka', CERT.extension('keyUsage'), at.extension('ku'))],
    build: (pki, label) => replaceExtension(supplier(pki, label), 'ku', keyUsage(['nonRepudiation'])),
  },
  {
    name: 'ee-basic-constraints-ca',
    kind: 'organisation',
    description: 'A critical basicConstraints with cA TRUE on an organisation certificate.',
    expect: [finding('ee.basic-constraints.ca', CERT.extension('basicConstraints', 'cA'), at.extension('bc'))],
    build: (pki, label) => addExtension(supplier(pki, label), extension('bc', OIDS.basicConstraints, seq(boolean(true)), true), 'ku'),
  },
  {
    name: 'ee-basic-constraints-not-ca',
    kind: 'organisation',
    description: 'A critical basicConstraints with cA FALSE (an empty SEQUENCE, correct DER), as some real test certificates have.',
    expect: [finding('ee.basic-constraints.present', CERT.extension('basicConstraints'), at.extension('bc'))],
    build: (pki, label) => addExtension(supplier(pki, label), extension('bc', OIDS.basicConstraints, seq(), true), 'ku'),
  },
];
