import { asBytes } from '../der/bytes.js';
import type { BytesLike } from '../der/bytes.js';
import { INPUT_NO_CERTIFICATE } from '../lint/index.js';
import { Checker } from './checker.js';
import { detectEntries, documentEntries, isCertificateEntry, possibleIssuers } from './entries.js';
import type { Entry } from './entries.js';
import type { CheckOptions } from './options.js';
import type { CertificateResult } from './result.js';

/** What checkDuisRequest takes beyond the Checker's options (among them `signer`, the XML signing certificate). */
export interface DuisCheckOptions extends CheckOptions {
  /** Issuer certificates (DER or PEM bytes) beyond the request's certification path. */
  issuers?: readonly BytesLike[];
  /** A certificate whose issuer is not available is an error, not a notice. */
  requireIssuer?: boolean;
  /** The name results give the request (default 'request.xml'). */
  path?: string;
}

/** A DUIS request's results: the request's own (its rules), and one per certificate element in document order. */
export interface DuisCheckResult {
  request: CertificateResult;
  certificates: CertificateResult[];
}

/**
 * Checks a DUIS service request before it is sent: every certificate in it as `check` does, then
 * what the request places on Devices (the duis.* rules), and with `signer` the XML signing
 * certificate. Bytes that are not a DUIS request give a request result with input.no-certificate
 * saying what they are. Never throws on bad input.
 */
export function checkDuisRequest(bytes: BytesLike, options: DuisCheckOptions): DuisCheckResult {
  const { issuers = [], requireIssuer = false, path = 'request.xml', ...checkOptions } = options;
  const checker = new Checker(checkOptions);
  const prepared = prepareDuisCheck(checker, bytes, path, issuers);
  return 'request' in prepared ? prepared : splitDuisResults(checker.checkEntries(prepared.entries, requireIssuer));
}

/**
 * The request's entry with the issuers added to the checker (explicit ones, then the CA
 * certificates of the request's path), or the result saying the bytes are not a DUIS request.
 */
export function prepareDuisCheck(checker: Checker, bytes: BytesLike, path: string, issuers: readonly BytesLike[]): { entries: Entry[] } | DuisCheckResult {
  if (!Array.isArray(issuers)) throw new TypeError('checkDuisRequest: options.issuers must be an array of certificates (DER or PEM bytes)');
  for (const source of issuers) for (const e of documentEntries(detectEntries(asBytes(source, 'checkDuisRequest: options.issuers[]'), 'issuer'))) if (isCertificateEntry(e)) checker.addIssuer(e.der, true);
  const entries = detectEntries(asBytes(bytes, 'checkDuisRequest: bytes'), path);
  const request = entries.find((e) => e.duis);
  if (request) {
    for (const der of possibleIssuers([request])) checker.addIssuer(der);
    return { entries: [request] };
  }
  const held = entries.find((e) => e.problem)?.problem?.message ?? `${path}: it holds ${entries.length === 1 ? 'a certificate or CSR' : `${entries.length} certificates or CSRs`}`;
  const result: CertificateResult = { source: { path, index: 0 }, findings: [], notEffective: [] };
  checker.addFinding(result, INPUT_NO_CERTIFICATE, `not a DUIS service request (sr:Request): ${held}`, 'input');
  return { request: result, certificates: [] };
}

/** The results of one DUIS request's entry: its own first, then its certificates'. */
export function splitDuisResults(results: CertificateResult[]): DuisCheckResult {
  return { request: results[0], certificates: results.slice(1) };
}
