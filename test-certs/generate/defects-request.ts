import { addExtension, buildCertificate, removeExtension, replaceExtension, toPem } from './certificate.js';
import { defectEui, nonDerSigner, offCurve, supplier } from './defect-kit.js';
import { ascii, bmpString, bytes, concat, contextConstructed, contextPrimitive, ia5String, integer, nullValue, octetString, oid, printableString, seq, tlv, utf8String } from './der-writer.js';
import { extension, hardwareModuleName, keyUsage, subjectAltName, subjectKeyIdentifier } from './extensions.js';
import { ed25519Key, keyIdMethod2, p256Key, p384Key, subjectPublicKeyInfo } from './keys.js';
import { attribute, cn, euiAttribute, name, ou, rdn } from './names.js';
import { OIDS } from './oids.js';
import type { ValidPki } from './pki.js';
import type { OrganisationRequestOptions } from './profiles.js';
import { deviceRequest, organisationRequest } from './profiles.js';
import type { RequestParts } from './request.js';
import { buildRequest, requestAttribute } from './request.js';
import type { Kind, SampleFile } from './sample-file.js';
import { CSR, derFinding, finding } from './expect-kit.js';
import type { Expected } from './locations.js';
import { at, bytesLayout, requestLayout, resolveExpected, ruleIds } from './locations.js';

// Request defects: each starts from a valid supplier (or device) request and changes one thing.

export interface RequestDefect {
  name: string;
  kind: Kind;
  description: string;
  /** Every finding the sample gets, with where it points. */
  expect: Expected[];
  /** Request parts (signed here), a finished request, or a whole file's text. */
  build(pki: ValidPki, label: string): RequestParts | Uint8Array | { text: string };
}

/** A valid supplier (02) digitalSignature request with a CN. */
function supplierRequest(label: string, options: Partial<OrganisationRequestOptions> = {}): RequestParts {
  return organisationRequest({ label, role: '02', usage: 'ds', commonName: 'SAMPLESUPPLIER', eui: defectEui(label), ...options });
}

const forRole = (role: string, commonName?: string, usage: 'ds' | 'ka' = 'ds'): RequestDefect['build'] => (_pki, label) => supplierRequest(label, { role, commonName, usage });
const supplierWith = (edit: (parts: RequestParts, label: string) => RequestParts | void): RequestDefect['build'] => (_pki, label) => {
  const parts = supplierRequest(label);
  return edit(parts, label) ?? parts;
};
const deviceWith = (edit: (parts: RequestParts, label: string) => RequestParts | void): RequestDefect['build'] => (_pki, label) => {
  const parts = deviceRequest({ label, usage: 'ds', hwSerialNum: defectEui(label) });
  return edit(parts, label) ?? parts;
};

const SUPPLIER_CN = () => rdn(cn(utf8String('SAMPLESUPPLIER')));
const SUPPLIER_OU = () => rdn(ou(utf8String('02')));
const subjectWith = (...rdns: Uint8Array[]) => supplierWith((p) => void (p.subject = name(...rdns)));

const OU_PATH = CSR.subjectAttribute('organizationalUnitName');
const CN_PATH = CSR.subjectAttribute('commonName');
const UID_PATH = CSR.subjectAttribute('x500UniqueIdentifier');
const KU_PATH = CSR.extension('keyUsage');
const SAN_PATH = CSR.extension('subjectAltName');
/** A finding at the subject OU holding `role` (as forRole writes it). */
const atOu = (rule: string, role: string): Expected => finding(rule, OU_PATH, at.attributeValue('subject', ou(utf8String(role))));
/** A finding at the subject CN holding `value`. */
const atCn = (rule: string, value: Uint8Array): Expected => finding(rule, CN_PATH, at.attributeValue('subject', cn(value)));
/** A finding at the x500UniqueIdentifier attribute `attribute`. */
const atUid = (rule: string, attribute: Uint8Array): Expected => finding(rule, UID_PATH, at.attributeValue('subject', attribute));
/** 65 characters: one more than ub-common-name. */
const LONG_CN = `SAMPLE SUPPLIER ${'X'.repeat(49)}`;

export const requestDefects: RequestDefect[] = [
  // Structure, version, signature.
  { name: 'csr-version-1', kind: 'organisation', description: 'version 1 instead of 0 (v1).', expect: [finding('csr.version', CSR.version, at.field('version'))], build: supplierWith((p) => void (p.version = integer(1n))) },
  {
    name: 'csr-signature-invalid',
    kind: 'organisation',
    description: 'Signed with another key than the one it carries: no proof of possession.',
    expect: [finding('csr.signature.invalid', CSR.signatureValue, at.field('signatureValue'))],
    build: supplierWith((p, label) => void (p.signer = p256Key(`${label} other`))),
  },
  { name: 'csr-signature-not-der', kind: 'organisation', description: 'The ECDSA-Sig-Value has a redundant leading 00 octet on r.', expect: [finding('cert.sig-value.not-der', CSR.signatureValue, at.field('signatureValue'))], build: supplierWith((p) => void (p.signer = nonDerSigner(p.signer))) },
  {
    name: 'csr-sig-alg-sha384',
    kind: 'organisation',
    description: 'Self-signed with ecdsa-with-SHA384 instead of ecdsa-with-SHA256 (the signature verifies).',
    expect: [finding('cert.sig-alg.not-ecdsa-sha256', CSR.signatureAlgorithm, at.field('signatureAlgorithm'))],
    build: supplierWith((p) => {
      const key = p.signer;
      p.signatureAlgorithm = seq(oid(OIDS.ecdsaWithSha384));
      p.signer = { ...key, sign: key.signSha384! };
    }),
  },
  { name: 'csr-sig-alg-null-parameters', kind: 'organisation', description: 'ecdsa-with-SHA256 with NULL parameters.', expect: [finding('cert.sig-alg.parameters-present', CSR.signatureAlgorithm, at.field('signatureAlgorithm'))], build: supplierWith((p) => void (p.signatureAlgorithm = seq(oid(OIDS.ecdsaWithSha256), nullValue()))) },
  {
    name: 'csr-attributes-missing',
    kind: 'unknown',
    description: 'The [0] attributes field is left out (it is not OPTIONAL; an empty one is A0 00).',
    expect: [finding('decode.malformed', CSR.attributes, at.after('spki'))],
    build: (_pki, label) => {
      return { ...supplierRequest(label), attributesRaw: new Uint8Array(0) };
    },
  },
  {
    name: 'csr-trailing-bytes',
    kind: 'organisation',
    description: 'Two zero octets after the request.',
    expect: [derFinding('der.trailing-bytes', at.after('signatureValue'))],
    build: supplierWith((p) => void (p.afterSigning = (der) => concat(der, bytes(0, 0)))),
  },
  // Attributes.
  {
    name: 'csr-attribute-challenge-password',
    kind: 'organisation',
    description: 'A challengePassword attribute beside the extensionRequest.',
    expect: [finding('csr.attribute.unexpected', `${CSR.attributes}.challengePassword`, at.attribute(1))],
    build: supplierWith((p) => void p.extraAttributes.push(requestAttribute(OIDS.challengePassword, printableString('secret')))),
  },
  {
    name: 'csr-extension-request-two-values',
    kind: 'organisation',
    description: 'The extensionRequest attribute holds two Extensions values.',
    expect: [finding('csr.attribute.extension-request-values', CSR.extension(''), at.attribute(0))],
    build: supplierWith((p) => {
      p.attributesRaw = contextConstructed(0, requestAttribute(OIDS.extensionRequest, seq(keyUsage(['digitalSignature']).der), seq(keyUsage(['keyAgreement']).der)));
    }),
  },
  // Requested extensions.
  { name: 'csr-ku-missing', kind: 'organisation', description: 'No extensionRequest: no keyUsage requested.', expect: [finding('cert.ku.missing', KU_PATH)], build: supplierWith((p) => void (p.extensions = null)) },
  { name: 'csr-ku-not-critical', kind: 'organisation', description: 'keyUsage requested as non-critical.', expect: [finding('cert.ku.not-critical', CSR.extension('keyUsage', 'critical'), at.extension('ku'))], build: supplierWith((p) => replaceExtension(p, 'ku', keyUsage(['digitalSignature'], false))) },
  {
    name: 'csr-ku-not-der-minimal',
    kind: 'organisation',
    description: 'keyUsage digitalSignature written as 03 02 00 80: seven trailing zero bits kept.',
    expect: [finding('cert.ku.not-der-minimal', KU_PATH, at.extensionValue('ku'))],
    build: supplierWith((p) => replaceExtension(p, 'ku', extension('ku', OIDS.keyUsage, tlv(0x03, bytes(0x00, 0x80)), true))),
  },
  { name: 'csr-ku-both', kind: 'organisation', description: 'keyUsage requests both digitalSignature and keyAgreement.', expect: [finding('ee.key-usage.not-ds-xor-ka', KU_PATH, at.extension('ku'))], build: supplierWith((p) => replaceExtension(p, 'ku', keyUsage(['digitalSignature', 'keyAgreement']))) },
  { name: 'csr-ku-undecodable', kind: 'organisation', description: 'The requested keyUsage value is an OCTET STRING, not a BIT STRING.', expect: [finding('cert.extension.undecodable', KU_PATH, at.extensionValue('ku'))], build: supplierWith((p) => replaceExtension(p, 'ku', extension('ku', OIDS.keyUsage, octetString(bytes(0x80)), true))) },
  { name: 'csr-ku-duplicate', kind: 'organisation', description: 'keyUsage requested twice.', expect: [finding('cert.extension.duplicate', KU_PATH, at.extension('ku-again'))], build: supplierWith((p) => addExtension(p, { ...keyUsage(['digitalSignature']), id: 'ku-again' })) },
  { name: 'csr-extension-ski', kind: 'organisation', description: 'A subjectKeyIdentifier is requested, which the CA sets itself.', expect: [finding('csr.extension.set-by-ca', CSR.extension('subjectKeyIdentifier'), at.extension('ski'))], build: supplierWith((p, label) => addExtension(p, subjectKeyIdentifier(keyIdMethod2(p256Key(label))))) },
  {
    name: 'csr-extension-san-on-organisation',
    kind: 'organisation',
    description: 'An Organisation CSR requests a subjectAltName dNSName.',
    expect: [finding('csr.extension.unexpected', SAN_PATH, at.extension('san'))],
    build: supplierWith((p) => addExtension(p, subjectAltName([contextPrimitive(2, ascii('supplier.example'))], false))),
  },
  // Key.
  { name: 'csr-key-ed25519', kind: 'organisation', description: 'An Ed25519 key instead of id-ecPublicKey (signed with another key; its signature cannot be checked).', expect: [finding('cert.key.algorithm', CSR.spkiAlgorithm, at.field('spkiAlgorithm'))], build: supplierWith((p, label) => void (p.spki = subjectPublicKeyInfo(ed25519Key(label)))) },
  {
    name: 'csr-key-p384',
    kind: 'organisation',
    description: 'A P-384 key (secp384r1), self-signed with it.',
    expect: [finding('cert.key.curve', CSR.spkiAlgorithm, at.field('spkiAlgorithm'))],
    build: supplierWith((p, label) => {
      const key = p384Key(label);
      p.spki = subjectPublicKeyInfo(key);
      p.signer = key;
    }),
  },
  {
    name: 'csr-key-compressed',
    kind: 'organisation',
    description: 'The P-256 key as a 33-octet compressed point, self-signed with it.',
    expect: [finding('cert.key.not-uncompressed', CSR.publicKey, at.field('publicKey'))],
    build: supplierWith((p, label) => void (p.spki = subjectPublicKeyInfo(p256Key(label, true)))),
  },
  { name: 'csr-key-not-on-curve', kind: 'organisation', description: 'A 65-octet uncompressed point whose Y was changed: not on P-256.', expect: [finding('cert.key.not-on-curve', CSR.publicKey, at.field('publicKey'))], build: supplierWith((p, label) => void (p.spki = subjectPublicKeyInfo(offCurve(p256Key(label))))) },
  // Organisation subject: the same rules as for certificates.
  { name: 'csr-role-86-reserved', kind: 'organisation', description: 'OU "86" with a CN: the reserved role the June 2020 drafting wrote for XML signing.', expect: [atOu('org.role.reserved', '86'), atCn('org.cn.not-permitted-for-role', utf8String('SAMPLEXMLSIGNER'))], build: forRole('86', 'SAMPLEXMLSIGNER') },
  { name: 'csr-role-decimal-135', kind: 'organisation', description: 'OU "135": XML signing in decimal instead of hex "87".', expect: [atOu('org.role.not-hex', '135')], build: forRole('135') },
  { name: 'csr-role-7f-lowercase', kind: 'organisation', description: 'OU "7f" in lower case.', expect: [atOu('org.role.lowercase', '7f')], build: forRole('7f') },
  { name: 'csr-role-unknown-81', kind: 'organisation', description: 'OU "81": role 129, which no source defines.', expect: [atOu('org.role.unknown', '81')], build: forRole('81') },
  { name: 'csr-role-07-end-entity', kind: 'organisation', description: 'OU "07": the Issuing OCA role on an Organisation CSR.', expect: [atOu('org.role.not-end-entity', '07')], build: forRole('07') },
  { name: 'csr-role-87-key-agreement', kind: 'organisation', description: 'OU "87" (XML signing) requesting keyAgreement.', expect: [finding('org.role.key-usage-unusual', KU_PATH, at.extension('ku'))], build: forRole('87', undefined, 'ka') },
  { name: 'csr-role-missing', kind: 'organisation', description: 'No OU, no CN: only the x500UniqueIdentifier.', expect: [finding('org.role.missing', OU_PATH, at.field('subject'))], build: (_pki, label) => ({ ...supplierRequest(label), subject: name(rdn(euiAttribute(defectEui(label)))) }) },
  { name: 'csr-role-multiple', kind: 'organisation', description: 'Two OUs, "02" and "03".', expect: [atOu('org.role.multiple', '03')], build: (_pki, label) => ({ ...supplierRequest(label), subject: name(SUPPLIER_CN(), SUPPLIER_OU(), rdn(ou(utf8String('03'))), rdn(euiAttribute(defectEui(label)))) }) },
  { name: 'csr-cn-role-03', kind: 'organisation', description: 'A CN on a network operator (03) request, a role outside {02, 87}.', expect: [atCn('org.cn.not-permitted-for-role', utf8String('SAMPLENETWORK'))], build: forRole('03', 'SAMPLENETWORK') },
  { name: 'csr-cn-87-on-role-02', kind: 'organisation', description: 'CN "87" on a supplier request: a role code in the CN.', expect: [atCn('org.cn.looks-like-role-code', utf8String('87'))], build: forRole('02', '87') },
  {
    name: 'csr-subject-multi-valued-rdn',
    kind: 'organisation',
    description: 'CN and OU in one multi-valued RDN.',
    expect: [finding('org.subject.multi-valued-rdn', `${CSR.subject}.rdn[0]`, at.inField('subject', rdn(cn(utf8String('SAMPLESUPPLIER')), ou(utf8String('02')))))],
    build: (_pki, label) => ({ ...supplierRequest(label), subject: name(rdn(cn(utf8String('SAMPLESUPPLIER')), ou(utf8String('02'))), rdn(euiAttribute(defectEui(label)))) }),
  },
  {
    name: 'csr-subject-organization-name',
    kind: 'organisation',
    description: 'An O (organizationName) attribute in the subject.',
    expect: [finding('org.subject.unexpected-attribute', CSR.subjectAttribute('O'), at.attributeValue('subject', attribute(OIDS.organizationName, utf8String('Sample Energy'))))],
    build: (_pki, label) => ({ ...supplierRequest(label), subject: name(SUPPLIER_CN(), rdn(attribute(OIDS.organizationName, utf8String('Sample Energy'))), SUPPLIER_OU(), rdn(euiAttribute(defectEui(label)))) }),
  },
  { name: 'csr-subject-ou-ia5', kind: 'organisation', description: 'The OU "02" as an IA5String.', expect: [finding('cert.name.not-directory-string', OU_PATH, at.attributeValue('subject', ou(ia5String('02'))))], build: (_pki, label) => ({ ...supplierRequest(label), subject: name(SUPPLIER_CN(), rdn(ou(ia5String('02'))), rdn(euiAttribute(defectEui(label)))) }) },
  { name: 'csr-eui-missing', kind: 'organisation', description: 'No x500UniqueIdentifier.', expect: [finding('org.eui.missing', UID_PATH, at.field('subject'))], build: subjectWith(SUPPLIER_CN(), SUPPLIER_OU()) },
  {
    name: 'csr-eui-multiple',
    kind: 'organisation',
    description: 'Two x500UniqueIdentifiers.',
    expect: [atUid('org.eui.multiple', euiAttribute(defectEui('csr-eui-multiple 2')))],
    build: (_pki, label) => ({ ...supplierRequest(label), subject: name(SUPPLIER_CN(), SUPPLIER_OU(), rdn(euiAttribute(defectEui(label))), rdn(euiAttribute(defectEui(`${label} 2`)))) }),
  },
  {
    name: 'csr-eui-octet-string',
    kind: 'organisation',
    description: 'The x500UniqueIdentifier as an OCTET STRING instead of a BIT STRING.',
    expect: [atUid('org.eui.not-bit-string', attribute(OIDS.x500UniqueIdentifier, octetString(defectEui('csr-eui-octet-string'))))],
    build: (_pki, label) => ({ ...supplierRequest(label), subject: name(SUPPLIER_CN(), SUPPLIER_OU(), rdn(attribute(OIDS.x500UniqueIdentifier, octetString(defectEui(label))))) }),
  },
  { name: 'csr-eui-48-bits', kind: 'organisation', description: 'A 48-bit x500UniqueIdentifier.', expect: [atUid('org.eui.length', euiAttribute(defectEui('csr-eui-48-bits').subarray(2)))], build: (_pki, label) => ({ ...supplierRequest(label), subject: name(SUPPLIER_CN(), SUPPLIER_OU(), rdn(euiAttribute(defectEui(label).subarray(2)))) }) },
  { name: 'csr-kind-unknown', kind: 'unknown', description: 'A subject with only a CN: no role OU, no EUI-64, no hardwareModuleName.', expect: [finding('kind.unknown', CSR.subject)], build: subjectWith(SUPPLIER_CN()) },
  // Device requests.
  { name: 'csr-device-subject-not-empty', kind: 'device', description: 'A Device CSR with CN=SAMPLEDEVICE.', expect: [finding('device.subject.not-empty', CSR.subject, at.field('subject'))], build: deviceWith((p) => void (p.subject = name(rdn(cn(printableString('SAMPLEDEVICE')))))) },
  { name: 'csr-device-san-missing', kind: 'device', description: 'A Device CSR without subjectAltName.', expect: [finding('device.san.missing', SAN_PATH)], build: deviceWith((p) => removeExtension(p, 'san')) },
  { name: 'csr-device-san-not-critical', kind: 'device', description: 'subjectAltName requested as non-critical.', expect: [finding('device.san.not-critical', CSR.extension('subjectAltName', 'critical'), at.extension('san'))], build: deviceWith((p, label) => replaceExtension(p, 'san', subjectAltName([hardwareModuleName(defectEui(label))], false))) },
  {
    name: 'csr-device-san-two-names',
    kind: 'device',
    description: 'subjectAltName with the hardwareModuleName and a dNSName.',
    expect: [finding('device.san.not-single-hw-module', SAN_PATH, at.extensionValue('san'))],
    build: deviceWith((p, label) => replaceExtension(p, 'san', subjectAltName([hardwareModuleName(defectEui(label)), contextPrimitive(2, ascii('meter.example'))]))),
  },
  { name: 'csr-device-san-hw-serial-6', kind: 'device', description: 'hwSerialNum of 6 octets.', expect: [finding('device.san.hw-serial-length', CSR.extension('subjectAltName', 'hardwareModuleName.hwSerialNum'), at.extensionItem('san', 0))], build: deviceWith((p, label) => replaceExtension(p, 'san', subjectAltName([hardwareModuleName(defectEui(label).subarray(2))]))) },
  { name: 'csr-subject-cn-bmp', kind: 'organisation', description: 'The CN as a BMPString.', expect: [atCn('cert.name.legacy-string-type', bmpString('SAMPLESUPPLIER'))], build: (_pki, label) => ({ ...supplierRequest(label), subject: name(rdn(cn(bmpString('SAMPLESUPPLIER'))), SUPPLIER_OU(), rdn(euiAttribute(defectEui(label)))) }) },
  {
    name: 'csr-subject-cn-too-long',
    kind: 'organisation',
    description: 'A CN of 65 characters, one more than ub-common-name.',
    expect: [atCn('cert.name.too-long', utf8String(LONG_CN))],
    build: (_pki, label) => supplierRequest(label, { commonName: LONG_CN }),
  },
  // Armour that says the wrong thing.
  {
    name: 'csr-labelled-certificate',
    kind: 'organisation',
    description: "A valid request inside a 'CERTIFICATE' PEM block: checked as the request it is.",
    expect: [finding('input.label-mismatch', 'input')],
    build: (_pki, label) => ({ text: toPem(buildRequest(supplierRequest(label)), 'CERTIFICATE') }),
  },
];

/** Request defects live in request-defects/, in PEM 'CERTIFICATE REQUEST' unless built as text. */
export function renderRequestDefect(defect: RequestDefect, pki: ValidPki): SampleFile {
  const result = defect.build(pki, defect.name);
  let content: string;
  let findings;
  if (result instanceof Uint8Array) {
    content = toPem(result, 'CERTIFICATE REQUEST');
    findings = resolveExpected(defect.expect, bytesLayout(result));
  } else if ('text' in result) {
    content = result.text;
    findings = resolveExpected(defect.expect, undefined);
  } else {
    const der = buildRequest(result);
    content = toPem(der, 'CERTIFICATE REQUEST');
    findings = resolveExpected(defect.expect, requestLayout(result, der));
  }
  return { file: `request-defects/${defect.name}.csr`, kind: defect.kind, document: 'csr', description: defect.description, expect: ruleIds(defect.expect), findings, content };
}

/** A valid certificate inside a 'CERTIFICATE REQUEST' block: checked as the certificate it is. */
export function certificateLabelledRequest(pki: ValidPki): SampleFile {
  return {
    file: 'request-defects/certificate-labelled-request.csr',
    kind: 'organisation',
    description: "A valid organisation certificate inside a 'CERTIFICATE REQUEST' PEM block: checked as the certificate it is.",
    expect: ['input.label-mismatch'],
    findings: [{ ruleId: 'input.label-mismatch', path: 'input' }],
    content: toPem(buildCertificate(supplier(pki, 'certificate labelled request')).der, 'CERTIFICATE REQUEST'),
  };
}

