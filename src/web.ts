// smki-lint for browsers and any JavaScript runtime without node:crypto: the whole core API, with a
// Checker that needs no CryptoAdapter. Synchronous checks use audited pure-JavaScript crypto
// (@noble); the async methods verify signatures with WebCrypto, an order of magnitude faster at
// it, and give the same results. (The core's CryptoAdapter stays synchronous: hashing and
// verification sit on the per-certificate hot path, and node:crypto is synchronous and fastest.)
import { Checker as CoreChecker } from './check/checker.js';
import { checkDuisRequest as checkDuisRequestWith, prepareDuisCheck, splitDuisResults } from './check/duis-check.js';
import type { DuisCheckOptions, DuisCheckResult } from './check/duis-check.js';
import type { Entry } from './check/entries.js';
import type { CheckOptions } from './check/options.js';
import type { CertificateResult } from './check/result.js';
import type { CryptoAdapter } from './crypto/adapter.js';
import { createNobleCrypto } from './crypto/noble.js';
import { SignatureRecorder } from './crypto/signature-recorder.js';
import { verifyWithWebCrypto } from './crypto/webcrypto.js';

export * from './index.js';
export { createNobleCrypto } from './crypto/noble.js';

/** The Checker options, with the CryptoAdapter optional (default: createNobleCrypto()). */
export interface WebCheckOptions extends Omit<CheckOptions, 'crypto'> {
  crypto?: CryptoAdapter;
}

/** The core Checker with pure-JavaScript crypto by default, plus checks that verify with WebCrypto. */
export class Checker extends CoreChecker {
  private readonly recorder: SignatureRecorder;

  constructor(options: WebCheckOptions = {}) {
    const recorder = new SignatureRecorder(options.crypto ?? createNobleCrypto());
    super({ ...options, crypto: recorder });
    this.recorder = recorder;
  }

  /** checkEntries with signatures verified by WebCrypto: the same results, sooner when there are signatures to verify (checkSourceAsync too). */
  override checkEntriesAsync(entries: readonly Entry[], requireIssuer = false): Promise<CertificateResult[]> {
    return this.recorder.settle(() => this.checkEntries(entries, requireIssuer), verifyWithWebCrypto);
  }
}

/** The DUIS check options with the CryptoAdapter optional (default: createNobleCrypto()). */
export type WebDuisCheckOptions = Omit<DuisCheckOptions, 'crypto'> & { crypto?: CryptoAdapter };

/** checkDuisRequest (see the core) with pure-JavaScript crypto unless another adapter is given. */
export function checkDuisRequest(bytes: Uint8Array, options: WebDuisCheckOptions = {}): DuisCheckResult {
  return checkDuisRequestWith(bytes, { ...options, crypto: options.crypto ?? createNobleCrypto() });
}

/** checkDuisRequest with signatures verified by WebCrypto: the same results. */
export async function checkDuisRequestAsync(bytes: Uint8Array, options: WebDuisCheckOptions = {}): Promise<DuisCheckResult> {
  const { issuers = [], requireIssuer = false, path = 'request.xml', ...checkOptions } = options;
  const checker = new Checker(checkOptions);
  const prepared = prepareDuisCheck(checker, bytes, path, issuers);
  return 'request' in prepared ? prepared : splitDuisResults(await checker.checkEntriesAsync(prepared.entries, requireIssuer));
}
