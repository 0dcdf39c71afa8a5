import * as nodeCrypto from 'node:crypto';
import { createHash, createPublicKey, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { CryptoAdapter } from './adapter.js';
import { hasPermittedEcPoint } from './ec-public-key.js';

type OneShotHash = (algorithm: string, data: Uint8Array, encoding: 'latin1' | 'hex') => string;

// crypto.hash (Node 20.12+) skips the Hash object: a third faster for certificate-sized inputs.
// Asked for 'buffer' it takes a slow path (the name is not a string encoding) that costs more than
// the hash of a certificate; a latin1 string, one character per octet, is read back in a loop.
const oneShot = (nodeCrypto as unknown as { hash?: OneShotHash }).hash;
const digest = oneShot ? (algorithm: string, data: Uint8Array) => latin1Octets(oneShot(algorithm, data, 'latin1')) : (algorithm: string, data: Uint8Array) => createHash(algorithm).update(data).digest();

function latin1Octets(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/**
 * node:crypto behind the adapter. Imported keys are cached because issuers repeat: by the bytes'
 * identity first (an issuer's key is the same array for every certificate it signed, so the
 * lookup costs no copy), then by their content.
 * An EC point RFC 5480 2.2 rejects (hybrid form, unused bits), which OpenSSL accepts,
 * verifies nothing, as in the other adapters.
 */
export function createNodeCrypto(): CryptoAdapter {
  const keys = new Map<string, KeyObject | null>();
  const byArray = new WeakMap<Uint8Array, KeyObject | null>();
  const keyFor = (spki: Uint8Array): KeyObject | null => {
    const known = byArray.get(spki);
    if (known !== undefined) return known;
    const key = keyForBytes(spki);
    byArray.set(spki, key);
    return key;
  };
  const keyForBytes = (spki: Uint8Array): KeyObject | null => {
    const id = Buffer.from(spki.buffer, spki.byteOffset, spki.byteLength).toString('latin1');
    let key = keys.get(id);
    if (key === undefined) {
      try {
        key = hasPermittedEcPoint(spki) ? createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }) : null;
      } catch {
        key = null;
      }
      if (keys.size > 10_000) keys.clear();
      keys.set(id, key);
    }
    return key;
  };
  return {
    sha1: (data) => digest('sha1', data),
    sha256: (data) => digest('sha256', data),
    sha256Hex: oneShot ? (data) => oneShot('sha256', data, 'hex') : (data) => createHash('sha256').update(data).digest('hex'),
    verifyEcdsa(spki, hash, data, signature) {
      const key = keyFor(spki);
      if (key === null) return false;
      try {
        // A KeyObject on its own: DER signatures are the default, and no options object to parse.
        return verify(hash, data, key, signature);
      } catch {
        return false;
      }
    },
    verifyEcdsaAsync(spki, hash, data, signature) {
      const key = keyFor(spki);
      if (key === null) return Promise.resolve(false);
      // With a callback, node:crypto verifies on libuv's thread pool (4 threads by default).
      return new Promise((resolve) => {
        try {
          verify(hash, data, key, signature, (error, valid) => resolve(error === null && valid));
        } catch {
          resolve(false);
        }
      });
    },
  };
}
