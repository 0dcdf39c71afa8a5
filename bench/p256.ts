// npm run bench:p256: nanoseconds per call of p256PointProblem, the P-256 point check that
// cert.key.not-on-curve and csr.signature-invalid run on every key, over 4,096 distinct real
// public keys and the same keys with one bit of Y flipped (off the curve). Each key lies inside
// a 120-octet slot of one buffer, as a key lies inside its certificate's DER. It prints every
// round, then the best and the median: on a shared machine the best is the steady state.
import { createECDH } from 'node:crypto';
import { p256PointProblem } from '../src/rules/checks/p256-point.js';

const KEYS = 4096;
const SLOT = 120;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
/** Calls per round; even, so that exactly half are on the curve. */
const CALLS = 2 * Math.round(Number(process.env.BENCH_CALLS ?? 400_000) / 2);

/** Real points from fixed private keys, so every run times the same inputs. */
function points(): Uint8Array[] {
  const ecdh = createECDH('prime256v1');
  const buffer = new Uint8Array(2 * KEYS * SLOT);
  const out: Uint8Array[] = [];
  const put = (point: Uint8Array) => {
    const at = out.length * SLOT + 40;
    buffer.set(point, at);
    out.push(buffer.subarray(at, at + point.length));
  };
  for (let i = 1; i <= KEYS; i++) {
    const scalar = Buffer.alloc(32);
    scalar.writeUInt32BE((i * 2654435761) >>> 0, 28);
    scalar[0] = 0x5a;
    ecdh.setPrivateKey(scalar);
    const point = new Uint8Array(ecdh.getPublicKey());
    put(point);
    point[64] ^= 1;
    put(point);
  }
  return out;
}

function round(inputs: Uint8Array[]): { ns: number; onCurve: number } {
  let onCurve = 0;
  const t = process.hrtime.bigint();
  for (let i = 0, at = 0; i < CALLS; i++, at = at + 1 === inputs.length ? 0 : at + 1) if (p256PointProblem(inputs[at]) === undefined) onCurve++;
  return { ns: Number(process.hrtime.bigint() - t) / CALLS, onCurve };
}

const inputs = points();
round(inputs);
const times: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const { ns, onCurve } = round(inputs);
  // Half the inputs are on the curve: anything else means the check is wrong, not slow.
  if (onCurve !== CALLS / 2) throw new Error(`${onCurve} of ${CALLS} points on the curve, expected half`);
  times.push(ns);
}
const sorted = [...times].sort((a, b) => a - b);
console.log(`rounds (ns/call): ${times.map((t) => t.toFixed(0)).join(' ')}`);
console.log(`p256PointProblem: best ${sorted[0].toFixed(0)} ns/call, median ${sorted[sorted.length >> 1].toFixed(0)} ns/call`);
