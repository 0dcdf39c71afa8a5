import { OID, Tag, oidOf, parseDer } from '../der/index.js';

/** The curves the pure-JavaScript and WebCrypto paths verify on: P-256 (SMKI's) and P-384. */
export type EcCurve = 'P-256' | 'P-384';

const CURVES: Record<string, EcCurve> = {
  [OID.prime256v1]: 'P-256',
  [OID.secp384r1]: 'P-384',
};

export interface EcPublicKey {
  curve: EcCurve;
  /** The encoded point (SEC 1 2.3.3), as the BIT STRING holds it. */
  point: Uint8Array;
}

/**
 * The curve and point of an id-ecPublicKey SubjectPublicKeyInfo with a named curve (RFC 5480 2),
 * or undefined for another key type or curve, bytes that are not DER, or a point form RFC 5480 2.2
 * rejects.
 */
export function readEcPublicKey(spki: Uint8Array): EcPublicKey | undefined {
  const { root, violations } = parseDer(spki);
  if (!root || violations.length > 0 || !root.is(Tag.Sequence) || root.children?.length !== 2) return undefined;
  const [algorithm, key] = root.children;
  const [algorithmOid, curveOid, ...rest] = algorithm.children ?? [];
  if (!algorithm.is(Tag.Sequence) || rest.length > 0 || !algorithmOid?.is(Tag.Oid) || !curveOid?.is(Tag.Oid)) return undefined;
  if (oidOf(spki, algorithmOid) !== OID.ecPublicKey) return undefined;
  const curve = CURVES[oidOf(spki, curveOid)];
  // A point is a whole number of octets: the BIT STRING's unused-bits octet is 0.
  if (!curve || !key.is(Tag.BitString) || key.length < 2 || spki[key.valueOffset] !== 0) return undefined;
  if (!isPermittedPointForm(spki[key.valueOffset + 1])) return undefined;
  return { curve, point: spki.subarray(key.valueOffset + 1, key.end) };
}

/**
 * Whether an id-ecPublicKey SubjectPublicKeyInfo holds its point as RFC 5480 2.2 allows: a whole
 * number of octets (no unused bits), uncompressed (0x04) or compressed (0x02, 0x03). "The public
 * key MUST be rejected if any other value is included in the first octet": OpenSSL takes a hybrid
 * point (0x06, 0x07) and ignores unused bits, so the node:crypto adapter asks this first. Keys of
 * other types, on any curve, are left to the verifier.
 */
export function hasPermittedEcPoint(spki: Uint8Array): boolean {
  const { root } = parseDer(spki);
  const [algorithm, key] = root?.children ?? [];
  const algorithmOid = algorithm?.children?.[0];
  if (!algorithmOid?.is(Tag.Oid) || oidOf(spki, algorithmOid) !== OID.ecPublicKey) return true;
  return key?.is(Tag.BitString) === true && key.length >= 2 && spki[key.valueOffset] === 0 && isPermittedPointForm(spki[key.valueOffset + 1]);
}

const isPermittedPointForm = (form: number) => form === 0x02 || form === 0x03 || form === 0x04;
