import type { CryptoAdapter } from './adapter.js';
import { readEcPublicKey } from './ec-public-key.js';
import { CURVES, sha1, sha256, sha384 } from './noble-primitives.js';

const HASHES = { sha256, sha384 };

/**
 * Audited pure-JavaScript crypto (@noble/hashes, @noble/curves) behind the synchronous adapter:
 * runs in any JavaScript engine. Hashing is as fast as WebCrypto's, but a P-256 verification takes
 * milliseconds, an order of magnitude longer (see `npm run bench:browser`; the Checker of
 * smki-lint/web verifies with WebCrypto in its async methods). Keys on curves other than P-256
 * and P-384 verify nothing.
 */
export function createNobleCrypto(): CryptoAdapter {
  return {
    sha1: (data) => sha1(data),
    sha256: (data) => sha256(data),
    verifyEcdsa(spki, hash, data, signature) {
      const key = readEcPublicKey(spki);
      if (!key) return false;
      try {
        // The digest is passed, so prehash is off; X.509 signers do not normalise s, so high s is accepted.
        return CURVES[key.curve].verify(signature, HASHES[hash](data), key.point, { prehash: false, lowS: false, format: 'der' });
      } catch {
        return false;
      }
    },
  };
}
