/** The kinds a manifest entry can expect the linter to classify a file as. */
export type Kind = 'organisation' | 'device' | 'issuing-oca' | 'root' | 'device-ca' | 'unknown';

/** One output file and its golden expectation. */
export interface SampleFile {
  /** Path relative to test-certs/. */
  file: string;
  kind: Kind;
  description: string;
  /** Every rule id the linter reports for this file, all severities. */
  expect: string[];
  content: string;
  /** Number of certificates, given only for bundles. */
  certificates?: number;
}
