import type { Finding, NotEffective } from '../lint/index.js';
import type { CertificateKind, SmkiView } from '../smki/index.js';
import type { Certificate, CertificationRequest, DocumentKind } from '../x509/index.js';
import type { DuisSummary } from './duis-result.js';

export interface SourceRef {
  /** File path as given or found ('-' for stdin). */
  path: string;
  /** 0-based position of the item within its source. */
  index: number;
  /** 1-based line where the item starts (a PEM block's BEGIN line, a DUIS request's element), for items read from text. */
  line?: number;
  /** For a certificate in a DUIS request: the path of its element, e.g. "sr:Body/sr:UpdateSecurityCredentialsDevice/sr:DeviceCertificate". */
  element?: string;
}

/** The SMKI reading of the subject shown for every result. */
export interface SubjectSummary {
  /** Remote Party Role Code (decimal) when the OU is well formed. */
  role?: number;
  /** The OU value as encoded. */
  roleHex?: string;
  roleName?: string;
  eui64?: string;
  commonName?: string;
}

export interface IssuerSummary {
  sha256: string;
  subject: string;
  matchedBy: 'key-identifier' | 'name' | 'self';
  signatureValid?: boolean;
  /** Other certificates that matched too, in the order considered; see README "How issuers are found". */
  otherCandidates?: OtherIssuerCandidate[];
}

export interface OtherIssuerCandidate {
  sha256: string;
  subject: string;
  matchedBy: 'key-identifier' | 'name';
  signatureValid?: boolean;
}

/** How a certificate's subject compares with the subject its request asked for. */
export type SubjectMatch = 'byte-equal' | 'equal-after-normalisation' | 'different';

/** The request a certificate was compared with (`compare`). */
export interface RequestSummary {
  source: SourceRef;
  sha256: string;
  subject: SubjectMatch;
}

/** Exactly one per input item: a certificate or a request, or an item that could not be read as either. */
export interface CertificateResult {
  source: SourceRef;
  /** Which document the result is about; absent when the item could not be read as one. */
  document?: DocumentKind;
  /** SHA-256 of the item's bytes (hex), when there were bytes. */
  sha256?: string;
  kind?: CertificateKind;
  kindReason?: string;
  subject?: SubjectSummary;
  issuer?: IssuerSummary;
  /** The request the certificate was compared with, when it was (`compare`). */
  request?: RequestSummary;
  /** A DUIS service request: what it is and whom it is from (document 'duis-request'). */
  duis?: DuisSummary;
  findings: Finding[];
  notEffective: NotEffective[];
  /** The decoded model (a certificate or a request) and its view, for library users (not serialised). */
  certificate?: Certificate;
  csr?: CertificationRequest;
  view?: SmkiView;
}

export function subjectSummary(view: SmkiView): SubjectSummary {
  const s: SubjectSummary = {};
  if (view.role) {
    s.roleHex = view.role.ou;
    if (view.role.code !== undefined) s.role = view.role.code;
    if (view.role.role) s.roleName = view.role.role.name;
  }
  if (view.eui64) s.eui64 = view.eui64;
  if (view.commonName !== undefined) s.commonName = view.commonName;
  return s;
}

/** Any result: the library name for the same shape, whatever document it is about. */
export type CheckResult = CertificateResult;
