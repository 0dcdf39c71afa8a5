// What the pure-JavaScript crypto takes from the audited @noble libraries. The build bundles this
// module with them (dist/crypto/noble-primitives.js) and drops its declarations, so the package
// has no runtime dependency and no public type names @noble: keep @noble's types out of the
// declarations of the modules that import this one.
import { p256, p384 } from '@noble/curves/nist.js';

export { sha256, sha384 } from '@noble/hashes/sha2.js';
export { sha1 } from '@noble/hashes/legacy.js';

/** ECDSA on each curve the pure-JavaScript and WebCrypto paths verify on. */
export const CURVES = { 'P-256': p256, 'P-384': p384 };
