import { createHash } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256, p384 } from '@noble/curves/nist.js';
import { bitString, oid, seq } from './der-writer.js';
import { OIDS } from './oids.js';

export type KeyType = 'P-256' | 'P-384' | 'Ed25519';

export interface KeyPair {
  label: string;
  type: KeyType;
  /** The subjectPublicKey BIT STRING payload (an EC point, or the raw Ed25519 key). */
  publicKey: Uint8Array;
  /** ecdsa-with-SHA256 over the message, DER ECDSA-Sig-Value, RFC 6979 nonce. */
  sign(message: Uint8Array): Uint8Array;
  /** The same with ecdsa-with-SHA384 and ecdsa-with-SHA512 (P-256 keys only). */
  signSha384?(message: Uint8Array): Uint8Array;
  signSha512?(message: Uint8Array): Uint8Array;
}

const PREFIX = 'smki-lint sample ';

export function sha256(data: Uint8Array | string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(data).digest());
}

function sha1(data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha1').update(data).digest());
}

function toBytes(value: bigint, size: number): Uint8Array {
  return Uint8Array.from({ length: size }, (_, i) => Number((value >> BigInt(8 * (size - 1 - i))) & 0xffn));
}

/** The label's hash reduced mod n (never zero): the same label always gives the same key. */
function secretFor(label: string, order: bigint, size: number): Uint8Array {
  const h = BigInt('0x' + Buffer.from(sha256(PREFIX + label)).toString('hex'));
  const d = h % order;
  return toBytes(d === 0n ? 1n : d, size);
}

const cache = new Map<string, KeyPair>();

export function p256Key(label: string, compressed = false): KeyPair {
  const id = `P-256/${label}/${compressed}`;
  const hit = cache.get(id);
  if (hit) return hit;
  const secret = secretFor(label, p256.Point.CURVE().n, 32);
  const key: KeyPair = {
    label,
    type: 'P-256',
    publicKey: p256.getPublicKey(secret, compressed),
    sign: (message) => p256.sign(message, secret, { prehash: true, format: 'der', lowS: true }),
    signSha384: (message) => p256.sign(new Uint8Array(createHash('sha384').update(message).digest()), secret, { prehash: false, format: 'der', lowS: true }),
    signSha512: (message) => p256.sign(new Uint8Array(createHash('sha512').update(message).digest()), secret, { prehash: false, format: 'der', lowS: true }),
  };
  cache.set(id, key);
  return key;
}

/** A P-384 subject key; it signs (ecdsa-with-SHA256) only its own sample request, as every sample issuer is P-256. */
export function p384Key(label: string): KeyPair {
  const secret = secretFor(label, p384.Point.CURVE().n, 48);
  return {
    label,
    type: 'P-384',
    publicKey: p384.getPublicKey(secret, false),
    sign: (message) => p384.sign(sha256(message), secret, { prehash: false, format: 'der', lowS: true }),
  };
}

export function ed25519Key(label: string): KeyPair {
  return {
    label,
    type: 'Ed25519',
    publicKey: ed25519.getPublicKey(sha256(PREFIX + label)),
    sign: () => {
      throw new Error('sample issuers sign with P-256 only');
    },
  };
}

export function subjectPublicKeyInfo(key: KeyPair, unusedBits = 0): Uint8Array {
  const algorithm =
    key.type === 'Ed25519'
      ? seq(oid(OIDS.ed25519))
      : seq(oid(OIDS.ecPublicKey), oid(key.type === 'P-256' ? OIDS.prime256v1 : OIDS.secp384r1));
  return seq(algorithm, bitString(key.publicKey, unusedBits));
}

/** RFC 5280 4.2.1.2 method 2: 0100 then the low 60 bits of SHA-1 of the subjectPublicKey bits. */
export function keyIdMethod2(key: KeyPair): Uint8Array {
  const id = sha1(key.publicKey).slice(12);
  id[0] = 0x40 | (id[0] & 0x0f);
  return id;
}

/** RFC 5280 4.2.1.2 method 1: the whole 160-bit SHA-1. */
export function keyIdMethod1(key: KeyPair): Uint8Array {
  return sha1(key.publicKey);
}

/** 16-octet positive serial, minimally encoded: first octet 0x01..0x7F. */
export function serialContent(label: string): Uint8Array {
  const h = sha256('smki-lint serial ' + label).slice(0, 16);
  h[0] = 0x01 + (h[0] % 0x7f);
  return h;
}
