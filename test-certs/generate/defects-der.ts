import type { CertParts } from './certificate.js';
import { addExtension, buildCertificate, replaceExtension } from './certificate.js';
import type { Defect } from './defect-kit.js';
import { defectEui, supplier } from './defect-kit.js';
import {
  ascii,
  boolean,
  bytes,
  compareEncodings,
  concat,
  generalizedTime,
  hex,
  ia5String,
  octetString,
  oid,
  oidContent,
  printableString,
  seq,
  setAsGiven,
  splitTlv,
  tlv,
  utcTime,
  utf8String,
} from './der-writer.js';
import { extension, keyUsageValue } from './extensions.js';
import { keyIdMethod2, serialContent, subjectPublicKeyInfo } from './keys.js';
import { attribute, cn, euiAttribute, name, ou, rdn } from './names.js';
import { OIDS } from './oids.js';

// One DER violation per certificate. Inside the TBS the certificate is signed after the bad
// bytes are written, so the signature still verifies; outside it the bytes change after signing.

const supplierWith = (edit: (parts: CertParts, label: string) => CertParts | void): Defect['build'] => (pki, label) => {
  const parts = supplier(pki, label);
  return edit(parts, label) ?? parts;
};

/** A supplier certificate whose CN value is the given encoded string. */
const supplierCn = (value: Uint8Array): Defect['build'] => (pki, label) => ({
  ...supplier(pki, label),
  subject: name(rdn(cn(value)), rdn(ou(utf8String('02'))), rdn(euiAttribute(defectEui(label)))),
});

/** 70 nested SEQUENCEs, deeper than any strict reader's nesting limit of 64. */
function deepNesting(levels: number): Uint8Array {
  let inner = bytes(0x05, 0x00);
  for (let i = 0; i < levels; i++) inner = seq(inner);
  return inner;
}

/** The organisation policy OID with its "0" arc written as 0x80 0x00. */
function paddedPolicyOid(): Uint8Array {
  const content = oidContent(OIDS.policyOrganisation);
  const zeroArc = content.indexOf(0x00);
  return tlv(0x06, concat(content.subarray(0, zeroArc), bytes(0x80), content.subarray(zeroArc)));
}

export const derDefects: Defect[] = [
  {
    name: 'der-length-non-minimal',
    kind: 'organisation',
    description: 'The serialNumber length is written in long form (0x81 0x10) where the short form fits.',
    expect: ['der.length.non-minimal'],
    build: supplierWith((p, label) => void (p.serial = concat(bytes(0x02, 0x81, 0x10), serialContent(label)))),
  },
  {
    name: 'der-length-indefinite',
    kind: 'organisation',
    description: 'The outer Certificate SEQUENCE uses the indefinite length form (outside the signed bytes).',
    expect: ['der.length.indefinite'],
    build: supplierWith((p) => {
      p.afterSigning = (der) => concat(bytes(0x30, 0x80), splitTlv(der).content, bytes(0x00, 0x00));
    }),
  },
  {
    name: 'der-tag-high-number-form',
    kind: 'organisation',
    description: 'The serialNumber INTEGER tag is written in high-tag-number form (0x1F 0x02) instead of 0x02.',
    expect: ['der.tag.non-minimal'],
    build: supplierWith((p, label) => void (p.serial = concat(bytes(0x1f, 0x02, 0x10), serialContent(label)))),
  },
  {
    name: 'der-boolean-not-ff',
    kind: 'organisation',
    description: 'keyUsage critical is BOOLEAN TRUE encoded as 0x01 instead of 0xFF.',
    expect: ['der.boolean.invalid'],
    build: supplierWith((p) =>
      replaceExtension(p, 'ku', { id: 'ku', der: seq(oid(OIDS.keyUsage), bytes(0x01, 0x01, 0x01), octetString(keyUsageValue(['digitalSignature']))) }),
    ),
  },
  {
    name: 'der-default-critical-false',
    kind: 'organisation',
    description: 'subjectKeyIdentifier encodes critical FALSE, the DEFAULT, explicitly.',
    expect: ['der.default-encoded'],
    build: supplierWith((p) =>
      replaceExtension(p, 'ski', { id: 'ski', der: seq(oid(OIDS.subjectKeyIdentifier), boolean(false), octetString(octetString(keyIdMethod2(p.subjectKey)))) }),
    ),
  },
  {
    name: 'der-integer-leading-zero',
    kind: 'organisation',
    description: 'The serialNumber has a redundant leading 0x00 octet.',
    expect: ['der.integer.non-minimal'],
    build: supplierWith((p, label) => void (p.serial = tlv(0x02, concat(bytes(0x00), serialContent(label))))),
  },
  {
    name: 'der-integer-empty',
    kind: 'organisation',
    description: 'The serialNumber INTEGER has no content octets (read as zero).',
    expect: ['der.integer.empty', 'cert.serial.not-positive'],
    build: supplierWith((p) => void (p.serial = bytes(0x02, 0x00))),
  },
  {
    name: 'der-bitstring-unused-bits',
    kind: 'organisation',
    description: 'The subjectPublicKey BIT STRING declares 8 unused bits (the maximum is 7); the key octets are correct.',
    expect: ['der.bitstring.unused-bits'],
    build: supplierWith((p) => void (p.spki = subjectPublicKeyInfo(p.subjectKey, 8))),
  },
  {
    name: 'der-bitstring-padding',
    kind: 'organisation',
    description: 'The keyUsage BIT STRING 07 81 has a non-zero bit among its 7 unused bits.',
    expect: ['der.bitstring.padding'],
    build: supplierWith((p) => replaceExtension(p, 'ku', extension('ku', OIDS.keyUsage, hex('03 02 07 81'), true))),
  },
  {
    name: 'der-bitstring-empty',
    kind: 'organisation',
    description: 'The x500UniqueIdentifier BIT STRING has no content octets at all, so it holds no EUI-64.',
    expect: ['der.bitstring.empty', 'org.eui.length'],
    build: (pki, label) => ({
      ...supplier(pki, label),
      subject: name(rdn(cn(utf8String('SAMPLESUPPLIER'))), rdn(ou(utf8String('02'))), rdn(attribute(OIDS.x500UniqueIdentifier, bytes(0x03, 0x00)))),
    }),
  },
  {
    name: 'der-oid-non-minimal',
    kind: 'organisation',
    description: 'The policy OID writes its "0" arc as 0x80 0x00 (a padding octet); it still reads as the test policy.',
    expect: ['der.oid.non-minimal'],
    build: supplierWith((p) => replaceExtension(p, 'cp', extension('cp', OIDS.certificatePolicies, seq(seq(paddedPolicyOid())), true))),
  },
  {
    name: 'der-oid-empty',
    kind: 'organisation',
    description: 'An extra non-critical extension whose extnID OBJECT IDENTIFIER has no content octets.',
    expect: ['der.oid.empty', 'org.extension.unexpected'],
    build: supplierWith((p) => addExtension(p, { id: 'empty-oid', der: seq(bytes(0x06, 0x00), octetString(bytes(0x05, 0x00))) })),
  },
  {
    name: 'der-utctime-no-seconds',
    kind: 'organisation',
    description: 'notBefore is the UTCTime "2501010000Z", without seconds.',
    expect: ['der.time.utc-format'],
    build: supplierWith((p) => void (p.validity = seq(utcTime('2501010000Z'), utcTime('341231235959Z')))),
  },
  {
    name: 'der-utctime-offset',
    kind: 'organisation',
    description: 'notBefore is the UTCTime "250101000000+0000", with an offset instead of Z.',
    expect: ['der.time.utc-format'],
    build: supplierWith((p) => void (p.validity = seq(utcTime('250101000000+0000'), utcTime('341231235959Z')))),
  },
  {
    name: 'der-generalizedtime-fraction',
    kind: 'organisation',
    description: 'notAfter is the GeneralizedTime "20341231235959.5Z": fractional seconds, and GeneralizedTime for a year before 2050.',
    expect: ['der.time.generalized-format', 'cert.validity.time-encoding'],
    build: supplierWith((p) => void (p.validity = seq(utcTime('250101000000Z'), generalizedTime('20341231235959.5Z')))),
  },
  {
    name: 'der-printable-underscore',
    kind: 'organisation',
    description: 'The supplier CN is a PrintableString holding "_", outside the PrintableString alphabet.',
    expect: ['der.string.printable'],
    build: supplierCn(printableString('SAMPLE_SUPPLIER')),
  },
  {
    name: 'der-ia5-8bit',
    kind: 'organisation',
    description: 'The supplier CN is an IA5String holding the byte 0xC9 (Latin-1 "É").',
    expect: ['der.string.ia5'],
    build: supplierCn(ia5String('SAMPLE \u00c9NERGIE')),
  },
  {
    name: 'der-utf8-invalid',
    kind: 'organisation',
    description: 'The supplier CN is a UTF8String holding the invalid sequence C3 28.',
    expect: ['der.string.utf8'],
    build: supplierCn(tlv(0x0c, concat(ascii('SAMPLE'), bytes(0xc3, 0x28)))),
  },
  {
    name: 'der-set-order',
    kind: 'organisation',
    description: 'A multi-valued RDN holds x500UniqueIdentifier before OU, against the DER order of SET OF.',
    expect: ['der.set.order', 'org.subject.multi-valued-rdn'],
    build: (pki, label) => {
      const roleAttr = ou(utf8String('02'));
      const euiAttr = euiAttribute(defectEui(label));
      if (compareEncodings(euiAttr, roleAttr) <= 0) throw new Error('the EUI attribute must sort after OU');
      return { ...supplier(pki, label), subject: name(rdn(cn(utf8String('SAMPLESUPPLIER'))), setAsGiven(euiAttr, roleAttr)) };
    },
  },
  {
    name: 'der-form-constructed-string',
    kind: 'organisation',
    description: 'The supplier CN is a UTF8String in the constructed form (two segments), which DER forbids.',
    expect: ['der.form'],
    build: supplierCn(tlv(0x2c, concat(utf8String('SAMPLE'), utf8String('SUPPLIER')))),
  },
  {
    name: 'der-null-content',
    kind: 'organisation',
    description: 'Both signature algorithm fields carry a NULL parameter with one content octet.',
    expect: ['der.null.content', 'cert.sig-alg.parameters-present'],
    build: supplierWith((p) => {
      p.signature = seq(oid(OIDS.ecdsaWithSha256), bytes(0x05, 0x01, 0x00));
      p.signatureAlgorithm = p.signature;
    }),
  },
  {
    name: 'der-trailing-bytes',
    kind: 'organisation',
    description: 'Two 0x00 bytes follow the Certificate SEQUENCE (outside the signed bytes).',
    expect: ['der.trailing-bytes'],
    build: supplierWith((p) => {
      p.afterSigning = (der) => concat(der, bytes(0x00, 0x00));
    }),
  },
  {
    name: 'der-depth',
    kind: 'organisation',
    description: 'An extra non-critical extension whose value nests 70 SEQUENCEs, deeper than the reader reads.',
    expect: ['der.depth', 'org.extension.unexpected'],
    build: supplierWith((p) => addExtension(p, extension('deep', '2.999.1', deepNesting(70)))),
  },
  {
    name: 'der-truncated',
    kind: 'unknown',
    description: 'A valid supplier certificate cut off in the middle of its tbsCertificate.',
    expect: ['der.truncated', 'decode.malformed'],
    build: (pki, label) => {
      const der = buildCertificate(supplier(pki, label)).der;
      return der.subarray(0, Math.floor(der.length / 2));
    },
  },
  {
    name: 'decode-validity-missing',
    kind: 'unknown',
    description: 'Well-formed DER, signed, but the tbsCertificate has no validity field, so it is not a certificate.',
    expect: ['decode.malformed'],
    build: supplierWith((p) => void (p.validity = new Uint8Array(0))),
  },
];
