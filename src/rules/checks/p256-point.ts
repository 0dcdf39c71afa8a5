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

/** c0 and c16 become the columns of a^2 (words below 2^32). */
function square(a: Float64Array, c0: Float64Array, c16: Float64Array): void {
  squareColumns(a, 0, c0);
  squareColumns(a, 16, c16);
}

/**
 * One half of a^2's columns, from a's low (shift 0) or high (shift 16) halves s: column k sums the
 * products a_m a_j with m + j = k, each taken as s_m a_j. a^2 holds the product of two different
 * words twice, so for m < j it is written once, with the half of a_m, and doubled. Written out
 * term by term, like productColumns: with loops, the whole check took half as long again.
 */
function squareColumns(a: Float64Array, shift: number, out: Float64Array): void {
  const a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3], a4 = a[4], a5 = a[5], a6 = a[6], a7 = a[7];
  const s0 = (a0 >>> shift) & 0xffff, s1 = (a1 >>> shift) & 0xffff, s2 = (a2 >>> shift) & 0xffff, s3 = (a3 >>> shift) & 0xffff;
  const s4 = (a4 >>> shift) & 0xffff, s5 = (a5 >>> shift) & 0xffff, s6 = (a6 >>> shift) & 0xffff, s7 = (a7 >>> shift) & 0xffff;
  out[0] = s0 * a0;
  out[1] = 2 * (s0 * a1);
  out[2] = s1 * a1 + 2 * (s0 * a2);
  out[3] = 2 * (s0 * a3 + s1 * a2);
  out[4] = s2 * a2 + 2 * (s0 * a4 + s1 * a3);
  out[5] = 2 * (s0 * a5 + s1 * a4 + s2 * a3);
  out[6] = s3 * a3 + 2 * (s0 * a6 + s1 * a5 + s2 * a4);
  out[7] = 2 * (s0 * a7 + s1 * a6 + s2 * a5 + s3 * a4);
  out[8] = s4 * a4 + 2 * (s1 * a7 + s2 * a6 + s3 * a5);
  out[9] = 2 * (s2 * a7 + s3 * a6 + s4 * a5);
  out[10] = s5 * a5 + 2 * (s3 * a7 + s4 * a6);
  out[11] = 2 * (s4 * a7 + s5 * a6);
  out[12] = s6 * a6 + 2 * (s5 * a7);
  out[13] = 2 * (s6 * a7);
  out[14] = s7 * a7;
}

/** Adds the columns of a b to c0 and c16 (a's words below 2^32, b's below 2^32 + 2^10 in magnitude). */
function addProduct(a: Float64Array, b: Float64Array, c0: Float64Array, c16: Float64Array): void {
  productColumns(a, 0, b, c0);
  productColumns(a, 16, b, c16);
}

/** Adds to out the columns of s b, where s is a's low (shift 0) or high (shift 16) halves. */
function productColumns(a: Float64Array, shift: number, b: Float64Array, out: Float64Array): void {
  const a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3], a4 = a[4], a5 = a[5], a6 = a[6], a7 = a[7];
  const s0 = (a0 >>> shift) & 0xffff, s1 = (a1 >>> shift) & 0xffff, s2 = (a2 >>> shift) & 0xffff, s3 = (a3 >>> shift) & 0xffff;
  const s4 = (a4 >>> shift) & 0xffff, s5 = (a5 >>> shift) & 0xffff, s6 = (a6 >>> shift) & 0xffff, s7 = (a7 >>> shift) & 0xffff;
  const b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3], b4 = b[4], b5 = b[5], b6 = b[6], b7 = b[7];
  out[0] += s0 * b0;
  out[1] += s0 * b1 + s1 * b0;
  out[2] += s0 * b2 + s1 * b1 + s2 * b0;
  out[3] += s0 * b3 + s1 * b2 + s2 * b1 + s3 * b0;
  out[4] += s0 * b4 + s1 * b3 + s2 * b2 + s3 * b1 + s4 * b0;
  out[5] += s0 * b5 + s1 * b4 + s2 * b3 + s3 * b2 + s4 * b1 + s5 * b0;
  out[6] += s0 * b6 + s1 * b5 + s2 * b4 + s3 * b3 + s4 * b2 + s5 * b1 + s6 * b0;
  out[7] += s0 * b7 + s1 * b6 + s2 * b5 + s3 * b4 + s4 * b3 + s5 * b2 + s6 * b1 + s7 * b0;
  out[8] += s1 * b7 + s2 * b6 + s3 * b5 + s4 * b4 + s5 * b3 + s6 * b2 + s7 * b1;
  out[9] += s2 * b7 + s3 * b6 + s4 * b5 + s5 * b4 + s6 * b3 + s7 * b2;
  out[10] += s3 * b7 + s4 * b6 + s5 * b5 + s6 * b4 + s7 * b3;
  out[11] += s4 * b7 + s5 * b6 + s6 * b5 + s7 * b4;
  out[12] += s5 * b7 + s6 * b6 + s7 * b5;
  out[13] += s6 * b7 + s7 * b6;
  out[14] += s7 * b7;
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
