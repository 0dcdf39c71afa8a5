import type { ExpectedFinding } from './locations.js';

/** The kinds a manifest entry can expect the linter to classify a file as. */
export type Kind = 'organisation' | 'device' | 'issuing-oca' | 'root' | 'device-ca' | 'unknown';

/** One output file and its golden expectation. */
export interface SampleFile {
  /** Path relative to test-certs/. */
  file: string;
  kind: Kind;
  /** Set for certification requests and DUIS requests; a file without it holds certificates. */
  document?: 'csr' | 'duis-request';
  description: string;
  /** Every rule id the linter reports for this file, all severities. */
  expect: string[];
  /** Every finding the linter reports for this file's one item: rule id, path and offset. */
  findings: ExpectedFinding[];
  /** Text, or bytes for binary DER. */
  content: string | Uint8Array;
  /** Number of items (certificates and requests), given only for files that hold more than one. */
  items?: number;
  /** A DUIS request: the certificate that will sign it (--signer), relative to test-certs/. */
  signer?: string;
  /** Every duis.signer.* rule id a check with that signer reports. */
  expectSigner?: string[];
}

/** A request and the certificate issued for it, compared as `smki-lint compare <request> <certificate>` does. */
export interface SamplePair {
  request: string;
  certificate: string;
  description: string;
  /** Every rule id the comparison reports for the pair (comparison and certificate rules). */
  expect: string[];
  /** Every finding of the comparison, on the certificate: rule id, path and offset. */
  findings: ExpectedFinding[];
}
