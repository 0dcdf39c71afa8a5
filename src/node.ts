// Node-only additions to the library API: node:crypto and reading files, directories, stdin.
import { Checker } from './check/checker.js';
import { compareRequests } from './check/compare.js';
import type { CheckOptions } from './check/options.js';
import type { CertificateResult } from './check/result.js';
import { detectEntries, documentEntries, isCertificateEntry, possibleIssuers } from './check/entries.js';
import type { Entry } from './check/entries.js';
import { createNodeCrypto } from './crypto/node.js';
import { checkDuisRequest as checkDuisRequestWith } from './check/duis-check.js';
import type { DuisCheckOptions, DuisCheckResult } from './check/duis-check.js';
import { readSources } from './input/node.js';

export { createNodeCrypto } from './crypto/node.js';
export { CERTIFICATE_EXTENSIONS, UsageError, expandInputs, readSource, readSources } from './input/node.js';
export type { Source } from './input/node.js';

export interface CheckPathsOptions extends Partial<CheckOptions> {
  /** Files or directories of issuer certificates, beyond the CA certificates found in the inputs. */
  issuers?: string[];
  /** A certificate whose issuer is not available is an error, not a notice. */
  requireIssuer?: boolean;
}

/**
 * Checks files, directories or '-' as `smki-lint check` does (node:crypto; CA certificates in the
 * inputs and in `issuers` serve as issuers): one result per item found, in input order.
 */
export async function checkPaths(inputs: string[], options: CheckPathsOptions = {}): Promise<CertificateResult[]> {
  const { issuers = [], requireIssuer = false, ...checkOptions } = options;
  const checker = new Checker({ crypto: createNodeCrypto(), ...checkOptions });
  const entries = await entriesOf(inputs);
  for (const e of documentEntries(await entriesOf(issuers))) if (isCertificateEntry(e)) checker.addIssuer(e.der, true);
  for (const der of possibleIssuers(entries)) checker.addIssuer(der);
  return checker.checkEntries(entries, requireIssuer);
}

/**
 * The acceptance check as `smki-lint compare` runs it: the requests (files, directories) paired by
 * public key with the certificates issued for them, each certificate checked against its request
 * and on its own. See compareRequests for the order of the results.
 */
export async function comparePaths(requests: string[], certificates: string[], options: CheckPathsOptions = {}): Promise<CertificateResult[]> {
  const { issuers = [], requireIssuer = false, ...checkOptions } = options;
  const checker = new Checker({ crypto: createNodeCrypto(), ...checkOptions });
  for (const e of documentEntries(await entriesOf(issuers))) if (isCertificateEntry(e)) checker.addIssuer(e.der, true);
  return compareRequests(checker, { requests: await entriesOf(requests), certificates: await entriesOf(certificates), requireIssuer });
}

/** checkDuisRequest (see the core) with node:crypto unless another adapter is given. */
export function checkDuisRequest(bytes: Uint8Array, options: Partial<DuisCheckOptions> = {}): DuisCheckResult {
  return checkDuisRequestWith(bytes, { crypto: createNodeCrypto(), ...options });
}

async function entriesOf(inputs: string[]): Promise<Entry[]> {
  const entries: Entry[] = [];
  if (inputs.length === 0) return entries;
  for await (const source of readSources(inputs)) entries.push(...detectEntries(source.bytes, source.path));
  return entries;
}
