import { addExtension, buildCertificate, removeExtension, replaceExtension, toPem } from './certificate.js';
import { defectEui, nonDerSigner, offCurve, supplier } from './defect-kit.js';
import { ascii, bytes, concat, contextConstructed, contextPrimitive, ia5String, integer, nullValue, octetString, oid, printableString, seq, tlv, utf8String } from './der-writer.js';
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

// Request defects: each starts from a valid supplier (or device) request and changes one thing.

export interface RequestDefect {
  name: string;
  kind: Kind;
  description: string;
  expect: string[];
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

export const requestDefects: RequestDefect[] = [
  // Structure, version, signature.
  { name: 'csr-version-1', kind: 'organisation', description: 'version 1 instead of 0 (v1).', expect: ['csr.version'], build: supplierWith((p) => void (p.version = integer(1n))) },
  {
    name: 'csr-signature-invalid',
    kind: 'organisation',
    description: 'Signed with another key than the one it carries: no proof of possession.',
    expect: ['csr.signature.invalid'],
    build: supplierWith((p, label) => void (p.signer = p256Key(`${label} other`))),
  },
  { name: 'csr-signature-not-der', kind: 'organisation', description: 'The ECDSA-Sig-Value has a redundant leading 00 octet on r.', expect: ['cert.sig-value.not-der'], build: supplierWith((p) => void (p.signer = nonDerSigner(p.signer))) },
  {
    name: 'csr-sig-alg-sha384',
    kind: 'organisation',
    description: 'Self-signed with ecdsa-with-SHA384 instead of ecdsa-with-SHA256 (the signature verifies).',
    expect: ['cert.sig-alg.not-ecdsa-sha256'],
    build: supplierWith((p) => {
      const key = p.signer;
      p.signatureAlgorithm = seq(oid(OIDS.ecdsaWithSha384));
      p.signer = { ...key, sign: key.signSha384! };
    }),
  },
  { name: 'csr-sig-alg-null-parameters', kind: 'organisation', description: 'ecdsa-with-SHA256 with NULL parameters.', expect: ['cert.sig-alg.parameters-present'], build: supplierWith((p) => void (p.signatureAlgorithm = seq(oid(OIDS.ecdsaWithSha256), nullValue()))) },
  {
    name: 'csr-attributes-missing',
    kind: 'unknown',
    description: 'The [0] attributes field is left out (it is not OPTIONAL; an empty one is A0 00).',
    expect: ['decode.malformed'],
    build: (_pki, label) => {
      const parts = supplierRequest(label);
      return buildRequest({ ...parts, attributesRaw: new Uint8Array(0) });
    },
  },
  {
    name: 'csr-trailing-bytes',
    kind: 'organisation',
    description: 'Two zero octets after the request.',
    expect: ['der.trailing-bytes'],
    build: supplierWith((p) => void (p.afterSigning = (der) => concat(der, bytes(0, 0)))),
  },
  // Attributes.
  {
    name: 'csr-attribute-challenge-password',
    kind: 'organisation',
    description: 'A challengePassword attribute beside the extensionRequest.',
    expect: ['csr.attribute.unexpected'],
    build: supplierWith((p) => void p.extraAttributes.push(requestAttribute(OIDS.challengePassword, printableString('secret')))),
  },
  {
    name: 'csr-extension-request-two-values',
    kind: 'organisation',
    description: 'The extensionRequest attribute holds two Extensions values.',
    expect: ['csr.attribute.extension-request-values'],
    build: supplierWith((p) => {
      p.attributesRaw = contextConstructed(0, requestAttribute(OIDS.extensionRequest, seq(keyUsage(['digitalSignature']).der), seq(keyUsage(['keyAgreement']).der)));
    }),
  },
  // Requested extensions.
  { name: 'csr-ku-missing', kind: 'organisation', description: 'No extensionRequest: no keyUsage requested.', expect: ['cert.ku.missing'], build: supplierWith((p) => void (p.extensions = null)) },
  { name: 'csr-ku-not-critical', kind: 'organisation', description: 'keyUsage requested as non-critical.', expect: ['cert.ku.not-critical'], build: supplierWith((p) => replaceExtension(p, 'ku', keyUsage(['digitalSignature'], false))) },
  {
    name: 'csr-ku-not-der-minimal',
    kind: 'organisation',
    description: 'keyUsage digitalSignature written as 03 02 00 80: seven trailing zero bits kept.',
    expect: ['cert.ku.not-der-minimal'],
    build: supplierWith((p) => replaceExtension(p, 'ku', extension('ku', OIDS.keyUsage, tlv(0x03, bytes(0x00, 0x80)), true))),
  },
  { name: 'csr-ku-both', kind: 'organisation', description: 'keyUsage requests both digitalSignature and keyAgreement.', expect: ['ee.key-usage.not-ds-xor-ka'], build: supplierWith((p) => replaceExtension(p, 'ku', keyUsage(['digitalSignature', 'keyAgreement']))) },
  { name: 'csr-ku-undecodable', kind: 'organisation', description: 'The requested keyUsage value is an OCTET STRING, not a BIT STRING.', expect: ['cert.extension.undecodable'], build: supplierWith((p) => replaceExtension(p, 'ku', extension('ku', OIDS.keyUsage, octetString(bytes(0x80)), true))) },
  { name: 'csr-ku-duplicate', kind: 'organisation', description: 'keyUsage requested twice.', expect: ['cert.extension.duplicate'], build: supplierWith((p) => addExtension(p, keyUsage(['digitalSignature']))) },
  { name: 'csr-extension-ski', kind: 'organisation', description: 'A subjectKeyIdentifier is requested, which the CA sets itself.', expect: ['csr.extension.set-by-ca'], build: supplierWith((p, label) => addExtension(p, subjectKeyIdentifier(keyIdMethod2(p256Key(label))))) },
  {
    name: 'csr-extension-san-on-organisation',
    kind: 'organisation',
    description: 'An Organisation CSR requests a subjectAltName dNSName.',
    expect: ['csr.extension.unexpected'],
    build: supplierWith((p) => addExtension(p, subjectAltName([contextPrimitive(2, ascii('supplier.example'))], false))),
  },
  // Key.
  { name: 'csr-key-ed25519', kind: 'organisation', description: 'An Ed25519 key instead of id-ecPublicKey (signed with another key; its signature cannot be checked).', expect: ['cert.key.algorithm'], build: supplierWith((p, label) => void (p.spki = subjectPublicKeyInfo(ed25519Key(label)))) },
  {
    name: 'csr-key-p384',
    kind: 'organisation',
    description: 'A P-384 key (secp384r1), self-signed with it.',
    expect: ['cert.key.curve'],
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
    expect: ['cert.key.not-uncompressed'],
    build: supplierWith((p, label) => void (p.spki = subjectPublicKeyInfo(p256Key(label, true)))),
  },
  { name: 'csr-key-not-on-curve', kind: 'organisation', description: 'A 65-octet uncompressed point whose Y was changed: not on P-256.', expect: ['cert.key.not-on-curve'], build: supplierWith((p, label) => void (p.spki = subjectPublicKeyInfo(offCurve(p256Key(label))))) },
  // Organisation subject: the same rules as for certificates.
  { name: 'csr-role-86-reserved', kind: 'organisation', description: 'OU "86" with a CN: the reserved role the June 2020 drafting wrote for XML signing.', expect: ['org.role.reserved', 'org.cn.not-permitted-for-role'], build: forRole('86', 'SAMPLEXMLSIGNER') },
  { name: 'csr-role-decimal-135', kind: 'organisation', description: 'OU "135": XML signing in decimal instead of hex "87".', expect: ['org.role.not-hex'], build: forRole('135') },
  { name: 'csr-role-7f-lowercase', kind: 'organisation', description: 'OU "7f" in lower case.', expect: ['org.role.lowercase'], build: forRole('7f') },
  { name: 'csr-role-unknown-81', kind: 'organisation', description: 'OU "81": role 129, which no source defines.', expect: ['org.role.unknown'], build: forRole('81') },
  { name: 'csr-role-07-end-entity', kind: 'organisation', description: 'OU "07": the Issuing OCA role on an Organisation CSR.', expect: ['org.role.not-end-entity'], build: forRole('07') },
  { name: 'csr-role-87-key-agreement', kind: 'organisation', description: 'OU "87" (XML signing) requesting keyAgreement.', expect: ['org.role.key-usage-unusual'], build: forRole('87', undefined, 'ka') },
  { name: 'csr-role-missing', kind: 'organisation', description: 'No OU, no CN: only the x500UniqueIdentifier.', expect: ['org.role.missing'], build: (_pki, label) => ({ ...supplierRequest(label), subject: name(rdn(euiAttribute(defectEui(label)))) }) },
  { name: 'csr-role-multiple', kind: 'organisation', description: 'Two OUs, "02" and "03".', expect: ['org.role.multiple'], build: (_pki, label) => ({ ...supplierRequest(label), subject: name(SUPPLIER_CN(), SUPPLIER_OU(), rdn(ou(utf8String('03'))), rdn(euiAttribute(defectEui(label)))) }) },
  { name: 'csr-cn-role-03', kind: 'organisation', description: 'A CN on a network operator (03) request, a role outside {02, 87}.', expect: ['org.cn.not-permitted-for-role'], build: forRole('03', 'SAMPLENETWORK') },
  { name: 'csr-cn-87-on-role-02', kind: 'organisation', description: 'CN "87" on a supplier request: a role code in the CN.', expect: ['org.cn.looks-like-role-code'], build: forRole('02', '87') },
  {
    name: 'csr-subject-multi-valued-rdn',
    kind: 'organisation',
    description: 'CN and OU in one multi-valued RDN.',
    expect: ['org.subject.multi-valued-rdn'],
    build: (_pki, label) => ({ ...supplierRequest(label), subject: name(rdn(cn(utf8String('SAMPLESUPPLIER')), ou(utf8String('02'))), rdn(euiAttribute(defectEui(label)))) }),
  },
  {
    name: 'csr-subject-organization-name',
    kind: 'organisation',
    description: 'An O (organizationName) attribute in the subject.',
    expect: ['org.subject.unexpected-attribute'],
    build: (_pki, label) => ({ ...supplierRequest(label), subject: name(SUPPLIER_CN(), rdn(attribute(OIDS.organizationName, utf8String('Sample Energy'))), SUPPLIER_OU(), rdn(euiAttribute(defectEui(label)))) }),
  },
  { name: 'csr-subject-ou-ia5', kind: 'organisation', description: 'The OU "02" as an IA5String.', expect: ['org.subject.string-type'], build: (_pki, label) => ({ ...supplierRequest(label), subject: name(SUPPLIER_CN(), rdn(ou(ia5String('02'))), rdn(euiAttribute(defectEui(label)))) }) },
  { name: 'csr-eui-missing', kind: 'organisation', description: 'No x500UniqueIdentifier.', expect: ['org.eui.missing'], build: subjectWith(SUPPLIER_CN(), SUPPLIER_OU()) },
  {
    name: 'csr-eui-multiple',
    kind: 'organisation',
    description: 'Two x500UniqueIdentifiers.',
    expect: ['org.eui.multiple'],
    build: (_pki, label) => ({ ...supplierRequest(label), subject: name(SUPPLIER_CN(), SUPPLIER_OU(), rdn(euiAttribute(defectEui(label))), rdn(euiAttribute(defectEui(`${label} 2`)))) }),
  },
  {
    name: 'csr-eui-octet-string',
    kind: 'organisation',
    description: 'The x500UniqueIdentifier as an OCTET STRING instead of a BIT STRING.',
    expect: ['org.eui.not-bit-string'],
    build: (_pki, label) => ({ ...supplierRequest(label), subject: name(SUPPLIER_CN(), SUPPLIER_OU(), rdn(attribute(OIDS.x500UniqueIdentifier, octetString(defectEui(label))))) }),
  },
  { name: 'csr-eui-48-bits', kind: 'organisation', description: 'A 48-bit x500UniqueIdentifier.', expect: ['org.eui.length'], build: (_pki, label) => ({ ...supplierRequest(label), subject: name(SUPPLIER_CN(), SUPPLIER_OU(), rdn(euiAttribute(defectEui(label).subarray(2)))) }) },
  { name: 'csr-kind-unknown', kind: 'unknown', description: 'A subject with only a CN: no role OU, no EUI-64, no hardwareModuleName.', expect: ['kind.unknown'], build: subjectWith(SUPPLIER_CN()) },
  // Device requests.
  { name: 'csr-device-subject-not-empty', kind: 'device', description: 'A Device CSR with CN=SAMPLEDEVICE.', expect: ['device.subject.not-empty'], build: deviceWith((p) => void (p.subject = name(rdn(cn(printableString('SAMPLEDEVICE')))))) },
  { name: 'csr-device-san-missing', kind: 'device', description: 'A Device CSR without subjectAltName.', expect: ['device.san.missing'], build: deviceWith((p) => removeExtension(p, 'san')) },
  { name: 'csr-device-san-not-critical', kind: 'device', description: 'subjectAltName requested as non-critical.', expect: ['device.san.not-critical'], build: deviceWith((p, label) => replaceExtension(p, 'san', subjectAltName([hardwareModuleName(defectEui(label))], false))) },
  {
    name: 'csr-device-san-two-names',
    kind: 'device',
    description: 'subjectAltName with the hardwareModuleName and a dNSName.',
    expect: ['device.san.not-single-hw-module'],
    build: deviceWith((p, label) => replaceExtension(p, 'san', subjectAltName([hardwareModuleName(defectEui(label)), contextPrimitive(2, ascii('meter.example'))]))),
  },
  { name: 'csr-device-san-hw-serial-6', kind: 'device', description: 'hwSerialNum of 6 octets.', expect: ['device.san.hw-serial-length'], build: deviceWith((p, label) => replaceExtension(p, 'san', subjectAltName([hardwareModuleName(defectEui(label).subarray(2))]))) },
  // Armour that says the wrong thing.
  {
    name: 'csr-labelled-certificate',
    kind: 'organisation',
    description: "A valid request inside a 'CERTIFICATE' PEM block: checked as the request it is.",
    expect: ['input.label-mismatch'],
    build: (_pki, label) => ({ text: toPem(buildRequest(supplierRequest(label)), 'CERTIFICATE') }),
  },
];

/** Request defects live in request-defects/, in PEM 'CERTIFICATE REQUEST' unless built as text. */
export function renderRequestDefect(defect: RequestDefect, pki: ValidPki): SampleFile {
  const result = defect.build(pki, defect.name);
  const content = result instanceof Uint8Array ? toPem(result, 'CERTIFICATE REQUEST') : 'text' in result ? result.text : toPem(buildRequest(result), 'CERTIFICATE REQUEST');
  return { file: `request-defects/${defect.name}.csr`, kind: defect.kind, document: 'csr', description: defect.description, expect: defect.expect, content };
}

/** A valid certificate inside a 'CERTIFICATE REQUEST' block: checked as the certificate it is. */
export function certificateLabelledRequest(pki: ValidPki): SampleFile {
  return {
    file: 'request-defects/certificate-labelled-request.csr',
    kind: 'organisation',
    description: "A valid organisation certificate inside a 'CERTIFICATE REQUEST' PEM block: checked as the certificate it is.",
    expect: ['input.label-mismatch'],
    content: toPem(buildCertificate(supplier(pki, 'certificate labelled request')).der, 'CERTIFICATE REQUEST'),
  };
}

