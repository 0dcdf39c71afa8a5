// Node-only additions to the library API: node:crypto and reading files, directories, stdin.
import { Checker } from './check/checker.js';
import type { CheckOptions } from './check/options.js';
import type { CertificateResult } from './check/result.js';
import { createNodeCrypto } from './crypto/node.js';
import { readSources } from './input/node.js';

export { createNodeCrypto } from './crypto/node.js';
export { CERTIFICATE_EXTENSIONS, UsageError, expandInputs, readSource, readSources } from './input/node.js';
export type { Source } from './input/node.js';

/** Checks files, directories or '-' with node:crypto: one result per certificate found, in order. */
export async function checkPaths(inputs: string[], options: Partial<CheckOptions> = {}): Promise<CertificateResult[]> {
  const checker = new Checker({ crypto: createNodeCrypto(), ...options });
  const results: CertificateResult[] = [];
  for await (const source of readSources(inputs)) results.push(...checker.checkSource(source.bytes, source.path));
  return results;
}
