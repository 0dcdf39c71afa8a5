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
