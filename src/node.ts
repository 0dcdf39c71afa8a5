// Node-only additions to the library API: node:crypto and reading files, directories, stdin.
import { Checker } from './check/checker.js';
import type { CheckOptions } from './check/options.js';
import type { CertificateResult } from './check/result.js';
import { detectEntries, isCertificateEntry, possibleIssuers } from './check/entries.js';
import type { Entry } from './check/entries.js';
import { createNodeCrypto } from './crypto/node.js';
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
  const entries: Entry[] = [];
  for await (const source of readSources(inputs)) entries.push(...detectEntries(source.bytes, source.path));
  if (issuers.length > 0) {
    for await (const source of readSources(issuers)) {
      for (const e of detectEntries(source.bytes, source.path)) if (isCertificateEntry(e)) checker.addIssuer(e.der, true);
    }
  }
  for (const der of possibleIssuers(entries)) checker.addIssuer(der);
  return checker.checkEntries(entries, requireIssuer);
}
