// What the pure-JavaScript adapter takes from the audited @noble libraries. The build bundles this
// module with them (dist/crypto/noble-primitives.js), so the package has no runtime dependency and
// Node.js users, who never load it, install nothing for it.
export { p256, p384 } from '@noble/curves/nist.js';
export { sha256, sha384 } from '@noble/hashes/sha2.js';
export { sha1 } from '@noble/hashes/legacy.js';
