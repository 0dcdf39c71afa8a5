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
 * or undefined for another key type or curve, or bytes that are not DER.
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
  return { curve, point: spki.subarray(key.valueOffset + 1, key.end) };
}
