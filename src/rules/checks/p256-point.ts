// NIST P-256 (SEC 2 2.4.2): y^2 = x^3 - 3x + b over GF(p).
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;

/**
 * Why a 65-octet uncompressed point 04 || X || Y is not a point of P-256 (SEC 1 3.2.2.1: each
 * coordinate below p, and y^2 = x^3 - 3x + b mod p), or undefined when it is one. Any document's
 * key can be checked: the caller has already made sure of the length and the 04 octet.
 */
export function p256PointProblem(point: Uint8Array): string | undefined {
  const view = new DataView(point.buffer, point.byteOffset, point.byteLength);
  const x = coordinate(view, 1);
  const y = coordinate(view, 33);
  if (x >= P) return 'its X coordinate is not below the field prime p';
  if (y >= P) return 'its Y coordinate is not below the field prime p';
  // One reduction: (x^2 - 3) x + b - y^2 is a multiple of p exactly when the point is on the curve.
  return ((x * x - 3n) * x + B - y * y) % P === 0n ? undefined : 'it does not satisfy the curve equation y^2 = x^3 - 3x + b';
}

/** A 32-octet big-endian coordinate, read 64 bits at a time (a hex string round trip costs more). */
function coordinate(view: DataView, at: number): bigint {
  return (view.getBigUint64(at) << 192n) | (view.getBigUint64(at + 8) << 128n) | (view.getBigUint64(at + 16) << 64n) | view.getBigUint64(at + 24);
}
