import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Checker } from '../../src/check/checker.js';
import type { CheckOptions } from '../../src/check/options.js';
import type { CertificateResult } from '../../src/check/result.js';
import { createNodeCrypto } from '../../src/crypto/node.js';
import { compareFindings } from '../../test-certs/generate/locations.js';
import type { ExpectedFinding } from '../../test-certs/generate/locations.js';

export const TEST_CERTS = join(import.meta.dirname, '..', '..', 'test-certs');

export type { ExpectedFinding };

export interface ManifestEntry {
  file: string;
  kind: string;
  /** 'csr' for certification requests, 'duis-request' for DUIS requests; absent for certificates. */
  document?: 'csr' | 'duis-request';
  description: string;
  expect: string[];
  items?: number;
  /** A DUIS request: the certificate that will sign it, and the duis.signer.* rules a check with it reports. */
  signer?: string;
  expectSigner?: string[];
  /** Every finding of the file's item, located. */
  findings: ExpectedFinding[];
}

/** A request and its certificate, and what comparing them reports. */
export interface ManifestPair {
  request: string;
  certificate: string;
  description: string;
  expect: string[];
  /** Every finding of the comparison, located in the certificate. */
  findings: ExpectedFinding[];
}

export interface Manifest {
  evaluationTime: string;
  environment: string;
  files: ManifestEntry[];
  /** The folder (under test-certs/) of the issuers the pairs' expectations assume. */
  pairsIssuers: string;
  pairs: ManifestPair[];
}

export function loadManifest(): Manifest {
  return JSON.parse(readFileSync(join(TEST_CERTS, 'manifest.json'), 'utf8')) as Manifest;
}

/** A checker set up as the manifest's expectations assume (its evaluation time and environment). */
export function manifestChecker(extra: Partial<CheckOptions> = {}): Checker {
  const m = loadManifest();
  return new Checker({ at: m.evaluationTime, environment: m.environment, crypto: createNodeCrypto(), ...extra });
}

/** Decodes and lints (without chain checks) every item of one sample file. */
export function checkSampleFile(file: string, checker = manifestChecker()): CertificateResult[] {
  return checker.checkSource(new Uint8Array(readFileSync(join(TEST_CERTS, file))), file);
}

/** Manifest entries of one document (certificates by default) whose expectations include the rule id. */
export function entriesExpecting(ruleId: string, document: 'certificate' | 'csr' = 'certificate'): ManifestEntry[] {
  return loadManifest().files.filter((f) => f.expect.includes(ruleId) && (f.document ?? 'certificate') === document);
}

/** Manifest entries under valid/ of the given kinds. */
export function validEntries(kinds?: readonly string[]): ManifestEntry[] {
  return loadManifest().files.filter((f) => f.file.startsWith('valid/') && (!kinds || kinds.includes(f.kind)));
}

/** The findings of a file's results as the manifest gives them: rule, path and where (and the item, in a file of several), in the manifest's order. */
export function located(results: readonly { source: { index: number }; findings: readonly { ruleId: string; path: string; offset?: number; line?: number; column?: number }[] }[]): ExpectedFinding[] {
  const several = results.length > 1;
  return results
    .flatMap((r) =>
      r.findings.map((f) => {
        const out: ExpectedFinding = { ruleId: f.ruleId, path: f.path };
        if (f.offset !== undefined) out.offset = f.offset;
        if (f.line !== undefined) out.line = f.line;
        if (f.column !== undefined) out.column = f.column;
        if (several) out.item = r.source.index;
        return out;
      }),
    )
    .sort(compareFindings);
}
