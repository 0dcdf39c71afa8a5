// Node-only additions to the library API: node:crypto and reading files, directories, stdin.
import { Checker as CoreChecker } from './check/checker.js';
import { compareRequests } from './check/compare.js';
import type { CheckOptions } from './check/options.js';
import type { CertificateResult } from './check/result.js';
import { documentEntries, entriesOf, isCertificateEntry, possibleIssuers } from './check/entries.js';
import type { Entry } from './check/entries.js';
import type { CryptoAdapter } from './crypto/adapter.js';
import type { BytesLike } from './der/bytes.js';
import { createNodeCrypto } from './crypto/node.js';
import { DEFAULT_MAX_ITEM_SIZE, InputReader, listInputFiles } from './input/node.js';
import { checkDuisRequest as checkDuisRequestWith } from './check/duis-check.js';
import type { DuisCheckOptions, DuisCheckResult } from './check/duis-check.js';

export { createNodeCrypto } from './crypto/node.js';
export { CERTIFICATE_EXTENSIONS, DEFAULT_MAX_ITEM_SIZE, UsageError, expandInputs, listInputFiles, readSource, readSources } from './input/node.js';
export type { FilePath, InputFile, Source } from './input/node.js';

/** The Checker options, with the CryptoAdapter optional (default: createNodeCrypto()). */
export interface NodeCheckOptions extends Omit<CheckOptions, 'crypto'> {
  crypto?: CryptoAdapter;
}

/** The core Checker, using node:crypto unless options.crypto says otherwise. */
export class Checker extends CoreChecker {
  constructor(options: NodeCheckOptions = {}) {
    if (typeof options !== 'object' || options === null) throw new TypeError('Checker options must be an object such as { at }');
    super({ ...options, crypto: options.crypto ?? createNodeCrypto() });
  }
}

export interface CheckPathsOptions extends NodeCheckOptions {
  /** Files or directories of issuer certificates, beyond the CA certificates found in the inputs. */
  issuers?: string[];
  /** A certificate whose issuer is not available is an error, not a notice. */
  requireIssuer?: boolean;
  /** The longest item (and stretch with no item) read from an input, in bytes (default 4 MiB). */
  maxItemSize?: number;
}

/**
 * Checks files, directories or '-' as `smki-lint check` does (CA certificates in the inputs and
 * in `issuers` serve as issuers): one result per item found, in input order. A file that cannot
 * be read when its turn comes is a result (input.unreadable), not an exception.
 */
export async function checkPaths(inputs: string[], options: CheckPathsOptions = {}): Promise<CertificateResult[]> {
  const { issuers = [], requireIssuer = false, maxItemSize = DEFAULT_MAX_ITEM_SIZE, ...checkOptions } = options;
  const checker = new Checker(checkOptions);
  const [entries, named] = await readEntries('checkPaths', [inputs, issuers], maxItemSize);
  for (const e of documentEntries(named)) if (isCertificateEntry(e)) checker.addIssuer(e.der, true);
  for (const der of possibleIssuers(entries)) checker.addIssuer(der);
  return checker.checkEntriesAsync(entries, requireIssuer);
}

/**
 * The acceptance check as `smki-lint compare` runs it: the requests (files, directories) paired by
 * public key with the certificates issued for them, each certificate checked against its request
 * and on its own. See compareRequests for the order of the results.
 */
export async function comparePaths(requests: string[], certificates: string[], options: CheckPathsOptions = {}): Promise<CertificateResult[]> {
  const { issuers = [], requireIssuer = false, maxItemSize = DEFAULT_MAX_ITEM_SIZE, ...checkOptions } = options;
  const checker = new Checker(checkOptions);
  const [requestEntries, certificateEntries, named] = await readEntries('comparePaths', [requests, certificates, issuers], maxItemSize);
  for (const e of documentEntries(named)) if (isCertificateEntry(e)) checker.addIssuer(e.der, true);
  return compareRequests(checker, { requests: requestEntries, certificates: certificateEntries, requireIssuer });
}

/** checkDuisRequest (see the core) with node:crypto unless another adapter is given. */
export function checkDuisRequest(bytes: BytesLike, options: Partial<DuisCheckOptions> = {}): DuisCheckResult {
  return checkDuisRequestWith(bytes, { ...options, crypto: options.crypto ?? createNodeCrypto() });
}

/** The entries of each list of inputs, read with the item size limit; one that cannot be read is its own entry. */
async function readEntries(caller: string, lists: string[][], maxItemSize: number): Promise<Entry[][]> {
  for (const list of lists) {
    if (!Array.isArray(list) || list.some((i) => typeof i !== 'string')) throw new TypeError(`${caller}: inputs must be an array of paths (files, directories or '-')`);
  }
  if (!Number.isInteger(maxItemSize) || maxItemSize < 1) throw new TypeError(`${caller}: options.maxItemSize must be a whole number of bytes`);
  const files = await Promise.all(lists.map((list) => (list.length > 0 ? listInputFiles(list) : [])));
  const reader = new InputReader(maxItemSize, files.flat(), 1);
  try {
    const out: Entry[][] = [];
    for (const list of files) {
      const entries: Entry[] = [];
      for (const file of list) {
        for await (const part of reader.read(file)) for (const e of entriesOf(part.detected, file.display)) entries.push(e);
      }
      out.push(entries);
    }
    return out;
  } finally {
    reader.close();
  }
}
