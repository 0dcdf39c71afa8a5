import type { Expected, Locate } from './locations.js';

// The field paths findings give, written out here rather than taken from the checker (as oids.ts
// does for OIDs): a path the checker gets wrong must make the golden test fail.

const TBS = 'tbsCertificate';
const INFO = 'certificationRequestInfo';

/** Paths in a certificate. */
export const CERT = {
  version: `${TBS}.version`,
  serial: `${TBS}.serialNumber`,
  signature: `${TBS}.signature`,
  issuer: `${TBS}.issuer`,
  validity: `${TBS}.validity`,
  notBefore: `${TBS}.validity.notBefore`,
  notAfter: `${TBS}.validity.notAfter`,
  subject: `${TBS}.subject`,
  spkiAlgorithm: `${TBS}.subjectPublicKeyInfo.algorithm`,
  publicKey: `${TBS}.subjectPublicKeyInfo.subjectPublicKey`,
  uniqueIds: `${TBS}.uniqueIdentifiers`,
  extensions: `${TBS}.extensions`,
  signatureAlgorithm: 'signatureAlgorithm',
  signatureValue: 'signatureValue',
  /** tbsCertificate.subject.<attribute>, tbsCertificate.issuer.<attribute>. */
  subjectAttribute: (name: string) => `${TBS}.subject.${name}`,
  issuerAttribute: (name: string) => `${TBS}.issuer.${name}`,
  extension: (name: string, field?: string) => `${TBS}.extensions.${name}${field ? `.${field}` : ''}`,
};

/** Paths in a certification request. */
export const CSR = {
  version: `${INFO}.version`,
  subject: `${INFO}.subject`,
  attributes: `${INFO}.attributes`,
  spkiAlgorithm: `${INFO}.subjectPKInfo.algorithm`,
  publicKey: `${INFO}.subjectPKInfo.subjectPublicKey`,
  signatureAlgorithm: 'signatureAlgorithm',
  signatureValue: 'signature',
  subjectAttribute: (name: string) => `${INFO}.subject.${name}`,
  extension: (name: string, field?: string) => `${INFO}.attributes.extensionRequest${name ? `.${name}` : ''}${field ? `.${field}` : ''}`,
};

/** A finding of `rule` at `path`, at the offset `at` locates (none when the rule gives none). */
export const finding = (rule: string, path: string, at?: Locate): Expected => ({ rule, path, at });

/** A DER rule's finding: its path is "der@<offset>". */
export const derFinding = (rule: string, at: Locate): Expected => ({ rule, path: (offset) => `der@${offset}`, at });
