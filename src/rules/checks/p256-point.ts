// NIST P-256 (SEC 2 2.4.2): y^2 = x^3 - 3x + b over GF(p), p = 2^256 - 2^224 + 2^192 + 2^96 - 1.
//
// The check runs once per key on the lint path, so its arithmetic avoids BigInt (slow, and garbage
// on every call). A number is eight 32-bit words in a Float64Array, least significant first. A
// product multiplies the 16-bit halves of one factor by the words of the other, so a term is below
// 2^49 even doubled in a square, and no column of the largest sum here (y^2 + u x) reaches 2^52.1:
// every sum is an exact integer. The terms of a low half fall on a word boundary, in column c0[k]
// of weight 2^(32k); those of a high half 16 bits higher, in c16[k] of weight 2^(32k + 16).

const WORDS = 8;
const COLUMNS = 2 * WORDS - 1;
const HALF = 0x10000;
const WORD = 0x100000000;

const P = wordsOfHex('ffffffff00000001000000000000000000000000ffffffffffffffffffffffff');
const B = wordsOfHex('5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b');
/** p rounded to a float: near enough to find the quotient of an exact multiple of p. */
const P_APPROX = 2 ** 256 - 2 ** 224 + 2 ** 192 + 2 ** 96 - 1;

// Scratch space, allocated once: a call allocates nothing. It is handed to the helpers as
// arguments, which V8 compiles to faster code than typed arrays read from the module's scope.
const X = new Float64Array(WORDS);
const Y = new Float64Array(WORDS);
const U = new Float64Array(WORDS);
const C0 = new Float64Array(COLUMNS);
const C16 = new Float64Array(COLUMNS);
const CARRIED = new Float64Array(2 * WORDS);
const R = new Float64Array(WORDS);

/**
 * Why a 65-octet uncompressed point 04 || X || Y is not a point of P-256 (SEC 1 3.2.2.1: each
 * coordinate below p, and y^2 = x^3 - 3x + b mod p), or undefined when it is one. Any document's
 * key can be checked: the caller has already made sure of the length and the 04 octet.
 */
export function p256PointProblem(point: Uint8Array): string | undefined {
  const x = X, y = Y, u = U, c0 = C0, c16 = C16, carried = CARRIED, r = R;
  readWords(point, 1, x);
  readWords(point, 33, y);
  if (!belowP(x)) return 'its X coordinate is not below the field prime p';
  if (!belowP(y)) return 'its Y coordinate is not below the field prime p';
  // u = 3 - x^2 mod p, so that the curve equation becomes y^2 + u x - b = 0 mod p.
  square(x, c0, c16);
  reduce(c0, c16, carried, r);
  threeMinus(r, u);
  // y^2 + u x - b in one set of columns and one reduction: a multiple of p exactly on the curve.
  square(y, c0, c16);
  addProduct(x, u, c0, c16);
  for (let k = 0; k < WORDS; k++) c0[k] -= B[k];
  reduce(c0, c16, carried, r);
  return isMultipleOfP(r) ? undefined : 'it does not satisfy the curve equation y^2 = x^3 - 3x + b';
}

/** A 32-octet big-endian coordinate as words. */
function readWords(point: Uint8Array, at: number, out: Float64Array): void {
  for (let k = 0; k < WORDS; k++) {
    const i = at + 28 - 4 * k;
    out[k] = ((point[i] << 24) | (point[i + 1] << 16) | (point[i + 2] << 8) | point[i + 3]) >>> 0;
  }
}

/** Whether words (each below 2^32) are below p: compare from the most significant word down. */
function belowP(a: Float64Array): boolean {
  for (let k = WORDS - 1; k >= 0; k--) if (a[k] !== P[k]) return a[k] < P[k];
  return false;
}

/**
 * The columns of a^2 (words below 2^32), overwriting c0 and c16. Column k sums the terms a_m a_j
 * with m + j = k; those with m < j come twice, so they are written once and doubled. Written out
 * term by term, like addProduct: with loops, the whole check took half as long again.
 */
function square(a: Float64Array, c0: Float64Array, c16: Float64Array): void {
  const a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3], a4 = a[4], a5 = a[5], a6 = a[6], a7 = a[7];
  const l0 = a0 & 0xffff, l1 = a1 & 0xffff, l2 = a2 & 0xffff, l3 = a3 & 0xffff;
  const l4 = a4 & 0xffff, l5 = a5 & 0xffff, l6 = a6 & 0xffff, l7 = a7 & 0xffff;
  const h0 = a0 >>> 16, h1 = a1 >>> 16, h2 = a2 >>> 16, h3 = a3 >>> 16;
  const h4 = a4 >>> 16, h5 = a5 >>> 16, h6 = a6 >>> 16, h7 = a7 >>> 16;
  c0[0] = l0 * a0;
  c0[1] = 2 * (l0 * a1);
  c0[2] = l1 * a1 + 2 * (l0 * a2);
  c0[3] = 2 * (l0 * a3 + l1 * a2);
  c0[4] = l2 * a2 + 2 * (l0 * a4 + l1 * a3);
  c0[5] = 2 * (l0 * a5 + l1 * a4 + l2 * a3);
  c0[6] = l3 * a3 + 2 * (l0 * a6 + l1 * a5 + l2 * a4);
  c0[7] = 2 * (l0 * a7 + l1 * a6 + l2 * a5 + l3 * a4);
  c0[8] = l4 * a4 + 2 * (l1 * a7 + l2 * a6 + l3 * a5);
  c0[9] = 2 * (l2 * a7 + l3 * a6 + l4 * a5);
  c0[10] = l5 * a5 + 2 * (l3 * a7 + l4 * a6);
  c0[11] = 2 * (l4 * a7 + l5 * a6);
  c0[12] = l6 * a6 + 2 * (l5 * a7);
  c0[13] = 2 * (l6 * a7);
  c0[14] = l7 * a7;
  c16[0] = h0 * a0;
  c16[1] = 2 * (h0 * a1);
  c16[2] = h1 * a1 + 2 * (h0 * a2);
  c16[3] = 2 * (h0 * a3 + h1 * a2);
  c16[4] = h2 * a2 + 2 * (h0 * a4 + h1 * a3);
  c16[5] = 2 * (h0 * a5 + h1 * a4 + h2 * a3);
  c16[6] = h3 * a3 + 2 * (h0 * a6 + h1 * a5 + h2 * a4);
  c16[7] = 2 * (h0 * a7 + h1 * a6 + h2 * a5 + h3 * a4);
  c16[8] = h4 * a4 + 2 * (h1 * a7 + h2 * a6 + h3 * a5);
  c16[9] = 2 * (h2 * a7 + h3 * a6 + h4 * a5);
  c16[10] = h5 * a5 + 2 * (h3 * a7 + h4 * a6);
  c16[11] = 2 * (h4 * a7 + h5 * a6);
  c16[12] = h6 * a6 + 2 * (h5 * a7);
  c16[13] = 2 * (h6 * a7);
  c16[14] = h7 * a7;
}

/**
 * Adds the columns of a b to c0 and c16 (a's words below 2^32, b's below 2^32 + 2^10 in
 * magnitude): column k sums the terms a_m b_j with m + j = k.
 */
function addProduct(a: Float64Array, b: Float64Array, c0: Float64Array, c16: Float64Array): void {
  const b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3], b4 = b[4], b5 = b[5], b6 = b[6], b7 = b[7];
  const l0 = a[0] & 0xffff, l1 = a[1] & 0xffff, l2 = a[2] & 0xffff, l3 = a[3] & 0xffff;
  const l4 = a[4] & 0xffff, l5 = a[5] & 0xffff, l6 = a[6] & 0xffff, l7 = a[7] & 0xffff;
  const h0 = a[0] >>> 16, h1 = a[1] >>> 16, h2 = a[2] >>> 16, h3 = a[3] >>> 16;
  const h4 = a[4] >>> 16, h5 = a[5] >>> 16, h6 = a[6] >>> 16, h7 = a[7] >>> 16;
  c0[0] += l0 * b0;
  c0[1] += l0 * b1 + l1 * b0;
  c0[2] += l0 * b2 + l1 * b1 + l2 * b0;
  c0[3] += l0 * b3 + l1 * b2 + l2 * b1 + l3 * b0;
  c0[4] += l0 * b4 + l1 * b3 + l2 * b2 + l3 * b1 + l4 * b0;
  c0[5] += l0 * b5 + l1 * b4 + l2 * b3 + l3 * b2 + l4 * b1 + l5 * b0;
  c0[6] += l0 * b6 + l1 * b5 + l2 * b4 + l3 * b3 + l4 * b2 + l5 * b1 + l6 * b0;
  c0[7] += l0 * b7 + l1 * b6 + l2 * b5 + l3 * b4 + l4 * b3 + l5 * b2 + l6 * b1 + l7 * b0;
  c0[8] += l1 * b7 + l2 * b6 + l3 * b5 + l4 * b4 + l5 * b3 + l6 * b2 + l7 * b1;
  c0[9] += l2 * b7 + l3 * b6 + l4 * b5 + l5 * b4 + l6 * b3 + l7 * b2;
  c0[10] += l3 * b7 + l4 * b6 + l5 * b5 + l6 * b4 + l7 * b3;
  c0[11] += l4 * b7 + l5 * b6 + l6 * b5 + l7 * b4;
  c0[12] += l5 * b7 + l6 * b6 + l7 * b5;
  c0[13] += l6 * b7 + l7 * b6;
  c0[14] += l7 * b7;
  c16[0] += h0 * b0;
  c16[1] += h0 * b1 + h1 * b0;
  c16[2] += h0 * b2 + h1 * b1 + h2 * b0;
  c16[3] += h0 * b3 + h1 * b2 + h2 * b1 + h3 * b0;
  c16[4] += h0 * b4 + h1 * b3 + h2 * b2 + h3 * b1 + h4 * b0;
  c16[5] += h0 * b5 + h1 * b4 + h2 * b3 + h3 * b2 + h4 * b1 + h5 * b0;
  c16[6] += h0 * b6 + h1 * b5 + h2 * b4 + h3 * b3 + h4 * b2 + h5 * b1 + h6 * b0;
  c16[7] += h0 * b7 + h1 * b6 + h2 * b5 + h3 * b4 + h4 * b3 + h5 * b2 + h6 * b1 + h7 * b0;
  c16[8] += h1 * b7 + h2 * b6 + h3 * b5 + h4 * b4 + h5 * b3 + h6 * b2 + h7 * b1;
  c16[9] += h2 * b7 + h3 * b6 + h4 * b5 + h5 * b4 + h6 * b3 + h7 * b2;
  c16[10] += h3 * b7 + h4 * b6 + h5 * b5 + h6 * b4 + h7 * b3;
  c16[11] += h4 * b7 + h5 * b6 + h6 * b5 + h7 * b4;
  c16[12] += h5 * b7 + h6 * b6 + h7 * b5;
  c16[13] += h6 * b7 + h7 * b6;
  c16[14] += h7 * b7;
}

/** The number in the columns (either sign) as eight words r, congruent mod p, below 2^37 in magnitude. */
function reduce(c0: Float64Array, c16: Float64Array, carried: Float64Array, r: Float64Array): void {
  // Carry into words A0..A15 (below 2^32 + 2^21 in magnitude, A15 below 2^34): each column is
  // split where its bits cross a word boundary and each part added to its word, so no rounding
  // waits for the one before it.
  let highBefore = 0;
  let topBefore = 0;
  for (let k = 0; k < COLUMNS; k++) {
    const high = Math.floor(c16[k] / HALF);
    const sum = c0[k] + (c16[k] - high * HALF) * HALF + highBefore;
    const top = Math.floor(sum / WORD);
    carried[k] = sum - top * WORD + topBefore;
    highBefore = high;
    topBefore = top;
  }
  carried[COLUMNS] = highBefore + topBefore;
  const a0 = carried[0], a1 = carried[1], a2 = carried[2], a3 = carried[3];
  const a4 = carried[4], a5 = carried[5], a6 = carried[6], a7 = carried[7];
  const a8 = carried[8], a9 = carried[9], a10 = carried[10], a11 = carried[11];
  const a12 = carried[12], a13 = carried[13], a14 = carried[14], a15 = carried[15];
  // NIST fast reduction for p256 (FIPS 186-4 D.2.3): T + 2S1 + 2S2 + S3 + S4 - D1 - D2 - D3 - D4,
  // word by word. It only adds words, so it is exact for words of any size.
  r[0] = a0 + a8 + a9 - a11 - a12 - a13 - a14;
  r[1] = a1 + a9 + a10 - a12 - a13 - a14 - a15;
  r[2] = a2 + a10 + a11 - a13 - a14 - a15;
  r[3] = a3 + 2 * a11 + 2 * a12 + a13 - a15 - a8 - a9;
  r[4] = a4 + 2 * a12 + 2 * a13 + a14 - a9 - a10;
  r[5] = a5 + 2 * a13 + 2 * a14 + a15 - a10 - a11;
  r[6] = a6 + 3 * a14 + 2 * a15 + a13 - a8 - a9;
  r[7] = a7 + 3 * a15 + a8 - a10 - a11 - a12 - a13;
}

/**
 * u = 3 - r mod p as words below 2^32 + 2^10 in magnitude: each word of r split at 32 bits, the
 * part above carried to the next word and the carry out of the top folded back in as
 * 2^256 = 2^224 - 2^192 - 2^96 + 1 mod p.
 */
function threeMinus(r: Float64Array, u: Float64Array): void {
  let carry = 0;
  for (let k = 0; k < WORDS; k++) {
    const high = Math.floor(r[k] / WORD);
    u[k] = high * WORD - r[k] - carry;
    carry = high;
  }
  u[0] += 3 - carry;
  u[3] += carry;
  u[6] += carry;
  u[7] -= carry;
}

/** Whether the words r (below 2^37 in magnitude; changed on the way) make a multiple of p. */
function isMultipleOfP(r: Float64Array): boolean {
  // The nearest quotient k, from r as a float: if r is k p its error is far below one half.
  let approx = 0;
  for (let j = WORDS - 1; j >= 0; j--) approx = approx * WORD + r[j];
  const k = Math.round(approx / P_APPROX);
  // r - k p is zero exactly when r is a multiple of p. Add -k p = -k 2^256 + k 2^224 - k 2^192
  // - k 2^96 + k, then carry word by word: every word must leave nothing below 32 bits, and what
  // reaches 2^256 must be k.
  r[0] += k;
  r[3] -= k;
  r[6] -= k;
  r[7] += k;
  let carry = 0;
  for (let j = 0; j < WORDS; j++) {
    carry = (r[j] + carry) / WORD;
    if (carry !== Math.floor(carry)) return false;
  }
  return carry === k;
}

function wordsOfHex(hex: string): Float64Array {
  const out = new Float64Array(WORDS);
  for (let k = 0; k < WORDS; k++) out[k] = parseInt(hex.slice(56 - 8 * k, 64 - 8 * k), 16);
  return out;
}
