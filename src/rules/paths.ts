import type { KnownExtensionName } from '../x509/index.js';

/** Field paths findings point at, so every rule names a field the same way. */
export const PATH = {
  version: 'tbsCertificate.version',
  serialNumber: 'tbsCertificate.serialNumber',
  signature: 'tbsCertificate.signature',
  signatureAlgorithm: 'signatureAlgorithm',
  issuer: 'tbsCertificate.issuer',
  notBefore: 'tbsCertificate.validity.notBefore',
  notAfter: 'tbsCertificate.validity.notAfter',
  validity: 'tbsCertificate.validity',
  subject: 'tbsCertificate.subject',
  subjectOu: 'tbsCertificate.subject.organizationalUnitName',
  subjectCn: 'tbsCertificate.subject.commonName',
  subjectUid: 'tbsCertificate.subject.x500UniqueIdentifier',
  spki: 'tbsCertificate.subjectPublicKeyInfo',
  spkiAlgorithm: 'tbsCertificate.subjectPublicKeyInfo.algorithm',
  publicKey: 'tbsCertificate.subjectPublicKeyInfo.subjectPublicKey',
  uniqueIds: 'tbsCertificate.uniqueIdentifiers',
  extensions: 'tbsCertificate.extensions',
} as const;

export function extensionPath(name: KnownExtensionName | string, field?: string): string {
  return `tbsCertificate.extensions.${name}${field ? '.' + field : ''}`;
}

/** The paths of the fields a certificate and a request share, named as each document names them. */
export interface DocumentPaths {
  subject: string;
  subjectOu: string;
  subjectCn: string;
  subjectUid: string;
  spkiAlgorithm: string;
  publicKey: string;
  signatureAlgorithm: string;
  signatureValue: string;
  extensions: string;
  extension(name: KnownExtensionName | string, field?: string): string;
}

const CERTIFICATE_PATHS: DocumentPaths = {
  subject: PATH.subject,
  subjectOu: PATH.subjectOu,
  subjectCn: PATH.subjectCn,
  subjectUid: PATH.subjectUid,
  spkiAlgorithm: PATH.spkiAlgorithm,
  publicKey: PATH.publicKey,
  signatureAlgorithm: PATH.signatureAlgorithm,
  signatureValue: 'signatureValue',
  extensions: PATH.extensions,
  extension: extensionPath,
};

const INFO = 'certificationRequestInfo';

/** RFC 2986 names: a request asks for its extensions in the extensionRequest attribute. */
const REQUEST_PATHS: DocumentPaths = {
  subject: `${INFO}.subject`,
  subjectOu: `${INFO}.subject.organizationalUnitName`,
  subjectCn: `${INFO}.subject.commonName`,
  subjectUid: `${INFO}.subject.x500UniqueIdentifier`,
  spkiAlgorithm: `${INFO}.subjectPKInfo.algorithm`,
  publicKey: `${INFO}.subjectPKInfo.subjectPublicKey`,
  signatureAlgorithm: 'signatureAlgorithm',
  signatureValue: 'signature',
  extensions: `${INFO}.attributes.extensionRequest`,
  extension: (name, field) => `${INFO}.attributes.extensionRequest.${name}${field ? '.' + field : ''}`,
};

/** Request-only paths. */
export const REQUEST_PATH = {
  version: `${INFO}.version`,
  attributes: `${INFO}.attributes`,
  extensionRequest: REQUEST_PATHS.extensions,
} as const;

export function pathsOf(document: 'certificate' | 'csr'): DocumentPaths {
  return document === 'csr' ? REQUEST_PATHS : CERTIFICATE_PATHS;
}
