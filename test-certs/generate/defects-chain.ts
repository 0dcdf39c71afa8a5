import { removeExtension, replaceExtension } from './certificate.js';
import type { Defect } from './defect-kit.js';
import { supplier } from './defect-kit.js';
import { generalizedTime, seq, utcTime, utf8String } from './der-writer.js';
import { authorityKeyIdentifier } from './extensions.js';
import { keyIdMethod2, p256Key } from './keys.js';
import { attribute, caName, cn, name, ou, rdn } from './names.js';
import { OIDS } from './oids.js';

// Issuer and chain defects. Every other chain property (AKI, name, validity, policy) stays right.

export const chainDefects: Defect[] = [
  {
    name: 'chain-signature-invalid',
    kind: 'organisation',
    description: 'Names the Issuing OCA (issuer and AKI) but is signed by another key.',
    expect: ['chain.signature.invalid'],
    build: (pki, label) => ({ ...supplier(pki, label), signer: p256Key(label + ' rogue signer') }),
  },
  {
    name: 'chain-aki-mismatch',
    kind: 'organisation',
    description: 'Issued and signed by the Issuing OCA, but its AKI is the method-2 key id of an unrelated key.',
    expect: ['chain.aki.mismatch'],
    build: (pki, label) => replaceExtension(supplier(pki, label), 'aki', authorityKeyIdentifier(keyIdMethod2(p256Key(label + ' unrelated key')))),
  },
  {
    name: 'chain-validity-outside-issuer',
    kind: 'organisation',
    description: 'notAfter 2049-12-31 is after the Issuing OCA\'s notAfter 2048-12-31.',
    expect: ['chain.validity.outside-issuer'],
    build: (pki, label) => ({ ...supplier(pki, label), validity: seq(utcTime('250101000000Z'), utcTime('491231235959Z')) }),
  },
  {
    name: 'chain-issuer-name-utf8',
    kind: 'organisation',
    description: 'Issuer OU=07, CN=T1 written as UTF8String while the Issuing OCA\'s subject is PrintableString.',
    expect: ['chain.issuer-name.string-type'],
    build: (pki, label) => ({ ...supplier(pki, label), issuer: name(rdn(ou(utf8String('07'))), rdn(cn(utf8String('T1')))) }),
  },
  {
    name: 'chain-self-signed-names-oca',
    kind: 'organisation',
    description: 'An XML signing certificate shaped like DCC\'s test ones: names OU=07, CN=T1 (UTF8String) as issuer but is signed by its own key, no AKI, 100-year validity.',
    expect: ['chain.self-signed.not-root', 'cert.aki.missing'],
    build: (pki, label) => {
      const parts = removeExtension(supplier(pki, label, { role: '87', commonName: 'SAMPLEXML' }), 'aki');
      const validity = seq(utcTime('210101000000Z'), generalizedTime('21201231235959Z'));
      return { ...parts, issuer: name(rdn(ou(utf8String('07'))), rdn(cn(utf8String('T1')))), validity, signer: parts.subjectKey };
    },
  },
  {
    name: 'chain-self-signed-organisation',
    kind: 'organisation',
    description: 'A supplier certificate that is self-signed: issuer equals its own subject, no AKI.',
    expect: ['chain.self-signed.not-root', 'cert.aki.missing', 'org.issuer.not-issuing-oca'],
    build: (pki, label) => {
      const parts = removeExtension(supplier(pki, label), 'aki');
      return { ...parts, issuer: parts.subject, signer: parts.subjectKey };
    },
  },
  {
    name: 'chain-issuer-absent',
    kind: 'organisation',
    description: 'Issued by OU=07, CN=T9, a CA that is not in the sample PKI (AKI and signature are T9\'s).',
    expect: ['chain.not-checked'],
    build: (pki, label) => {
      const absent = p256Key('absent issuing oca T9');
      return replaceExtension({ ...supplier(pki, label), issuer: caName('07', 'T9'), signer: absent }, 'aki', authorityKeyIdentifier(keyIdMethod2(absent)));
    },
  },
  {
    name: 'chain-issuer-role-root',
    kind: 'organisation',
    description: 'An organisation certificate issued directly by the Root OCA instead of an Issuing OCA.',
    expect: ['chain.issuer.role', 'org.issuer.not-issuing-oca'],
    build: (pki, label) => supplier(pki, label, { issuer: pki.root }),
  },
  {
    name: 'kind-unknown',
    kind: 'unknown',
    description: 'An end-entity certificate from the Issuing OCA whose subject is only O=SAMPLE ENERGY LTD: no SMKI profile fits.',
    expect: ['kind.unknown'],
    build: (pki, label) => ({ ...supplier(pki, label), subject: name(rdn(attribute(OIDS.organizationName, utf8String('SAMPLE ENERGY LTD')))) }),
  },
];
