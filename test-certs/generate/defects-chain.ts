import type { CertParts } from './certificate.js';
import { removeExtension, replaceExtension } from './certificate.js';
import type { Defect } from './defect-kit.js';
import { supplier } from './defect-kit.js';
import { ascii, contextPrimitive, generalizedTime, oid, printableString, seq, tlv, utcTime, utf8String } from './der-writer.js';
import { authorityKeyIdentifier, extension, keyUsage, subjectAltName, subjectKeyIdentifier } from './extensions.js';
import { keyIdMethod1, keyIdMethod2, p256Key, serialContent, subjectPublicKeyInfo } from './keys.js';
import { attribute, caName, cn, name, ou, rdn } from './names.js';
import { CERT, finding } from './expect-kit.js';
import { at } from './locations.js';
import { OIDS } from './oids.js';
import { V3 } from './profiles.js';

// Issuer and chain defects. Every other chain property (AKI, name, validity, policy) stays right.

/** A TLS server certificate as the Web PKI issues them, from a CA that is not in the run. */
function webServerCertificate(label: string): CertParts {
  const key = p256Key(label);
  const ca = p256Key(`${label} web ca`);
  const subject = name(rdn(attribute('2.5.4.6', printableString('GB'))), rdn(attribute(OIDS.organizationName, utf8String('Example Ltd'))), rdn(cn(utf8String('www.example.test'))));
  return {
    version: V3,
    serial: tlv(0x02, serialContent(label)),
    signature: seq(oid(OIDS.ecdsaWithSha256)),
    issuer: name(rdn(attribute('2.5.4.6', printableString('US'))), rdn(attribute(OIDS.organizationName, utf8String('Example Web CA'))), rdn(cn(utf8String('Example Web CA R1')))),
    validity: seq(utcTime('250301000000Z'), utcTime('260301000000Z')),
    subject,
    spki: subjectPublicKeyInfo(key),
    uniqueIds: [],
    extensions: [
      keyUsage(['digitalSignature', 'keyEncipherment']),
      extension('eku', OIDS.extKeyUsage, seq(oid(OIDS.serverAuth), oid(OIDS.clientAuth))),
      extension('bc', OIDS.basicConstraints, seq(), true),
      subjectKeyIdentifier(keyIdMethod1(key)),
      authorityKeyIdentifier(keyIdMethod1(ca)),
      subjectAltName([contextPrimitive(2, ascii('www.example.test'))], false),
    ],
    signatureAlgorithm: seq(oid(OIDS.ecdsaWithSha256)),
    subjectKey: key,
    signer: ca,
  };
}

export const chainDefects: Defect[] = [
  {
    name: 'chain-signature-invalid',
    kind: 'organisation',
    description: 'Names the Issuing OCA (issuer and AKI) but is signed by another key.',
    expect: [finding('chain.signature.invalid', CERT.signatureValue, at.field('signatureValue'))],
    build: (pki, label) => ({ ...supplier(pki, label), signer: p256Key(label + ' rogue signer') }),
  },
  {
    name: 'chain-aki-mismatch',
    kind: 'organisation',
    description: 'Issued and signed by the Issuing OCA, but its AKI is the method-2 key id of an unrelated key.',
    expect: [finding('chain.aki.mismatch', CERT.extension('authorityKeyIdentifier', 'keyIdentifier'), at.extensionValue('aki'))],
    build: (pki, label) => replaceExtension(supplier(pki, label), 'aki', authorityKeyIdentifier(keyIdMethod2(p256Key(label + ' unrelated key')))),
  },
  {
    name: 'chain-validity-outside-issuer',
    kind: 'organisation',
    description: 'notAfter 2049-12-31 is after the Issuing OCA\'s notAfter 2048-12-31.',
    expect: [finding('chain.validity.outside-issuer', CERT.notAfter, at.field('notAfter'))],
    build: (pki, label) => ({ ...supplier(pki, label), validity: seq(utcTime('250101000000Z'), utcTime('491231235959Z')) }),
  },
  {
    name: 'chain-issuer-name-utf8',
    kind: 'organisation',
    description: 'Issuer OU=07, CN=T1 written as UTF8String while the Issuing OCA\'s subject is PrintableString.',
    expect: [finding('chain.issuer-name.string-type', CERT.issuer, at.field('issuer'))],
    build: (pki, label) => ({ ...supplier(pki, label), issuer: name(rdn(ou(utf8String('07'))), rdn(cn(utf8String('T1')))) }),
  },
  {
    name: 'chain-self-signed-names-oca',
    kind: 'organisation',
    description: 'An XML signing certificate shaped like DCC\'s test ones: names OU=07, CN=T1 (UTF8String) as issuer but is signed by its own key, no AKI, 100-year validity.',
    expect: [finding('chain.self-signed.not-root', CERT.issuer, at.field('issuer')), finding('cert.aki.missing', CERT.extension('authorityKeyIdentifier'))],
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
    expect: [finding('chain.self-signed.not-root', CERT.issuer, at.field('issuer')), finding('cert.aki.missing', CERT.extension('authorityKeyIdentifier')), finding('org.issuer.not-issuing-oca', CERT.issuer, at.field('issuer'))],
    build: (pki, label) => {
      const parts = removeExtension(supplier(pki, label), 'aki');
      return { ...parts, issuer: parts.subject, signer: parts.subjectKey };
    },
  },
  {
    name: 'chain-issuer-absent',
    kind: 'organisation',
    description: 'Issued by OU=07, CN=T9, a CA that is not in the sample PKI (AKI and signature are T9\'s).',
    expect: [finding('chain.not-checked', CERT.issuer, at.field('issuer'))],
    build: (pki, label) => {
      const absent = p256Key('absent issuing oca T9');
      return replaceExtension({ ...supplier(pki, label), issuer: caName('07', 'T9'), signer: absent }, 'aki', authorityKeyIdentifier(keyIdMethod2(absent)));
    },
  },
  {
    name: 'chain-issuer-role-root',
    kind: 'organisation',
    description: 'An organisation certificate issued directly by the Root OCA instead of an Issuing OCA.',
    expect: [finding('chain.issuer.role', CERT.issuer, at.field('issuer')), finding('org.issuer.not-issuing-oca', CERT.issuer, at.field('issuer'))],
    build: (pki, label) => supplier(pki, label, { issuer: pki.root }),
  },
  {
    name: 'kind-unknown',
    kind: 'unknown',
    description: 'An end-entity certificate from the Issuing OCA whose subject is only O=SAMPLE ENERGY LTD: no SMKI profile fits.',
    expect: [finding('kind.unknown', CERT.subject)],
    build: (pki, label) => ({ ...supplier(pki, label), subject: name(rdn(attribute(OIDS.organizationName, utf8String('SAMPLE ENERGY LTD')))) }),
  },
  {
    name: 'chain-signature-unverifiable',
    kind: 'organisation',
    description: 'Signed by the Issuing OCA with ecdsa-with-SHA512 (both algorithm fields say so), an algorithm the checker does not verify.',
    expect: [
      finding('cert.sig-alg.not-ecdsa-sha256', CERT.signature, at.field('signature')),
      finding('cert.sig-alg.not-ecdsa-sha256', CERT.signatureAlgorithm, at.field('signatureAlgorithm')),
      finding('chain.signature.unverifiable', CERT.signatureAlgorithm, at.field('signatureAlgorithm')),
    ],
    build: (pki, label) => {
      const parts = supplier(pki, label);
      const sha512 = seq(oid(OIDS.ecdsaWithSha512));
      return { ...parts, signature: sha512, signatureAlgorithm: sha512, signer: { ...parts.signer, sign: parts.signer.signSha512! } };
    },
  },
  {
    name: 'kind-web-pki',
    kind: 'unknown',
    description:
      'A Web PKI server certificate (CN=www.example.test, O=, a dNSName, serverAuth, a 20-octet SKI, expired at the evaluation time) from a CA outside the run: no SMKI profile fits, so only the classification notice.',
    expect: [finding('kind.unknown', CERT.subject)],
    build: (_pki, label) => webServerCertificate(label),
  },
];
