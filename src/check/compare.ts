import { compareNames } from '../chain/names.js';
import { latin1 } from '../der/index.js';
import { isCaKind } from '../smki/index.js';
import { COMPARE_CERTIFICATE_DUPLICATE, COMPARE_CERTIFICATE_MISSING, COMPARE_REQUEST_MISSING } from '../lint/index.js';
import type { Checker } from './checker.js';
import { possibleIssuers } from './entries.js';
import type { Entry } from './entries.js';
import type { CertificateResult, SourceRef, SubjectMatch } from './result.js';

export interface CompareInput {
  /** The requests: every item of these entries that is a certification request. */
  requests: readonly Entry[];
  /** The certificates issued for them (CA certificates among them also serve as issuers). */
  certificates: readonly Entry[];
  /** A certificate whose issuer is not available gets an error instead of a notice. */
  requireIssuer?: boolean;
}

/**
 * The acceptance check: pairs each certificate with the request whose public key it carries and
 * checks the certificate against it (the comparison rules: key, subject, keyUsage, subjectAltName)
 * as well as on its own (every certificate rule, and the chain rules against the issuers the checker
 * has, so policy, key identifiers and validity are checked for the environment). With exactly one
 * request and one certificate they are compared whatever their keys.
 *
 * Results, in order: for each request in input order, one result per certificate that answers it
 * (the certificate's result, with `request` set), or one result for the request saying no
 * certificate answers it; then each certificate that answers no request; then every other item (a
 * CA certificate, something that is not a request among the requests or not a certificate among
 * the certificates, or not readable), checked as what it is.
 */
export function compareRequests(checker: Checker, input: CompareInput): CertificateResult[] {
  const requireIssuer = input.requireIssuer ?? false;
  for (const der of possibleIssuers(input.certificates)) checker.addIssuer(der);
  const others: CertificateResult[] = [];
  const requests = decodeSide(checker, input.requests, 'csr', others);
  const certificates = decodeSide(checker, input.certificates, 'certificate', others);

  const byKey = new Map<string, CertificateResult[]>();
  for (const c of certificates) {
    const key = keyOf(c);
    byKey.set(key, [...(byKey.get(key) ?? []), c]);
  }
  const direct = requests.length === 1 && certificates.length === 1;
  const answered = new Set<CertificateResult>();
  const out: CertificateResult[] = [];
  for (const request of requests) {
    const found = direct ? certificates : (byKey.get(keyOf(request)) ?? []);
    if (found.length === 0) {
      checker.addFinding(request, COMPARE_CERTIFICATE_MISSING, `no certificate among those compared carries the public key of this request (${describe(request.source)}): it has not been answered, or its certificate is missing from the certificates given`, 'certificationRequestInfo.subjectPKInfo');
      out.push(request);
      continue;
    }
    for (const certificate of found) {
      // A certificate answering two requests (the same request submitted twice) gets a result for each.
      const result = answered.has(certificate) ? checker.decodeDer(certificate.certificate!.der, certificate.source) : certificate;
      answered.add(certificate);
      checker.lint(result, checker.chainFor(result, requireIssuer), { csr: request.csr!, view: request.view! });
      result.request = { source: request.source, sha256: request.sha256!, subject: subjectMatch(request, result) };
      if (found.length > 1) {
        const rest = found.filter((c) => c !== certificate).map((c) => describe(c.source));
        checker.addFinding(result, COMPARE_CERTIFICATE_DUPLICATE, `${found.length} certificates carry the public key of the request ${describe(request.source)}: this one and ${rest.join(', ')}; each request is answered by one certificate`, 'tbsCertificate.subjectPublicKeyInfo');
      }
      out.push(result);
    }
  }
  for (const certificate of certificates) {
    if (answered.has(certificate)) continue;
    checker.lint(certificate, checker.chainFor(certificate, requireIssuer));
    checker.addFinding(certificate, COMPARE_REQUEST_MISSING, 'no request among those compared has the public key of this certificate: it answers none of the requests given', 'tbsCertificate.subjectPublicKeyInfo');
    out.push(certificate);
  }
  return [...out, ...others].map((r) => checker.applyPolicy(r));
}

/**
 * Decodes one side; what is not of that side's document is checked as it is and set aside, and so
 * are CA certificates among the certificates (they are there as issuers, not as answers).
 */
function decodeSide(checker: Checker, entries: readonly Entry[], document: 'csr' | 'certificate', others: CertificateResult[]): CertificateResult[] {
  const mine: CertificateResult[] = [];
  for (const entry of entries) {
    // A DUIS request is checked whole, as check does: its certificates are placed on Devices, not answers to CSRs.
    if (entry.duis) {
      others.push(...checker.checkEntries([entry]));
      continue;
    }
    const result = checker.decodeEntry(entry);
    if (result.document === document && (result.csr ?? result.certificate)!.problems.length === 0 && !(document === 'certificate' && isCaKind(result.kind!))) mine.push(result);
    else others.push(checker.lint(result, result.document === 'certificate' ? checker.chainFor(result, false) : undefined));
  }
  return mine;
}

/** The subjectPublicKey bits as a map key: the same key matches whatever its AlgorithmIdentifier's encoding. */
function keyOf(result: CertificateResult): string {
  const key = (result.csr ?? result.certificate)?.subjectPublicKeyInfo?.publicKey;
  return key ? latin1(key, 0, key.length) : '';
}

function subjectMatch(request: CertificateResult, certificate: CertificateResult): SubjectMatch {
  const compared = compareNames(request.csr!.subject, certificate.certificate!.subject);
  return compared.equal === 'bytes' ? 'byte-equal' : compared.equal === 'normalised' ? 'equal-after-normalisation' : 'different';
}

function describe(source: SourceRef): string {
  return `${source.path} [${source.index}]`;
}
