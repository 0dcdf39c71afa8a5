import type { CryptoAdapter } from '../crypto/adapter.js';
import type { Certificate, CertificationRequest, DerDocumentKind, DocumentKind, DocumentModel } from '../x509/index.js';
import type { CertificateKind, Environment, RoleTable, SmkiView } from '../smki/index.js';
import type { DuisCertificatePlace, DuisRequest } from '../duis/request.js';

export type Severity = 'error' | 'warning' | 'notice';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'notice'];

/**
 * The findings whose error is not a MUST of a cited text: each reports that the checker could not
 * check a document (a rule failed, or the input was too large or unreadable), not that the
 * document is wrong, and is an error so that no run passes unchecked.
 */
export const SEVERITY_POLICY_EXCEPTIONS: readonly string[] = ['internal.rule-error', 'input.too-large', 'input.unreadable'];

/** Higher is worse. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, notice: 1 };

export type { DocumentKind } from '../x509/index.js';

/** Every document kind a rule can apply to, in catalogue order. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['certificate', 'csr', 'duis-request'];

/** How sure the project is of the fact a rule checks (see the spec's confidence tags). */
export type RuleSource = 'spec' | 'dcc' | 'seen' | 'adopted';

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** What was found and what was expected, for people. */
  message: string;
  /**
   * Where in its document the finding is: a field path in the decoded document, e.g.
   * "tbsCertificate.subject.organizationalUnitName" or "certificationRequestInfo.subject...".
   * A result's `document` says which document the path and offset are about.
   */
  path: string;
  /** Byte offset in the document's encoding (the item's DER for a certificate or CSR), where known. */
  offset?: number;
  /** Line and column in the source, for findings about an XML element of a DUIS request. */
  line?: number;
  column?: number;
  citation: string;
  /** Set when a waiver of the configuration accepts this finding: it is reported but does not count. */
  waived?: Waived;
}

/** Why a finding is accepted, and until when (an ISO date; after it the finding counts again). */
export interface Waived {
  reason: string;
  expires: string;
}

/** A rule that applies by kind but was not run because of its effective dates. */
export interface NotEffective {
  ruleId: string;
  reason: string;
}

export interface RuleMeta {
  /** Stable, namespaced: renaming one is a breaking change. */
  id: string;
  /**
   * error: a MUST of a text the project has read and cites (so its source is 'spec'); warning: a
   * SHOULD, observed practice or a reading the project adopted; notice: information.
   */
  severity: Severity;
  /**
   * The SMKI kinds the rule applies to (SMKI_KINDS for every one); 'all' also takes documents of no
   * SMKI kind ('unknown'), which suits rules about encoding, decoding or pairing, not a profile.
   */
  appliesTo: readonly CertificateKind[] | 'all';
  /** The documents the rule reads: certificates, certification requests, or both. */
  documents: readonly DocumentKind[];
  /** Document and clause the rule comes from. */
  citation: string;
  /** A different citation for findings on some documents (a CSR's structure is RFC 2986's, not RFC 5280's). */
  documentCitations?: Partial<Record<DocumentKind, string>>;
  description: string;
  source: RuleSource;
  /** The rule applies to certificates issued (notBefore) within these ISO dates. */
  effective?: { from?: string; until?: string };
  /** Runs even when the certificate could not be fully decoded (encoding-level rules). */
  onMalformed?: boolean;
  /** Needs the issuer resolution of the chain stage. */
  needsChain?: boolean;
  /** Compares a certificate with the request it answers: runs only when the target has one (`compare`). */
  needsRequest?: boolean;
}

/** What a rule reports; the finding takes the rule's severity (one severity per rule id). */
export interface Report {
  path: string;
  message: string;
  offset?: number;
  line?: number;
  column?: number;
}

export interface RuleContext {
  /** Milliseconds since the epoch. */
  evaluationTime: number;
  environment: Environment;
  roles: RoleTable;
  /** Hex OU values of the roles that may populate the subject CN (data: {02, 87} by default). */
  commonNameRoles: ReadonlySet<string>;
  crypto: CryptoAdapter;
  report(finding: Report): void;
}

/** What every target has, whatever its document: the fields it shares and its SMKI reading. */
interface TargetBase {
  /** The decoded document: its subject, key, (requested) extensions and signature. */
  doc: DocumentModel;
  view: SmkiView;
}

export interface CertificateTarget extends TargetBase {
  document: 'certificate';
  cert: Certificate;
  chain?: ChainInfo;
  /** The request this certificate answers, when it is being compared with one. */
  request?: RequestPairing;
}

export interface RequestTarget extends TargetBase {
  document: 'csr';
  csr: CertificationRequest;
}

/** A certificate of a DUIS request: its element, what the placement table says it is for, and the certificate as checked. */
export interface DuisCertificate {
  place: DuisCertificatePlace;
  /** Its item index within the source. */
  index: number;
  /** What the element's content decoded as, when it decoded as a document at all. */
  document?: DerDocumentKind;
  /** Absent when the element's content is not a certificate that decodes. */
  cert?: Certificate;
  view?: SmkiView;
  sha256?: string;
  chain?: ChainInfo;
}

/** The certificate that will sign DUIS requests (--signer). */
export interface SignerCertificate {
  cert: Certificate;
  view: SmkiView;
  sha256: string;
}

/** A DUIS service request, with every certificate in it decoded and checked. */
export interface DuisRequestTarget {
  document: 'duis-request';
  request: DuisRequest;
  certificates: DuisCertificate[];
  signer?: SignerCertificate;
}

/** One document to lint; `document` says which kind, and so which of the fields below it has. */
export type LintTarget = CertificateTarget | RequestTarget | DuisRequestTarget;

/** The target a rule receives, by the documents it declares. */
export interface DocumentTargets {
  certificate: CertificateTarget;
  csr: RequestTarget;
  'duis-request': DuisRequestTarget;
}

/** A certification request paired with the certificate issued for it. */
export interface RequestPairing {
  csr: CertificationRequest;
  view: SmkiView;
}

/** The issuer the chain stage chose for a certificate, and how. */
export interface ChainInfo {
  /** How many issuer certificates were available to the run (from --issuer and CAs found). */
  storeSize: number;
  /** Candidates that matched by key identifier or name (itself excluded). */
  candidates: number;
  /** The certificate that issued this one, when found (itself when self-signed). */
  issuer?: IssuerCandidate;
  /** How the issuer was found: its SKI equals our AKI, its subject equals our issuer name, or our own key verified. */
  matchedBy?: 'key-identifier' | 'name' | 'self';
  /** Whether the signature verifies under the issuer's key; undefined when the algorithm cannot be verified. */
  signatureValid?: boolean;
  /** A missing issuer is an error rather than a notice (--require-issuer). */
  requireIssuer: boolean;
  /** When several candidates matched: the ones not chosen, in the order they were considered. */
  otherCandidates?: IssuerMatch[];
}

/** An issuer candidate that matched a certificate, and whether its key verifies the signature. */
export interface IssuerMatch {
  issuer: IssuerCandidate;
  matchedBy: 'key-identifier' | 'name';
  /** Undefined when the signature could not be tried (an unsupported algorithm or no key). */
  signatureValid?: boolean;
}

export interface IssuerCandidate {
  cert: Certificate;
  view: SmkiView;
  sha256: string;
  subject: string;
}

/** A rule: metadata and a check over the targets of the documents it declares. */
export interface Rule<D extends DocumentKind = DocumentKind> extends RuleMeta {
  documents: readonly D[];
  check(target: DocumentTargets[D], ctx: RuleContext): void;
}
