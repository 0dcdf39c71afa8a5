// p256PointProblem (word arithmetic, no BigInt) against a BigInt reference kept here: real keys, the
// same keys with a bit flipped, coordinates at and around p, both roots wherever x^3 - 3x + b is a
// square, and seeded random coordinates, so that a failure repeats.
import { createECDH } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { p256PointProblem } from '../src/rules/checks/p256-point.js';

const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;
const TOP = (1n << 256n) - 1n;
const X_TOO_BIG = 'its X coordinate is not below the field prime p';
const Y_TOO_BIG = 'its Y coordinate is not below the field prime p';
const OFF_CURVE = 'it does not satisfy the curve equation y^2 = x^3 - 3x + b';

const mod = (v: bigint) => ((v % P) + P) % P;

function reference(point: Uint8Array): string | undefined {
  const x = big(point.subarray(1, 33));
  const y = big(point.subarray(33, 65));
  if (x >= P) return X_TOO_BIG;
  if (y >= P) return Y_TOO_BIG;
  return mod(y * y - (x * x * x - 3n * x + B)) === 0n ? undefined : OFF_CURVE;
}

function big(bytes: Uint8Array): bigint {
  return BigInt('0x' + Buffer.from(bytes).toString('hex'));
}

/** 04 || X || Y for coordinates below 2^256. */
function point(x: bigint, y: bigint): Uint8Array {
  return Uint8Array.from(Buffer.from('04' + x.toString(16).padStart(64, '0') + y.toString(16).padStart(64, '0'), 'hex'));
}

function rhs(x: bigint): bigint {
  return mod(x * x * x - 3n * x + B);
}

function power(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  for (let b = mod(base), e = exponent; e > 0n; e >>= 1n, b = (b * b) % P) if (e & 1n) result = (result * b) % P;
  return result;
}

/** A square root of v mod p (p = 3 mod 4), or undefined when v is not a square. */
function squareRoot(v: bigint): bigint | undefined {
  const root = power(v, (P + 1n) / 4n);
  return (root * root) % P === mod(v) ? root : undefined;
}

/** mulberry32: a small seeded generator, so that every run sees the same numbers. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** 32-bit words, least significant first, to a number. */
const fromWords = (words: number[]) => words.reduce((n, w, i) => n | (BigInt(w) << BigInt(32 * i)), 0n);

/** A coordinate whose words are drawn from the values where carries and bounds are at their edges. */
function edgyCoordinate(random: () => number): bigint {
  const edges = [0, 1, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];
  return fromWords(Array.from({ length: 8 }, () => (random() < 0.75 ? edges[Math.floor(random() * edges.length)] : Math.floor(random() * 2 ** 32))));
}

function randomCoordinate(random: () => number): bigint {
  return fromWords(Array.from({ length: 8 }, () => Math.floor(random() * 2 ** 32)));
}

/** Real public keys from seeded private keys, each below the group order. */
function realKeys(count: number, seed: number): Uint8Array[] {
  const random = generator(seed);
  const ecdh = createECDH('prime256v1');
  return Array.from({ length: count }, () => {
    const scalar = Buffer.from(Array.from({ length: 32 }, () => Math.floor(random() * 256)));
    scalar[0] = (scalar[0] & 0x7f) | 0x01;
    ecdh.setPrivateKey(scalar);
    return new Uint8Array(ecdh.getPublicKey());
  });
}

describe('p256PointProblem agrees with a BigInt reference', () => {
  const keys = realKeys(3000, 0x5eed);

  it('accepts thousands of real public keys, and each with its Y negated (the other root)', () => {
    for (const key of keys) {
      expect(p256PointProblem(key)).toBeUndefined();
      const x = big(key.subarray(1, 33));
      const y = big(key.subarray(33, 65));
      expect(p256PointProblem(point(x, P - y))).toBeUndefined();
      expect(reference(point(x, P - y))).toBeUndefined();
    }
  });

  it('rejects the same keys with one bit of X or Y flipped, exactly as the reference does', () => {
    const random = generator(0xf11b);
    let offCurve = 0;
    for (const key of keys) {
      const flipped = key.slice();
      const bit = Math.floor(random() * 512);
      flipped[1 + (bit >> 3)] ^= 0x80 >> (bit & 7);
      const expected = reference(flipped);
      expect(p256PointProblem(flipped), Buffer.from(flipped).toString('hex')).toBe(expected);
      if (expected === OFF_CURVE) offCurve++;
    }
    // A flipped key stays below p but leaves the curve (the seeded bits never make it p - y).
    expect(offCurve).toBe(keys.length);
  });

  it('decides coordinates 0, 1, p - 1, p, p + 1 and 2^256 - 1 in every combination', () => {
    const values = [0n, 1n, P - 1n, P, P + 1n, TOP];
    for (const x of values) {
      for (const y of values) {
        const expected = x >= P ? X_TOO_BIG : y >= P ? Y_TOO_BIG : OFF_CURVE;
        expect(reference(point(x, y))).toBe(expected);
        expect(p256PointProblem(point(x, y)), `x=${x} y=${y}`).toBe(expected);
      }
    }
  });

  it('accepts both roots at x = 0 (b is a square) and rejects their neighbours', () => {
    const root = squareRoot(B)!;
    expect(root).toBeDefined();
    for (const y of [root, P - root]) {
      expect(p256PointProblem(point(0n, y))).toBeUndefined();
      expect(p256PointProblem(point(0n, y + 1n))).toBe(OFF_CURVE);
      expect(p256PointProblem(point(0n, y - 1n))).toBe(OFF_CURVE);
    }
  });

  it('accepts both roots wherever x^3 - 3x + b is a square, and nothing at x where it is not', () => {
    const random = generator(0x500);
    const xs = [1n, 2n, 3n, P - 1n, P - 2n, P - 3n, (P - 1n) / 2n];
    for (let i = 0; i < 600; i++) xs.push(i % 2 === 0 ? randomCoordinate(random) % P : edgyCoordinate(random) % P);
    let squares = 0;
    for (const x of xs) {
      const root = squareRoot(rhs(x));
      if (root === undefined) {
        for (const y of [0n, 1n, P - 1n, randomCoordinate(random) % P]) expect(p256PointProblem(point(x, y)), `x=${x} y=${y}`).toBe(OFF_CURVE);
        continue;
      }
      squares++;
      for (const y of [root, P - root]) {
        expect(p256PointProblem(point(x, y)), `x=${x} y=${y}`).toBeUndefined();
        expect(p256PointProblem(point(x, (y + 1n) % P)), `x=${x} y=${y}+1`).toBe(OFF_CURVE);
      }
    }
    // About half of all x have a square on the right-hand side; both kinds are covered.
    expect(squares).toBeGreaterThan(200);
    expect(squares).toBeLessThan(xs.length - 200);
  });

  it('rejects points that miss the curve by a small amount, where y^2 - (x^3 - 3x + b) is a tiny multiple of 1 mod p', () => {
    // Off by one, or by a power of two, the exact sum sits right next to a multiple of p: only an
    // exact test tells them apart, a rounded one would not.
    const random = generator(0xde17a);
    const deltas = [1n, 2n, 3n, 5n, 1n << 32n, 1n << 64n, 1n << 96n, 1n << 192n, 1n << 224n, 1n << 255n];
    const xs = [0n, P - 3n, ...Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? randomCoordinate(random) : edgyCoordinate(random)) % P)];
    let tried = 0;
    for (const x of xs) {
      for (const delta of [...deltas, ...deltas.map((d) => -d)]) {
        const root = squareRoot(rhs(x) + delta);
        if (root === undefined) continue;
        tried++;
        for (const y of [root, P - root]) expect(p256PointProblem(point(x, y)), `x=${x} delta=${delta}`).toBe(OFF_CURVE);
      }
    }
    expect(tried).toBeGreaterThan(300);
  });

  it('matches on seeded random coordinates, uniform and with words at the edges of the arithmetic', () => {
    const random = generator(0xc0ffee);
    for (let i = 0; i < 20_000; i++) {
      const kind = i % 4;
      const x = kind === 0 ? randomCoordinate(random) : kind === 1 ? edgyCoordinate(random) : kind === 2 ? P - 1n - (randomCoordinate(random) >> 200n) : edgyCoordinate(random) % P;
      const y = kind === 0 ? randomCoordinate(random) : kind === 1 ? edgyCoordinate(random) : kind === 2 ? P + (randomCoordinate(random) >> 240n) - 8n : edgyCoordinate(random) % P;
      const candidate = point(x, y);
      expect(p256PointProblem(candidate), Buffer.from(candidate).toString('hex')).toBe(reference(candidate));
    }
  });

  it('reads a key inside a larger buffer, as a certificate holds it, and from a Node.js Buffer', () => {
    const key = keys[0];
    const document = new Uint8Array(200).fill(0xa5);
    document.set(key, 77);
    expect(p256PointProblem(document.subarray(77, 77 + 65))).toBeUndefined();
    document[77 + 64] ^= 1;
    expect(p256PointProblem(document.subarray(77, 77 + 65))).toBe(OFF_CURVE);
    expect(p256PointProblem(Buffer.from(key))).toBeUndefined();
  });

  it('gives the same answers whatever was checked before (the scratch space keeps nothing)', () => {
    const mixed = keys.slice(0, 200).flatMap((key, i) => {
      const other = key.slice();
      other[i % 2 === 0 ? 2 : 40] ^= 4;
      return [key, other, point(P + BigInt(i), 1n), point(1n, P + BigInt(i))];
    });
    const forward = mixed.map((p) => p256PointProblem(p));
    const backward = [...mixed].reverse().map((p) => p256PointProblem(p)).reverse();
    expect(backward).toEqual(forward);
    expect(forward).toEqual(mixed.map(reference));
  });
});
