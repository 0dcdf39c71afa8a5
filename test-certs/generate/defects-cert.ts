import type { CertParts } from './certificate.js';
import { addExtension, removeExtension, replaceExtension } from './certificate.js';
import type { Defect } from './defect-kit.js';
import { nonDerSigner, offCurve, supplier } from './defect-kit.js';
import {
  bytes,
  concat,
  contextConstructed,
  contextPrimitive,
  generalizedTime,
  integer,
  nullValue,
  octetString,
  oid,
  seq,
  splitTlv,
  tlv,
  utcTime,
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
import { OIDS } from './oids.js';

// General certificate rules: version, serial, algorithms, key, extensions present/critical, validity.

/** Gives the certificate another subject key; the SKI follows it, so only the key is wrong. */
function withKey(parts: CertParts, key: KeyPair): CertParts {
  parts.subjectKey = key;
  parts.spki = subjectPublicKeyInfo(key);
  return replaceExtension(parts, 'ski', subjectKeyIdentifier(keyIdMethod2(key)));
}

const supplierWith = (edit: (parts: CertParts, label: string) => CertParts | void): Defect['build'] => (pki, label) => {
  const parts = supplier(pki, label);
  return edit(parts, label) ?? parts;
};

export const certificateDefects: Defect[] = [
  {
    name: 'cert-version-v2',
    kind: 'organisation',
    description: 'version is v2 ([0] INTEGER 1) although the certificate has extensions.',
    expect: ['cert.version.not-v3'],
    build: supplierWith((p) => void (p.version = contextConstructed(0, integer(1n)))),
  },
  {
    name: 'cert-version-v1',
    kind: 'organisation',
    description: 'The version field is absent (v1) although the certificate has extensions.',
    expect: ['cert.version.not-v3'],
    build: supplierWith((p) => void (p.version = null)),
  },
  {
    name: 'cert-serial-negative',
    kind: 'organisation',
    description: 'serialNumber is negative (16 octets, top bit set).',
    expect: ['cert.serial.not-positive'],
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
    expect: ['cert.serial.not-positive'],
    build: supplierWith((p) => void (p.serial = integer(0n))),
  },
  {
    name: 'cert-serial-too-long',
    kind: 'organisation',
    description: 'serialNumber is a positive, minimally encoded 21-octet INTEGER.',
    expect: ['cert.serial.too-long'],
    build: supplierWith((p, label) => void (p.serial = tlv(0x02, concat(serialContent(label), serialContent(label + ' more').subarray(0, 5))))),
  },
  {
    name: 'cert-unique-ids-present',
    kind: 'organisation',
    description: 'An issuerUniqueID is present.',
    expect: ['cert.unique-ids.present'],
    build: supplierWith((p) => void (p.uniqueIds = [contextPrimitive(1, concat(Uint8Array.of(0), sha256('issuer unique id').subarray(0, 8)))])),
  },
  {
    name: 'cert-sig-alg-null-params',
    kind: 'organisation',
    description: 'Both signature algorithm fields are ecdsa-with-SHA256 with explicit NULL parameters.',
    expect: ['cert.sig-alg.parameters-present'],
    build: supplierWith((p) => {
      p.signature = seq(oid(OIDS.ecdsaWithSha256), nullValue());
      p.signatureAlgorithm = p.signature;
    }),
  },
  {
    name: 'cert-sig-alg-sha384-in-tbs',
    kind: 'organisation',
    description: 'tbsCertificate.signature says ecdsa-with-SHA384 while signatureAlgorithm (and the signature) is ecdsa-with-SHA256.',
    expect: ['cert.sig-alg.not-ecdsa-sha256', 'cert.sig-alg.mismatch'],
    build: supplierWith((p) => void (p.signature = seq(oid(OIDS.ecdsaWithSha384)))),
  },
  {
    name: 'cert-key-p384',
    kind: 'organisation',
    description: 'The subject key is on P-384 (secp384r1); its SKI is the correct method-2 value for that key.',
    expect: ['cert.key.curve'],
    build: supplierWith((p, label) => withKey(p, p384Key(label))),
  },
  {
    name: 'cert-key-compressed',
    kind: 'organisation',
    description: 'The P-256 subject key is a 33-octet compressed point; its SKI is computed over those octets.',
    expect: ['cert.key.not-uncompressed'],
    build: supplierWith((p, label) => withKey(p, p256Key(label, true))),
  },
  {
    name: 'cert-key-ed25519',
    kind: 'organisation',
    description: 'The subject key is Ed25519, not id-ecPublicKey.',
    expect: ['cert.key.algorithm'],
    build: supplierWith((p, label) => withKey(p, ed25519Key(label))),
  },
  {
    name: 'cert-key-not-on-curve',
    kind: 'organisation',
    description: 'A 65-octet uncompressed P-256 point whose Y was changed, so it is not on the curve; its SKI is computed over those octets.',
    expect: ['cert.key.not-on-curve'],
    build: supplierWith((p, label) => withKey(p, offCurve(p256Key(label)))),
  },
  {
    name: 'cert-ku-not-der-minimal',
    kind: 'organisation',
    description: 'keyUsage digitalSignature written as 03 02 00 80: seven trailing zero bits kept where DER writes 03 02 07 80.',
    expect: ['cert.ku.not-der-minimal'],
    build: supplierWith((p) => replaceExtension(p, 'ku', extension('ku', OIDS.keyUsage, tlv(0x03, bytes(0x00, 0x80)), true))),
  },
  {
    name: 'cert-signature-not-der',
    kind: 'organisation',
    description: "The Issuing OCA's ECDSA-Sig-Value has a redundant leading 00 octet on r; verifiers that insist on DER reject it.",
    expect: ['cert.sig-value.not-der', 'chain.signature.invalid'],
    build: supplierWith((p) => void (p.signer = nonDerSigner(p.signer))),
  },
  {
    name: 'cert-ku-missing',
    kind: 'organisation',
    description: 'No keyUsage extension.',
    expect: ['cert.ku.missing'],
    build: supplierWith((p) => removeExtension(p, 'ku')),
  },
  {
    name: 'cert-ku-not-critical',
    kind: 'organisation',
    description: 'keyUsage (digitalSignature) is not marked critical.',
    expect: ['cert.ku.not-critical'],
    build: supplierWith((p) => replaceExtension(p, 'ku', keyUsage(['digitalSignature'], false))),
  },
  {
    name: 'cert-policies-missing',
    kind: 'organisation',
    description: 'No certificatePolicies extension.',
    expect: ['cert.policies.missing'],
    build: supplierWith((p) => removeExtension(p, 'cp')),
  },
  {
    name: 'cert-policies-not-critical',
    kind: 'organisation',
    description: 'certificatePolicies is not marked critical.',
    expect: ['cert.policies.not-critical'],
    build: supplierWith((p) => replaceExtension(p, 'cp', certificatePolicies([OIDS.policyOrganisation], false))),
  },
  {
    name: 'cert-policies-unexpected-oid',
    kind: 'organisation',
    description: 'The policy OID is 1.2.826.0.1.8641679.1.2.1.5, not the test environment\'s, and so not one its issuer has.',
    expect: ['cert.policies.unexpected-oid', 'chain.policy.inconsistent'],
    build: supplierWith((p) => replaceExtension(p, 'cp', certificatePolicies(['1.2.826.0.1.8641679.1.2.1.5']))),
  },
  {
    name: 'cert-ski-missing',
    kind: 'organisation',
    description: 'No subjectKeyIdentifier extension.',
    expect: ['cert.ski.missing'],
    build: supplierWith((p) => removeExtension(p, 'ski')),
  },
  {
    name: 'cert-ski-critical',
    kind: 'organisation',
    description: 'subjectKeyIdentifier is marked critical.',
    expect: ['cert.ski.critical'],
    build: supplierWith((p) => replaceExtension(p, 'ski', extension('ski', OIDS.subjectKeyIdentifier, octetString(keyIdMethod2(p.subjectKey)), true))),
  },
  {
    name: 'cert-extension-undecodable',
    kind: 'organisation',
    description: 'subjectKeyIdentifier value is a UTF8String, not an OCTET STRING: valid DER, but not the extension\'s type.',
    expect: ['cert.extension.undecodable'],
    build: supplierWith((p) => replaceExtension(p, 'ski', extension('ski', OIDS.subjectKeyIdentifier, tlv(0x0c, keyIdMethod2(p.subjectKey).map((b) => 0x41 + (b & 0x0f)))))),
  },
  {
    name: 'cert-ski-length-sha1',
    kind: 'organisation',
    description: 'subjectKeyIdentifier is the 20-octet SHA-1 of the key (RFC 5280 method 1) instead of 8 octets.',
    expect: ['cert.ski.length'],
    build: supplierWith((p) => replaceExtension(p, 'ski', subjectKeyIdentifier(keyIdMethod1(p.subjectKey)))),
  },
  {
    name: 'cert-ski-wrong-value',
    kind: 'organisation',
    description: 'subjectKeyIdentifier has 8 octets starting 0x4 but is not the method-2 value of the key.',
    expect: ['cert.ski.method'],
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
    expect: ['cert.aki.missing'],
    build: supplierWith((p) => removeExtension(p, 'aki')),
  },
  {
    name: 'cert-aki-critical',
    kind: 'organisation',
    description: 'authorityKeyIdentifier is marked critical.',
    expect: ['cert.aki.critical'],
    build: (pki, label) =>
      replaceExtension(supplier(pki, label), 'aki', extension('aki', OIDS.authorityKeyIdentifier, seq(contextPrimitive(0, pki.oca.keyId)), true)),
  },
  {
    name: 'cert-aki-issuer-and-serial',
    kind: 'organisation',
    description: 'authorityKeyIdentifier also carries authorityCertIssuer (the root\'s name) and authorityCertSerialNumber (the Issuing OCA\'s serial).',
    expect: ['cert.aki.fields'],
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
    expect: ['cert.aki.length', 'chain.aki.mismatch'],
    build: (pki, label) => replaceExtension(supplier(pki, label), 'aki', authorityKeyIdentifier(keyIdMethod1(pki.oca.key))),
  },
  {
    name: 'cert-extension-duplicate',
    kind: 'organisation',
    description: 'subjectKeyIdentifier appears twice (identical).',
    expect: ['cert.extension.duplicate'],
    build: supplierWith((p) => addExtension(p, { ...subjectKeyIdentifier(keyIdMethod2(p.subjectKey)), id: 'ski-again' }, 'ski')),
  },
  {
    name: 'cert-validity-generalized-before-2050',
    kind: 'organisation',
    description: 'notAfter 2034-12-31 is written as GeneralizedTime; dates before 2050 must be UTCTime.',
    expect: ['cert.validity.time-encoding'],
    build: supplierWith((p) => void (p.validity = seq(utcTime('250101000000Z'), generalizedTime('20341231235959Z')))),
  },
  {
    name: 'cert-validity-order',
    kind: 'organisation',
    description: 'notBefore 2030-01-01 is after notAfter 2029-01-01 (so it is also not yet valid at the evaluation time).',
    expect: ['cert.validity.order', 'cert.validity.not-yet-valid'],
    build: supplierWith((p) => void (p.validity = seq(utcTime('300101000000Z'), utcTime('290101000000Z')))),
  },
  {
    name: 'cert-validity-expired',
    kind: 'organisation',
    description: 'notAfter 2026-01-01 is before the evaluation time 2026-06-01.',
    expect: ['cert.validity.expired'],
    build: supplierWith((p) => void (p.validity = seq(utcTime('250101000000Z'), utcTime('260101000000Z')))),
  },
  {
    name: 'cert-validity-not-yet-valid',
    kind: 'organisation',
    description: 'notBefore 2027-01-01 is after the evaluation time 2026-06-01.',
    expect: ['cert.validity.not-yet-valid'],
    build: supplierWith((p) => void (p.validity = seq(utcTime('270101000000Z'), utcTime('361231235959Z')))),
  },
];
