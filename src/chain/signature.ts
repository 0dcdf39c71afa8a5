import { OID } from '../der/index.js';
import type { CryptoAdapter } from '../crypto/adapter.js';
import type { Certificate } from '../x509/index.js';

const HASHES: Record<string, 'sha256' | 'sha384'> = {
  [OID.ecdsaWithSha256]: 'sha256',
  [OID.ecdsaWithSha384]: 'sha384',
};

/**
 * Whether cert's signature (or another encoding of it) verifies under the key in spki; undefined
 * when it cannot be tried.
 */
export function verifySignature(crypto: CryptoAdapter, cert: Certificate, spki: Uint8Array, signatureValue = cert.signatureValue): boolean | undefined {
  const hash = cert.signatureAlgorithm ? HASHES[cert.signatureAlgorithm.oid] : undefined;
  if (!hash || !cert.tbs || !signatureValue) return undefined;
  return crypto.verifyEcdsa(spki, hash, cert.tbs, signatureValue);
}

export function signatureHashSupported(cert: Certificate): boolean {
  return cert.signatureAlgorithm !== undefined && HASHES[cert.signatureAlgorithm.oid] !== undefined;
}
