import type { CertParts } from './certificate.js';
import { addExtension, removeExtension, replaceExtension } from './certificate.js';
import type { Defect } from './defect-kit.js';
import { defectEui, nonDerSigner, offCurve, supplier } from './defect-kit.js';
import {
  ascii,
  bmpString,
  bytes,
  concat,
  contextConstructed,
  contextPrimitive,
  generalizedTime,
  ia5String,
  integer,
  nullValue,
  octetString,
  oid,
  printableString,
  seq,
  splitTlv,
  teletexString,
  tlv,
  utcTime,
  utf8String,
} from './der-writer.js';
import {
  authorityKeyIdentifier,
  certificatePolicies,
  extension,
  keyUsage,
  subjectKeyIdentifier,
} from './extensions.js';
import type { KeyPair } from './keys.js';
import { ed25519Key, keyIdMethod1, keyIdMethod2, p256Key, p384Key, serialContent, sha256, subjectPublicKeyInfo } from './keys.js';
import { CERT, finding } from './expect-kit.js';
import { at } from './locations.js';
import { caName, cn, euiAttribute, name, ou, rdn } from './names.js';
import { OIDS } from './oids.js';
import { caCertificate, device } from './profiles.js';

// General certificate rules: version, serial, algorithms, key, extensions present/critical, validity.

/** Gives the certificate another subject key; the SKI follows it, so only the key is wrong. */
function withKey(parts: CertParts, key: KeyPair): CertParts {
  parts.subjectKey = key;
  parts.spki = subjectPublicKeyInfo(key);
  return replaceExtension(parts, 'ski', subjectKeyIdentifier(keyIdMethod2(key)));
}

/** 65 characters: one more than ub-common-name. */
const LONG_CN = `SAMPLE SUPPLIER ${'X'.repeat(49)}`;

const POLICY_PATH = CERT.extension('certificatePolicies', 'policyIdentifier');

const supplierWith = (edit: (parts: CertParts, label: string) => CertParts | void): Defect['build'] => (pki, label) => {
  const parts = supplier(pki, label);
  return edit(parts, label) ?? parts;
};

export const certificateDefects: Defect[] = [
  {
    name: 'cert-version-v2',
    kind: 'organisation',
    description: 'version is v2 ([0] INTEGER 1) although the certificate has extensions.',
    expect: [finding('cert.version.not-v3', CERT.version, at.field('version'))],
    build: supplierWith((p) => void (p.version = contextConstructed(0, integer(1n)))),
  },
  {
    name: 'cert-version-v1',
    kind: 'organisation',
    description: 'The version field is absent (v1) although the certificate has extensions.',
    expect: [finding('cert.version.not-v3', CERT.version, at.field('serial'))],
    build: supplierWith((p) => void (p.version = null)),
  },
  {
    name: 'cert-serial-negative',
    kind: 'organisation',
    description: 'serialNumber is negative (16 octets, top bit set).',
    expect: [finding('cert.serial.not-positive', CERT.serial, at.field('serial'))],
    build: supplierWith((p, label) => {
      const s = serialContent(label);
      s[0] |= 0x80;
      p.serial = tlv(0x02, s);
    }),
  },
  {
    name: 'cert-serial-zero',
    kind: 'organisation',
    description: 'serialNumber is zero.',
    expect: [finding('cert.serial.not-positive', CERT.serial, at.field('serial'))],
    build: supplierWith((p) => void (p.serial = integer(0n))),
  },
  {
    name: 'cert-serial-too-long',
    kind: 'organisation',
    description: 'serialNumber is a positive, minimally encoded 21-octet INTEGER.',
    expect: [finding('cert.serial.too-long', CERT.serial, at.field('serial'))],
    build: supplierWith((p, label) => void (p.serial = tlv(0x02, concat(serialContent(label), serialContent(label + ' more').subarray(0, 5))))),
  },
  {
    name: 'cert-unique-ids-present',
    kind: 'organisation',
    description: 'An issuerUniqueID is present.',
    expect: [finding('cert.unique-ids.present', CERT.uniqueIds, at.field('uniqueId0'))],
    build: supplierWith((p) => void (p.uniqueIds = [contextPrimitive(1, concat(Uint8Array.of(0), sha256('issuer unique id').subarray(0, 8)))])),
  },
  {
    name: 'cert-sig-alg-null-params',
    kind: 'organisation',
    description: 'Both signature algorithm fields are ecdsa-with-SHA256 with explicit NULL parameters.',
    expect: [finding('cert.sig-alg.parameters-present', CERT.signature, at.field('signature')), finding('cert.sig-alg.parameters-present', CERT.signatureAlgorithm, at.field('signatureAlgorithm'))],
    build: supplierWith((p) => {
      p.signature = seq(oid(OIDS.ecdsaWithSha256), nullValue());
      p.signatureAlgorithm = p.signature;
    }),
  },
  {
    name: 'cert-sig-alg-sha384-in-tbs',
    kind: 'organisation',
    description: 'tbsCertificate.signature says ecdsa-with-SHA384 while signatureAlgorithm (and the signature) is ecdsa-with-SHA256.',
    expect: [finding('cert.sig-alg.not-ecdsa-sha256', CERT.signature, at.field('signature')), finding('cert.sig-alg.mismatch', CERT.signatureAlgorithm, at.field('signatureAlgorithm'))],
    build: supplierWith((p) => void (p.signature = seq(oid(OIDS.ecdsaWithSha384)))),
  },
  {
    name: 'cert-key-p384',
    kind: 'organisation',
    description: 'The subject key is on P-384 (secp384r1); its SKI is the correct method-2 value for that key.',
    expect: [finding('cert.key.curve', CERT.spkiAlgorithm, at.field('spkiAlgorithm'))],
    build: supplierWith((p, label) => withKey(p, p384Key(label))),
  },
  {
    name: 'cert-key-compressed',
    kind: 'organisation',
    description: 'The P-256 subject key is a 33-octet compressed point; its SKI is computed over those octets.',
    expect: [finding('cert.key.not-uncompressed', CERT.publicKey, at.field('publicKey'))],
    build: supplierWith((p, label) => withKey(p, p256Key(label, true))),
  },
  {
    name: 'cert-key-ed25519',
    kind: 'organisation',
    description: 'The subject key is Ed25519, not id-ecPublicKey.',
    expect: [finding('cert.key.algorithm', CERT.spkiAlgorithm, at.field('spkiAlgorithm'))],
    build: supplierWith((p, label) => withKey(p, ed25519Key(label))),
  },
  {
    name: 'cert-key-not-on-curve',
    kind: 'organisation',
    description: 'A 65-octet uncompressed P-256 point whose Y was changed, so it is not on the curve; its SKI is computed over those octets.',
    expect: [finding('cert.key.not-on-curve', CERT.publicKey, at.field('publicKey'))],
    build: supplierWith((p, label) => withKey(p, offCurve(p256Key(label)))),
  },
  {
    name: 'cert-ku-not-der-minimal',
    kind: 'organisation',
    description: 'keyUsage digitalSignature written as 03 02 00 80: seven trailing zero bits kept where DER writes 03 02 07 80.',
    expect: [finding('cert.ku.not-der-minimal', CERT.extension('keyUsage'), at.extensionValue('ku'))],
    build: supplierWith((p) => replaceExtension(p, 'ku', extension('ku', OIDS.keyUsage, tlv(0x03, bytes(0x00, 0x80)), true))),
  },
  {
    name: 'cert-signature-not-der',
    kind: 'organisation',
    description: "The Issuing OCA's ECDSA-Sig-Value has a redundant leading 00 octet on r; verifiers that insist on DER reject it.",
    expect: [finding('cert.sig-value.not-der', CERT.signatureValue, at.field('signatureValue'))],
    build: supplierWith((p) => void (p.signer = nonDerSigner(p.signer))),
  },
  {
    name: 'cert-ku-missing',
    kind: 'organisation',
    description: 'No keyUsage extension.',
    expect: [finding('cert.ku.missing', CERT.extension('keyUsage'))],
    build: supplierWith((p) => removeExtension(p, 'ku')),
  },
  {
    name: 'cert-ku-not-critical',
    kind: 'organisation',
    description: 'keyUsage (digitalSignature) is not marked critical.',
    expect: [finding('cert.ku.not-critical', CERT.extension('keyUsage', 'critical'), at.extension('ku'))],
    build: supplierWith((p) => replaceExtension(p, 'ku', keyUsage(['digitalSignature'], false))),
  },
  {
    name: 'cert-policies-missing',
    kind: 'organisation',
    description: 'No certificatePolicies extension.',
    expect: [finding('cert.policies.missing', CERT.extension('certificatePolicies'))],
    build: supplierWith((p) => removeExtension(p, 'cp')),
  },
  {
    name: 'cert-policies-not-critical',
    kind: 'organisation',
    description: 'certificatePolicies is not marked critical.',
    expect: [finding('cert.policies.not-critical', CERT.extension('certificatePolicies', 'critical'), at.extension('cp'))],
    build: supplierWith((p) => replaceExtension(p, 'cp', certificatePolicies([OIDS.policyOrganisation], false))),
  },
  {
    name: 'cert-policies-unexpected-oid',
    kind: 'organisation',
    description: 'The policy OID is 1.2.826.0.1.8641679.1.2.1.5, not the test environment\'s, and so not one its issuer has.',
    expect: [finding('cert.policies.unexpected-oid', POLICY_PATH, at.inExtension('cp', seq(oid('1.2.826.0.1.8641679.1.2.1.5')))), finding('chain.policy.inconsistent', POLICY_PATH, at.inExtension('cp', seq(oid('1.2.826.0.1.8641679.1.2.1.5'))))],
    build: supplierWith((p) => replaceExtension(p, 'cp', certificatePolicies(['1.2.826.0.1.8641679.1.2.1.5']))),
  },
  {
    name: 'cert-ski-missing',
    kind: 'organisation',
    description: 'No subjectKeyIdentifier extension.',
    expect: [finding('cert.ski.missing', CERT.extension('subjectKeyIdentifier'))],
    build: supplierWith((p) => removeExtension(p, 'ski')),
  },
  {
    name: 'cert-ski-critical',
    kind: 'organisation',
    description: 'subjectKeyIdentifier is marked critical.',
    expect: [finding('cert.ski.critical', CERT.extension('subjectKeyIdentifier', 'critical'), at.extension('ski'))],
    build: supplierWith((p) => replaceExtension(p, 'ski', extension('ski', OIDS.subjectKeyIdentifier, octetString(keyIdMethod2(p.subjectKey)), true))),
  },
  {
    name: 'cert-extension-undecodable',
    kind: 'organisation',
    description: 'subjectKeyIdentifier value is a UTF8String, not an OCTET STRING: valid DER, but not the extension\'s type.',
    expect: [finding('cert.extension.undecodable', CERT.extension('subjectKeyIdentifier'), at.extensionValue('ski'))],
    build: supplierWith((p) => replaceExtension(p, 'ski', extension('ski', OIDS.subjectKeyIdentifier, tlv(0x0c, keyIdMethod2(p.subjectKey).map((b) => 0x41 + (b & 0x0f)))))),
  },
  {
    name: 'cert-ski-length-sha1',
    kind: 'organisation',
    description: 'subjectKeyIdentifier is the 20-octet SHA-1 of the key (RFC 5280 method 1) instead of 8 octets.',
    expect: [finding('cert.ski.length', CERT.extension('subjectKeyIdentifier'), at.extensionValue('ski'))],
    build: supplierWith((p) => replaceExtension(p, 'ski', subjectKeyIdentifier(keyIdMethod1(p.subjectKey)))),
  },
  {
    name: 'cert-ski-wrong-value',
    kind: 'organisation',
    description: 'subjectKeyIdentifier has 8 octets starting 0x4 but is not the method-2 value of the key.',
    expect: [finding('cert.ski.method', CERT.extension('subjectKeyIdentifier'), at.extensionValue('ski'))],
    build: supplierWith((p) => {
      const id = sha256('not the key id').slice(0, 8);
      id[0] = 0x40 | (id[0] & 0x0f);
      return replaceExtension(p, 'ski', subjectKeyIdentifier(id));
    }),
  },
  {
    name: 'cert-aki-missing',
    kind: 'organisation',
    description: 'No authorityKeyIdentifier on a certificate issued by the Issuing OCA.',
    expect: [finding('cert.aki.missing', CERT.extension('authorityKeyIdentifier'))],
    build: supplierWith((p) => removeExtension(p, 'aki')),
  },
  {
    name: 'cert-aki-critical',
    kind: 'organisation',
    description: 'authorityKeyIdentifier is marked critical.',
    expect: [finding('cert.aki.critical', CERT.extension('authorityKeyIdentifier', 'critical'), at.extension('aki'))],
    build: (pki, label) =>
      replaceExtension(supplier(pki, label), 'aki', extension('aki', OIDS.authorityKeyIdentifier, seq(contextPrimitive(0, pki.oca.keyId)), true)),
  },
  {
    name: 'cert-aki-issuer-and-serial',
    kind: 'organisation',
    description: 'authorityKeyIdentifier also carries authorityCertIssuer (the root\'s name) and authorityCertSerialNumber (the Issuing OCA\'s serial).',
    expect: [finding('cert.aki.fields', CERT.extension('authorityKeyIdentifier'), at.extensionValue('aki'))],
    build: (pki, label) =>
      replaceExtension(
        supplier(pki, label),
        'aki',
        extension(
          'aki',
          OIDS.authorityKeyIdentifier,
          seq(contextPrimitive(0, pki.oca.keyId), contextConstructed(1, contextConstructed(4, pki.root.subject)), contextPrimitive(2, splitTlv(pki.oca.serial).content)),
        ),
      ),
  },
  {
    name: 'cert-aki-length-sha1',
    kind: 'organisation',
    description: 'authorityKeyIdentifier is the 20-octet SHA-1 of the Issuing OCA\'s key, so it is not 8 octets and not the issuer\'s SKI.',
    expect: [finding('cert.aki.length', CERT.extension('authorityKeyIdentifier', 'keyIdentifier'), at.extensionValue('aki')), finding('chain.aki.mismatch', CERT.extension('authorityKeyIdentifier', 'keyIdentifier'), at.extensionValue('aki'))],
    build: (pki, label) => replaceExtension(supplier(pki, label), 'aki', authorityKeyIdentifier(keyIdMethod1(pki.oca.key))),
  },
  {
    name: 'cert-extension-duplicate',
    kind: 'organisation',
    description: 'subjectKeyIdentifier appears twice (identical).',
    expect: [finding('cert.extension.duplicate', CERT.extension('subjectKeyIdentifier'), at.extension('ski-again'))],
    build: supplierWith((p) => addExtension(p, { ...subjectKeyIdentifier(keyIdMethod2(p.subjectKey)), id: 'ski-again' }, 'ski')),
  },
  {
    name: 'cert-validity-generalized-before-2050',
    kind: 'organisation',
    description: 'notAfter 2034-12-31 is written as GeneralizedTime; dates before 2050 must be UTCTime.',
    expect: [finding('cert.validity.time-encoding', CERT.notAfter, at.field('notAfter'))],
    build: supplierWith((p) => void (p.validity = seq(utcTime('250101000000Z'), generalizedTime('20341231235959Z')))),
  },
  {
    name: 'cert-validity-order',
    kind: 'organisation',
    description: 'notBefore 2030-01-01 is after notAfter 2029-01-01 (so it is also not yet valid at the evaluation time).',
    expect: [finding('cert.validity.order', CERT.validity, at.field('validity')), finding('cert.validity.not-yet-valid', CERT.notBefore, at.field('notBefore'))],
    build: supplierWith((p) => void (p.validity = seq(utcTime('300101000000Z'), utcTime('290101000000Z')))),
  },
  {
    name: 'cert-validity-expired',
    kind: 'organisation',
    description: 'notAfter 2026-01-01 is before the evaluation time 2026-06-01.',
    expect: [finding('cert.validity.expired', CERT.notAfter, at.field('notAfter'))],
    build: supplierWith((p) => void (p.validity = seq(utcTime('250101000000Z'), utcTime('260101000000Z')))),
  },
  {
    name: 'cert-validity-not-yet-valid',
    kind: 'organisation',
    description: 'notBefore 2027-01-01 is after the evaluation time 2026-06-01.',
    expect: [finding('cert.validity.not-yet-valid', CERT.notBefore, at.field('notBefore'))],
    build: supplierWith((p) => void (p.validity = seq(utcTime('270101000000Z'), utcTime('361231235959Z')))),
  },
  // Names: the string types of subject and issuer attributes, and their upper bounds.
  {
    name: 'cert-name-ou-ia5',
    kind: 'organisation',
    description: 'The subject OU "02" is an IA5String, which is no DirectoryString choice; the role is still read from it.',
    expect: [finding('cert.name.not-directory-string', CERT.subjectAttribute('organizationalUnitName'), at.attributeValue('subject', ou(ia5String('02'))))],
    build: (pki, label) => ({ ...supplier(pki, label), subject: name(rdn(cn(utf8String('SAMPLESUPPLIER'))), rdn(ou(ia5String('02'))), rdn(euiAttribute(defectEui(label)))) }),
  },
  {
    name: 'cert-name-cn-bmp',
    kind: 'organisation',
    description: 'The subject CN is a BMPString, a DirectoryString choice RFC 5280 keeps only for names established before.',
    expect: [finding('cert.name.legacy-string-type', CERT.subjectAttribute('commonName'), at.attributeValue('subject', cn(bmpString('SAMPLESUPPLIER'))))],
    build: (pki, label) => ({ ...supplier(pki, label), subject: name(rdn(cn(bmpString('SAMPLESUPPLIER'))), rdn(ou(utf8String('02'))), rdn(euiAttribute(defectEui(label)))) }),
  },
  {
    name: 'cert-name-cn-too-long',
    kind: 'organisation',
    description: 'The supplier CN holds 65 characters; RFC 5280 bounds CN at 64 (ub-common-name).',
    expect: [finding('cert.name.too-long', CERT.subjectAttribute('commonName'), at.attributeValue('subject', cn(utf8String(LONG_CN))))],
    build: (pki, label) => supplier(pki, label, { commonName: LONG_CN }),
  },
  {
    name: 'cert-name-issuer-ia5',
    kind: 'organisation',
    description: "The issuer OU \"07\" is an IA5String where the Issuing OCA's subject has a PrintableString: no DirectoryString choice, and equal to the issuer's subject only after normalisation.",
    expect: [
      finding('cert.name.not-directory-string', CERT.issuerAttribute('organizationalUnitName'), at.attributeValue('issuer', ou(ia5String('07')))),
      finding('chain.issuer-name.string-type', CERT.issuer, at.field('issuer')),
    ],
    build: (pki, label) => ({ ...supplier(pki, label), issuer: name(rdn(ou(ia5String('07'))), rdn(cn(printableString('T1')))) }),
  },
  {
    name: 'cert-name-ca-cn-teletex',
    kind: 'issuing-oca',
    description: 'Issuing OCA OU=07, CN=TT whose CN is a TeletexString, a DirectoryString choice RFC 5280 keeps only for names established before.',
    expect: [finding('cert.name.legacy-string-type', CERT.subjectAttribute('commonName'), at.attributeValue('subject', cn(teletexString('TT'))))],
    build: (pki, label) => caCertificate({ label, subject: name(rdn(ou(printableString('07'))), rdn(cn(teletexString('TT')))), issuer: pki.root, pathLen: 0 }),
  },
  {
    name: 'cert-issuer-empty',
    kind: 'device',
    description: 'A Device Certificate issued and signed by the Device CA (its AKI too) whose issuer name is empty.',
    expect: [finding('cert.issuer.empty', CERT.issuer, at.field('issuer')), finding('chain.issuer-name.mismatch', CERT.issuer, at.field('issuer'))],
    build: (pki, label) => ({ ...device({ label, usage: 'ds', hwSerialNum: defectEui(label), issuer: pki.deviceCa }), issuer: name() }),
  },
  {
    name: 'cert-policies-duplicate-oid',
    kind: 'organisation',
    description: "certificatePolicies holds the test environment's organisation policy twice.",
    expect: [finding('cert.policies.duplicate-oid', POLICY_PATH, at.extensionItem('cp', 1))],
    build: supplierWith((p) => replaceExtension(p, 'cp', certificatePolicies([OIDS.policyOrganisation, OIDS.policyOrganisation]))),
  },
  {
    name: 'cert-extension-unexpected-critical',
    kind: 'organisation',
    description: 'A critical extKeyUsage (clientAuth), which the organisation profile does not have: software that does not recognise it must reject the certificate.',
    expect: [finding('cert.extension.unexpected-critical', CERT.extension('extKeyUsage'), at.extension('eku'))],
    build: supplierWith((p) => addExtension(p, extension('eku', OIDS.extKeyUsage, seq(oid(OIDS.clientAuth)), true))),
  },
  {
    name: 'cert-extension-unexpected-critical-ca',
    kind: 'issuing-oca',
    description: 'Issuing OCA OU=07, CN=TC with a critical nameConstraints, which no SMKI CA profile has.',
    expect: [finding('cert.extension.unexpected-critical', CERT.extension('nameConstraints'), at.extension('nc'))],
    build: (pki, label) => addExtension(caCertificate({ label, subject: caName('07', 'TC'), issuer: pki.root, pathLen: 0 }), extension('nc', OIDS.nameConstraints, seq(contextConstructed(0, seq(contextPrimitive(2, ascii('smki.example'))))), true)),
  },
];
