// Hex text: pairs of digits, optionally split by whitespace or colons between bytes (as openssl
// prints them) and with one leading 0x.
import { describeByte } from './bytes.js';
import { decodeFailure, type DecodeResult } from './decode-result.js';
import { outputBuffer, takeOutput } from './output.js';

const SEPARATOR = 16;
const INVALID = 255;

/** Byte -> 4-bit value, SEPARATOR or INVALID. */
const TABLE = buildTable();

function buildTable(): Uint8Array {
  const table = new Uint8Array(256).fill(INVALID);
  for (let i = 0; i < 10; i++) table[0x30 + i] = i;
  for (let i = 0; i < 6; i++) {
    table[0x41 + i] = 10 + i;
    table[0x61 + i] = 10 + i;
  }
  for (const b of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x3a]) table[b] = SEPARATOR;
  return table;
}

export function isHexDigit(b: number): boolean {
  return TABLE[b] < 16;
}

/** Decodes src[start, end). */
export function decodeHex(src: Uint8Array, start = 0, end = src.length): DecodeResult {
  let i = start;
  while (i < end && TABLE[src[i]] === SEPARATOR && src[i] !== 0x3a) i++;
  if (i + 1 < end && src[i] === 0x30 && (src[i + 1] | 0x20) === 0x78) i += 2;
  const out = outputBuffer((end - i) >>> 1);
  let n = 0;
  let high = -1; // first digit of a byte still waiting for its second
  for (; i < end; i++) {
    const v = TABLE[src[i]];
    if (v < 16) {
      if (high < 0) high = v;
      else {
        out[n++] = (high << 4) | v;
        high = -1;
      }
    } else if (v === INVALID) {
      return decodeFailure(`invalid hex character ${describeByte(src[i])}`, i);
    } else if (high >= 0) {
      return decodeFailure(`a separator splits the two digits of a byte`, i);
    }
  }
  if (high >= 0) return decodeFailure(`odd number of hex digits`, -1);
  return { ok: true, bytes: takeOutput(out, n) };
}
