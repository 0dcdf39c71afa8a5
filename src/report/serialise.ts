import { toHex } from '../der/index.js';

/** Integers of more bits than this are written in hex: a decimal form of megabytes costs more than linear time. */
const DECIMAL_BITS = 256;

/**
 * Plain JSON for a model: bytes as lower-case hex, bigints as decimal strings (beyond 256 bits,
 * as 0x... hex), undefined dropped.
 */
export function toJsonValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return toHex(value);
  if (typeof value === 'bigint') return bigintText(value);
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toJsonValue(v);
    return out;
  }
  return value;
}

function bigintText(v: bigint): string {
  const magnitude = v < 0n ? -v : v;
  if (magnitude < 1n << BigInt(DECIMAL_BITS)) return v.toString();
  return `${v < 0n ? '-' : ''}0x${magnitude.toString(16)}`;
}
