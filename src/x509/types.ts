import type { DecodedTime, DerViolation, StringType } from '../der/index.js';

/** A structural problem: a field missing, of the wrong type, or unreadable. */
export interface DecodeProblem {
  /** Field path, e.g. "tbsCertificate.validity.notAfter". */
  path: string;
  offset: number;
  message: string;
}

export interface AlgorithmIdentifier {
  oid: string;
  /** Absent and NULL differ: the SMKI profile requires absent parameters. */
  parameters: 'absent' | 'null' | 'other';
  /** For id-ecPublicKey: the namedCurve OID in the parameters. */
  parametersOid?: string;
  /** The whole AlgorithmIdentifier element, for byte comparison. */
  raw: Uint8Array;
  offset: number;
}

export interface AttributeTypeAndValue {
  oid: string;
  /** Short name (CN, OU, x500UniqueIdentifier...) when known. */
  name?: string;
  /** Type of the value element, e.g. "UTF8String", "BIT STRING". */
  valueType: string;
  stringType?: StringType;
  /** Text for string values; lower-case hex of the content octets otherwise. */
  value: string;
  /** Content octets of the value element. */
  valueBytes: Uint8Array;
  /** The encoded value element (tag, length, content). */
  valueRaw: Uint8Array;
  /** Offset of the value element. */
  offset: number;
}

export interface RelativeDistinguishedName {
  attributes: AttributeTypeAndValue[];
  offset: number;
}

export interface Name {
  rdns: RelativeDistinguishedName[];
  /** The encoded Name, for byte-for-byte comparison. */
  raw: Uint8Array;
  offset: number;
}

export interface TimeField extends DecodedTime {
  offset: number;
}

export interface Validity {
  notBefore?: TimeField;
  notAfter?: TimeField;
  offset: number;
}

export type PointFormat = 'uncompressed' | 'compressed' | 'hybrid' | 'infinity' | 'unknown';

export interface SubjectPublicKeyInfo {
  algorithm: AlgorithmIdentifier;
  /** Content of the subjectPublicKey BIT STRING after its unused-bits octet. */
  publicKey: Uint8Array;
  unusedBits: number;
  pointFormat: PointFormat;
  /** The encoded SubjectPublicKeyInfo (what a crypto library imports as SPKI). */
  raw: Uint8Array;
  offset: number;
  /** Offset of the subjectPublicKey BIT STRING. */
  keyOffset: number;
}

export interface KeyUsage {
  digitalSignature: boolean;
  nonRepudiation: boolean;
  keyEncipherment: boolean;
  dataEncipherment: boolean;
  keyAgreement: boolean;
  keyCertSign: boolean;
  cRLSign: boolean;
  encipherOnly: boolean;
  decipherOnly: boolean;
  /** Names of the bits set, in bit order. */
  names: string[];
}

export interface BasicConstraints {
  cA: boolean;
  pathLenConstraint?: number;
}

export interface AuthorityKeyIdentifier {
  keyIdentifier?: Uint8Array;
  hasAuthorityCertIssuer: boolean;
  authorityCertSerialNumber?: Uint8Array;
}

export interface PolicyInformation {
  oid: string;
  hasQualifiers: boolean;
  offset: number;
}

export interface HardwareModuleName {
  hwType: string;
  hwSerialNum: Uint8Array;
}

export type GeneralNameType =
  | 'otherName'
  | 'rfc822Name'
  | 'dNSName'
  | 'x400Address'
  | 'directoryName'
  | 'ediPartyName'
  | 'uniformResourceIdentifier'
  | 'iPAddress'
  | 'registeredID';

export interface GeneralName {
  type: GeneralNameType;
  /** Readable value: the text, the OID, or hex. */
  value: string;
  /** For otherName: its type-id. */
  otherNameType?: string;
  hardwareModuleName?: HardwareModuleName;
  offset: number;
}

/** Typed content of the extensions the SMKI profiles use. */
export interface ExtensionValues {
  keyUsage: KeyUsage;
  basicConstraints: BasicConstraints;
  subjectKeyIdentifier: Uint8Array;
  authorityKeyIdentifier: AuthorityKeyIdentifier;
  certificatePolicies: PolicyInformation[];
  subjectAltName: GeneralName[];
  extKeyUsage: string[];
}

export type KnownExtensionName = keyof ExtensionValues;

export interface Extension {
  oid: string;
  name?: string;
  /** Which typed extension this is, when the project knows it (resolved once, at decode). */
  known?: KnownExtensionName;
  critical: boolean;
  /** The criticality as encoded; DER forbids encoding the default FALSE. */
  criticalEncoded: boolean;
  /** Content of extnValue (the encoded extension value). */
  value: Uint8Array;
  offset: number;
  valueOffset: number;
  /** Typed value for known extensions, when it decoded. */
  parsed?: ExtensionValues[KnownExtensionName];
  /** Why a known extension's value could not be decoded. */
  error?: string;
}

/**
 * The fields a certificate and a certification request share: what rules about a subject, a key,
 * the (requested) extensions and the signature read, whatever the document.
 */
export interface DocumentModel {
  /** Every byte of the input item (including any trailing bytes). */
  der: Uint8Array;
  subject?: Name;
  subjectPublicKeyInfo?: SubjectPublicKeyInfo;
  /** A certificate's extensions, or the extensions a request asks for (its extensionRequest). */
  extensions: Extension[];
  signatureAlgorithm?: AlgorithmIdentifier;
  /** Content of the signatureValue BIT STRING after the unused-bits octet. */
  signatureValue?: Uint8Array;
  /** Every DER rule the bytes break, with offsets. */
  violations: DerViolation[];
  /** Structural problems: set when a field is missing or not of its type. */
  problems: DecodeProblem[];
}

export interface Certificate extends DocumentModel {
  /** The encoded tbsCertificate: what the signature covers. */
  tbs?: Uint8Array;
  /** 1, 2 or 3; undefined when unreadable. */
  version?: number;
  serialNumber?: { bytes: Uint8Array; value: bigint; offset: number };
  signature?: AlgorithmIdentifier;
  issuer?: Name;
  validity?: Validity;
  issuerUniqueIdPresent: boolean;
  subjectUniqueIdPresent: boolean;
  /** Offsets of the issuerUniqueID [1] and subjectUniqueID [2] elements, when present. */
  issuerUniqueIdOffset?: number;
  subjectUniqueIdOffset?: number;
}

/** One attribute of a certification request: Attribute ::= SEQUENCE { type, values SET OF ANY }. */
export interface RequestAttribute {
  oid: string;
  name?: string;
  /** How many values its SET holds. */
  valueCount: number;
  offset: number;
}

/** A PKCS#10 certification request (RFC 2986), as far as the bytes could be read. */
export interface CertificationRequest extends DocumentModel {
  /** The encoded certificationRequestInfo: what the self-signature covers. */
  info?: Uint8Array;
  /** The version INTEGER's value (0 is v1, the only one defined); undefined when unreadable. */
  version?: number;
  versionOffset?: number;
  /** Every attribute of the [0] attributes field, in order. */
  attributes: RequestAttribute[];
  /** Offset of the [0] attributes field. */
  attributesOffset?: number;
}

/** What a document is: an X.509 certificate or a PKCS#10 certification request. */
export type DerDocumentKind = 'certificate' | 'csr';

/** What a result is about: a DER document, or a DUIS service request (a container of certificates, see src/duis). */
export type DocumentKind = DerDocumentKind | 'duis-request';
