// Runs in Chromium: checks sample certificates with smki-lint/web as a browser application would,
// fetching them over HTTP. Imported by package name, so the package's exports map and dist/ serve.
import { Checker, detectEntries, documentEntries, isCertificateEntry, resultToJson } from 'smki-lint/web';

/** Counts WebCrypto's signature verifications, to show which path verified. */
let webCryptoVerifications = 0;
const subtle = globalThis.crypto.subtle;
const verify = subtle.verify.bind(subtle);
subtle.verify = (...args: Parameters<typeof verify>) => {
  webCryptoVerifications++;
  return verify(...args);
};

async function fetchBytes(path: string): Promise<Uint8Array> {
  const response = await fetch(`/${path}`);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Every listed file checked in one run, the CA certificates among them serving as issuers. */
async function checkFiles(files: string[], at: string) {
  const entries = (await Promise.all(files.map(async (f) => detectEntries(await fetchBytes(f), f)))).flat();
  // No CryptoAdapter: the browser entry's Checker needs none.
  const checker = new Checker({ at });
  // The certificates of DUIS requests (their certification paths) serve as issuers too.
  for (const e of documentEntries(entries)) if (isCertificateEntry(e)) checker.addIssuer(e.der);
  const sync = checker.checkEntries(entries).map(resultToJson);
  const before = webCryptoVerifications;
  const async = (await checker.checkEntriesAsync(entries)).map(resultToJson);
  return { sync, async, webCryptoVerifications: webCryptoVerifications - before, secureContext: (globalThis as { isSecureContext?: boolean }).isSecureContext };
}

Object.assign(globalThis, { checkFiles });
export type CheckFiles = typeof checkFiles;
