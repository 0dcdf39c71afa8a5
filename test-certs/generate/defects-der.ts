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
import { CERT, derFinding, finding } from './expect-kit.js';
import { at } from './locations.js';
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

/** The organisation policy OID with its "0" arc written as 0x80 0x00, and where in it the 0x80 is. */
function paddedPolicyOid(): { der: Uint8Array; padding: number } {
  const content = oidContent(OIDS.policyOrganisation);
  const zeroArc = content.indexOf(0x00);
  return { der: tlv(0x06, concat(content.subarray(0, zeroArc), bytes(0x80), content.subarray(zeroArc))), padding: 2 + zeroArc };
}

/** A CPS pointer whose IA5String holds a Latin-1 "É" (0xC9), and where that byte is in the IA5String. */
const CPS_URI = 'http://smki.example/\u00c9nergie';
const CPS_BAD_BYTE = 2 + CPS_URI.indexOf('\u00c9');

export const derDefects: Defect[] = [
  {
    name: 'der-length-non-minimal',
    kind: 'organisation',
    description: 'The serialNumber length is written in long form (0x81 0x10) where the short form fits.',
    expect: [derFinding('der.length.non-minimal', at.field('serial'))],
    build: supplierWith((p, label) => void (p.serial = concat(bytes(0x02, 0x81, 0x10), serialContent(label)))),
  },
  {
    name: 'der-length-indefinite',
    kind: 'organisation',
    description: 'The outer Certificate SEQUENCE uses the indefinite length form (outside the signed bytes).',
    expect: [derFinding('der.length.indefinite', at.start())],
    build: supplierWith((p) => {
      p.afterSigning = (der) => concat(bytes(0x30, 0x80), splitTlv(der).content, bytes(0x00, 0x00));
    }),
  },
  {
    name: 'der-tag-high-number-form',
    kind: 'organisation',
    description: 'The serialNumber INTEGER tag is written in high-tag-number form (0x1F 0x02) instead of 0x02.',
    expect: [derFinding('der.tag.non-minimal', at.field('serial'))],
    build: supplierWith((p, label) => void (p.serial = concat(bytes(0x1f, 0x02, 0x10), serialContent(label)))),
  },
  {
    name: 'der-boolean-not-ff',
    kind: 'organisation',
    description: 'keyUsage critical is BOOLEAN TRUE encoded as 0x01 instead of 0xFF.',
    expect: [derFinding('der.boolean.invalid', at.inExtension('ku', bytes(0x01, 0x01, 0x01)))],
    build: supplierWith((p) =>
      replaceExtension(p, 'ku', { id: 'ku', der: seq(oid(OIDS.keyUsage), bytes(0x01, 0x01, 0x01), octetString(keyUsageValue(['digitalSignature']))) }),
    ),
  },
  {
    name: 'der-default-critical-false',
    kind: 'organisation',
    description: 'subjectKeyIdentifier encodes critical FALSE, the DEFAULT, explicitly.',
    expect: [derFinding('der.default-encoded', at.inExtension('ski', boolean(false)))],
    build: supplierWith((p) =>
      replaceExtension(p, 'ski', { id: 'ski', der: seq(oid(OIDS.subjectKeyIdentifier), boolean(false), octetString(octetString(keyIdMethod2(p.subjectKey)))) }),
    ),
  },
  {
    name: 'der-integer-leading-zero',
    kind: 'organisation',
    description: 'The serialNumber has a redundant leading 0x00 octet.',
    expect: [derFinding('der.integer.non-minimal', at.field('serial'))],
    build: supplierWith((p, label) => void (p.serial = tlv(0x02, concat(bytes(0x00), serialContent(label))))),
  },
  {
    name: 'der-integer-empty',
    kind: 'organisation',
    description: 'The serialNumber INTEGER has no content octets (read as zero).',
    expect: [derFinding('der.integer.empty', at.field('serial')), finding('cert.serial.not-positive', CERT.serial, at.field('serial'))],
    build: supplierWith((p) => void (p.serial = bytes(0x02, 0x00))),
  },
  {
    name: 'der-bitstring-unused-bits',
    kind: 'organisation',
    description: 'The subjectPublicKey BIT STRING declares 8 unused bits (the maximum is 7); the key octets are correct.',
    expect: [derFinding('der.bitstring.unused-bits', at.content('publicKey'))],
    build: supplierWith((p) => void (p.spki = subjectPublicKeyInfo(p.subjectKey, 8))),
  },
  {
    name: 'der-bitstring-padding',
    kind: 'organisation',
    description: 'The keyUsage BIT STRING 07 81 has a non-zero bit among its 7 unused bits.',
    expect: [derFinding('der.bitstring.padding', at.plus(at.inExtension('ku', hex('03 02 07 81')), 3))],
    build: supplierWith((p) => replaceExtension(p, 'ku', extension('ku', OIDS.keyUsage, hex('03 02 07 81'), true))),
  },
  {
    name: 'der-bitstring-empty',
    kind: 'organisation',
    description: 'The x500UniqueIdentifier BIT STRING has no content octets at all, so it holds no EUI-64.',
    expect: [derFinding('der.bitstring.empty', at.inField('subject', bytes(0x03, 0x00))), finding('org.eui.length', CERT.subjectAttribute('x500UniqueIdentifier'), at.inField('subject', bytes(0x03, 0x00)))],
    build: (pki, label) => ({
      ...supplier(pki, label),
      subject: name(rdn(cn(utf8String('SAMPLESUPPLIER'))), rdn(ou(utf8String('02'))), rdn(attribute(OIDS.x500UniqueIdentifier, bytes(0x03, 0x00)))),
    }),
  },
  {
    name: 'der-oid-non-minimal',
    kind: 'organisation',
    description: 'The policy OID writes its "0" arc as 0x80 0x00 (a padding octet); it still reads as the test policy.',
    expect: [derFinding('der.oid.non-minimal', at.plus(at.inExtension('cp', paddedPolicyOid().der), paddedPolicyOid().padding))],
    build: supplierWith((p) => replaceExtension(p, 'cp', extension('cp', OIDS.certificatePolicies, seq(seq(paddedPolicyOid().der)), true))),
  },
  {
    name: 'der-oid-empty',
    kind: 'organisation',
    description: 'An extra non-critical extension whose extnID OBJECT IDENTIFIER has no content octets.',
    expect: [derFinding('der.oid.empty', at.inExtension('empty-oid', bytes(0x06, 0x00))), finding('org.extension.unexpected', `${CERT.extensions}[4]`, at.extension('empty-oid'))],
    build: supplierWith((p) => addExtension(p, { id: 'empty-oid', der: seq(bytes(0x06, 0x00), octetString(bytes(0x05, 0x00))) })),
  },
  {
    name: 'der-utctime-no-seconds',
    kind: 'organisation',
    description: 'notBefore is the UTCTime "2501010000Z", without seconds.',
    expect: [derFinding('der.time.utc-format', at.field('notBefore'))],
    build: supplierWith((p) => void (p.validity = seq(utcTime('2501010000Z'), utcTime('341231235959Z')))),
  },
  {
    name: 'der-utctime-offset',
    kind: 'organisation',
    description: 'notBefore is the UTCTime "250101000000+0000", with an offset instead of Z.',
    expect: [derFinding('der.time.utc-format', at.field('notBefore'))],
    build: supplierWith((p) => void (p.validity = seq(utcTime('250101000000+0000'), utcTime('341231235959Z')))),
  },
  {
    name: 'der-generalizedtime-fraction',
    kind: 'organisation',
    description: 'notAfter is the GeneralizedTime "20341231235959.5Z": fractional seconds, and GeneralizedTime for a year before 2050.',
    expect: [derFinding('der.time.generalized-format', at.field('notAfter')), finding('cert.validity.time-encoding', CERT.notAfter, at.field('notAfter'))],
    build: supplierWith((p) => void (p.validity = seq(utcTime('250101000000Z'), generalizedTime('20341231235959.5Z')))),
  },
  {
    name: 'der-printable-underscore',
    kind: 'organisation',
    description: 'The supplier CN is a PrintableString holding "_", outside the PrintableString alphabet.',
    expect: [derFinding('der.string.printable', at.plus(at.attributeValue('subject', cn(printableString('SAMPLE_SUPPLIER'))), 2 + 'SAMPLE'.length))],
    build: supplierCn(printableString('SAMPLE_SUPPLIER')),
  },
  {
    name: 'der-ia5-8bit',
    kind: 'organisation',
    description: 'The CPS pointer qualifier of the certificate policy is an IA5String holding the byte 0xC9 (Latin-1 "É").',
    expect: [derFinding('der.string.ia5', at.plus(at.inExtension('cp', ia5String(CPS_URI)), CPS_BAD_BYTE))],
    build: supplierWith((p) =>
      replaceExtension(p, 'cp', extension('cp', OIDS.certificatePolicies, seq(seq(oid(OIDS.policyOrganisation), seq(seq(oid(OIDS.cpsQualifier), ia5String(CPS_URI))))), true)),
    ),
  },
  {
    name: 'der-utf8-invalid',
    kind: 'organisation',
    description: 'The supplier CN is a UTF8String holding the invalid sequence C3 28.',
    expect: [derFinding('der.string.utf8', at.plus(at.attributeValue('subject', cn(tlv(0x0c, concat(ascii('SAMPLE'), bytes(0xc3, 0x28))))), 2 + 'SAMPLE'.length))],
    build: supplierCn(tlv(0x0c, concat(ascii('SAMPLE'), bytes(0xc3, 0x28)))),
  },
  {
    name: 'der-set-order',
    kind: 'organisation',
    description: 'A multi-valued RDN holds x500UniqueIdentifier before OU, against the DER order of SET OF.',
    expect: [derFinding('der.set.order', at.inField('subject', ou(utf8String('02')))), finding('org.subject.multi-valued-rdn', `${CERT.subject}.rdn[1]`, at.inField('subject', setAsGiven(euiAttribute(defectEui('der-set-order')), ou(utf8String('02')))))],
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
    expect: [derFinding('der.form', at.attributeValue('subject', cn(tlv(0x2c, concat(utf8String('SAMPLE'), utf8String('SUPPLIER'))))))],
    build: supplierCn(tlv(0x2c, concat(utf8String('SAMPLE'), utf8String('SUPPLIER')))),
  },
  {
    name: 'der-null-content',
    kind: 'organisation',
    description: 'Both signature algorithm fields carry a NULL parameter with one content octet.',
    expect: [derFinding('der.null.content', at.inField('signature', bytes(0x05, 0x01, 0x00))), derFinding('der.null.content', at.inField('signatureAlgorithm', bytes(0x05, 0x01, 0x00))), finding('cert.sig-alg.parameters-present', CERT.signature, at.field('signature')), finding('cert.sig-alg.parameters-present', CERT.signatureAlgorithm, at.field('signatureAlgorithm'))],
    build: supplierWith((p) => {
      p.signature = seq(oid(OIDS.ecdsaWithSha256), bytes(0x05, 0x01, 0x00));
      p.signatureAlgorithm = p.signature;
    }),
  },
  {
    name: 'der-trailing-bytes',
    kind: 'organisation',
    description: 'Two 0x00 bytes follow the Certificate SEQUENCE (outside the signed bytes).',
    expect: [derFinding('der.trailing-bytes', at.after('signatureValue'))],
    build: supplierWith((p) => {
      p.afterSigning = (der) => concat(der, bytes(0x00, 0x00));
    }),
  },
  {
    name: 'der-depth',
    kind: 'organisation',
    description: 'An extra non-critical extension whose value nests 70 SEQUENCEs, deeper than the reader reads.',
    expect: [derFinding('der.depth', at.nestedInExtension('deep', 64)), finding('org.extension.unexpected', CERT.extension('2.999.1'), at.extension('deep'))],
    build: supplierWith((p) => addExtension(p, extension('deep', '2.999.1', deepNesting(70)))),
  },
  {
    name: 'der-truncated',
    kind: 'unknown',
    description: 'A valid supplier certificate cut off in the middle of its tbsCertificate.',
    expect: [derFinding('der.truncated', at.start()), finding('decode.malformed', CERT.signatureAlgorithm, at.after('item')), finding('decode.malformed', CERT.signatureValue, at.after('item'))],
    build: (pki, label) => {
      const der = buildCertificate(supplier(pki, label)).der;
      return der.subarray(0, Math.floor(der.length / 2));
    },
  },
  {
    name: 'decode-validity-missing',
    kind: 'unknown',
    description: 'Well-formed DER, signed, but the tbsCertificate has no validity field, so it is not a certificate.',
    expect: [
      // Every field after the missing one is read one place early: the subject as the validity, the key as the subject...
      finding('decode.malformed', CERT.notBefore, at.child('subject', 0)),
      finding('decode.malformed', CERT.notAfter, at.child('subject', 1)),
      finding('decode.malformed', `${CERT.subject}.rdn[0]`, at.child('spki', 0)),
      finding('decode.malformed', `${CERT.subject}.rdn[1]`, at.child('spki', 1)),
      finding('decode.malformed', 'tbsCertificate.subjectPublicKeyInfo', at.field('extensions')),
    ],
    build: supplierWith((p) => void (p.validity = new Uint8Array(0))),
  },
  {
    name: 'der-trailing-bytes-extension',
    kind: 'organisation',
    description: 'The subjectKeyIdentifier extnValue holds its OCTET STRING and then two 0x00 bytes: an extnValue holds exactly one DER element.',
    expect: [derFinding('der.trailing-bytes', at.plus(at.extensionValue('ski'), 10))],
    build: supplierWith((p) => replaceExtension(p, 'ski', extension('ski', OIDS.subjectKeyIdentifier, concat(octetString(keyIdMethod2(p.subjectKey)), bytes(0x00, 0x00))))),
  },
];
