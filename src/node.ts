// Node-only additions to the library API: node:crypto and reading files, directories, stdin.
import { Checker as CoreChecker } from './check/checker.js';
import type { CheckOptions } from './check/options.js';
import type { CertificateResult } from './check/result.js';
import { entriesOf, isCertificateEntry, isIssuerItem } from './check/entries.js';
import type { Entry } from './check/entries.js';
import { createNodeCrypto } from './crypto/node.js';
import { DEFAULT_MAX_ITEM_SIZE, InputReader, listInputFiles } from './input/node.js';

export { createNodeCrypto } from './crypto/node.js';
export { CERTIFICATE_EXTENSIONS, DEFAULT_MAX_ITEM_SIZE, UsageError, expandInputs, listInputFiles, readSource, readSources } from './input/node.js';
export type { FilePath, InputFile, Source } from './input/node.js';

/** Checker options on Node.js: crypto may be left out (node:crypto is used). */
export type NodeCheckOptions = Omit<CheckOptions, 'crypto'> & Partial<Pick<CheckOptions, 'crypto'>>;

/** The Checker of the core library, using node:crypto unless options.crypto says otherwise. */
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
  if (!Array.isArray(inputs) || inputs.some((i) => typeof i !== 'string')) throw new TypeError("checkPaths: inputs must be an array of paths (files, directories or '-')");
  const { issuers = [], requireIssuer = false, maxItemSize = DEFAULT_MAX_ITEM_SIZE, ...checkOptions } = options;
  if (!Number.isInteger(maxItemSize) || maxItemSize < 1) throw new TypeError('checkPaths: options.maxItemSize must be a whole number of bytes');
  const checker = new Checker(checkOptions);
  const issuerFiles = await listInputFiles(issuers);
  const files = await listInputFiles(inputs);
  const reader = new InputReader(maxItemSize, [...issuerFiles, ...files], 1);
  try {
    for (const file of issuerFiles) {
      for await (const part of reader.read(file)) {
        for (const e of entriesOf(part.detected, file.display)) if (isCertificateEntry(e)) checker.addIssuer(e.der, true);
      }
    }
    const entries: Entry[] = [];
    for (const file of files) {
      for await (const part of reader.read(file)) {
        for (const item of part.detected.items) if (isIssuerItem(item)) checker.addIssuer(item.der);
        for (const e of entriesOf(part.detected, file.display)) entries.push(e);
      }
    }
    return checker.checkEntries(entries, requireIssuer);
  } finally {
    reader.close();
  }
}
