import { toHex } from '../../der/index.js';
import type { CryptoAdapter } from '../../crypto/adapter.js';
import type { AlgorithmIdentifier, Certificate, DocumentModel, Extension } from '../../x509/index.js';
import { KNOWN_EXTENSIONS } from '../../x509/index.js';

// Helpers shared by the general certificate rules. Everything here runs only once a rule has
// something to say, except the key-identifier hash, which ski.method needs on every certificate.

/** Upper-case hex, the way key identifiers are usually shown. */
export function hexUpper(bytes: Uint8Array): string {
  return toHex(bytes).toUpperCase();
}

/** Offset of a view into the certificate's bytes, when it is one. */
export function offsetIn(cert: DocumentModel, part: Uint8Array | undefined): number | undefined {
  if (!part || part.buffer !== cert.der.buffer) return undefined;
  const offset = part.byteOffset - cert.der.byteOffset;
  return offset >= 0 && offset + part.length <= cert.der.length ? offset : undefined;
}

/** RFC 5280 4.2.1.2 method 2: 0100 then the least significant 60 bits of SHA-1(subjectPublicKey). */
export function keyIdMethod2(sha1: Uint8Array): Uint8Array {
  // Copy: a Buffer's slice() shares memory, and the hash must stay intact.
  const id = new Uint8Array(8);
  id.set(sha1.subarray(sha1.length - 8));
  id[0] = 0x40 | (id[0] & 0x0f);
  return id;
}

/** The SHA-1 of the subjectPublicKey bits, or undefined when the certificate has no readable key. */
export function keySha1(cert: Certificate, crypto: CryptoAdapter): Uint8Array | undefined {
  const key = cert.subjectPublicKeyInfo?.publicKey;
  return key ? crypto.sha1(key) : undefined;
}

/** The extension's known name, or its OID: what a message calls it. */
export function extensionLabel(ext: Extension): string {
  return KNOWN_EXTENSIONS[ext.oid] ?? ext.name ?? ext.oid;
}

/** "absent parameters", "NULL parameters", "parameters other than NULL". */
export function describeParameters(alg: AlgorithmIdentifier): string {
  switch (alg.parameters) {
    case 'absent':
      return 'absent parameters';
    case 'null':
      return 'NULL parameters';
    default:
      return alg.parametersOid ? `parameters ${alg.parametersOid}` : 'parameters other than NULL';
  }
}

/** The ECDSA signature algorithms (RFC 5758 3.2): all of them take absent parameters. */
export function isEcdsaSignature(oid: string): boolean {
  return oid.startsWith('1.2.840.10045.4.');
}
