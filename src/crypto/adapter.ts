import { toHex } from '../der/values.js';

/**
 * The few cryptographic operations the checker needs, behind one small interface so the core
 * runs wherever an implementation is supplied (node:crypto by default, see ./node.ts).
 * Synchronous on purpose: hashing and verification sit on the per-certificate hot path.
 */
export interface CryptoAdapter {
  sha1(data: Uint8Array): Uint8Array;
  sha256(data: Uint8Array): Uint8Array;
  /** Optional: the SHA-256 in lower-case hex, where the platform gives it without the octets (a fingerprint is only ever shown). */
  sha256Hex?(data: Uint8Array): string;
  /**
   * Verifies an ECDSA signature (DER ECDSA-Sig-Value) over data with the hash the algorithm names.
   * spki is the issuer's encoded SubjectPublicKeyInfo. Returns false, never throws, on bad keys.
   */
  verifyEcdsa(spki: Uint8Array, hash: 'sha256' | 'sha384', data: Uint8Array, signature: Uint8Array): boolean;
  /**
   * Optional: verifyEcdsa off the calling thread (node:crypto uses its thread pool), with the
   * same answers. Checker.checkEntriesAsync verifies the issuers' signatures with it.
   */
  verifyEcdsaAsync?(spki: Uint8Array, hash: 'sha256' | 'sha384', data: Uint8Array, signature: Uint8Array): Promise<boolean>;
}

/** A document's SHA-256 fingerprint in lower-case hex, by the adapter's direct path when it has one. */
export function sha256Hex(crypto: CryptoAdapter, data: Uint8Array): string {
  return crypto.sha256Hex ? crypto.sha256Hex(data) : toHex(crypto.sha256(data));
}
