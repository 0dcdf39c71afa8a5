// Strict RFC 4648 base64 (standard alphabet, '=' padding required, unused bits zero), skipping
// whitespace anywhere between characters so any line width and LF or CRLF decode alike.
import { describeByte } from './bytes.js';
import { decodeFailure, type DecodeResult } from './decode-result.js';
import { outputBuffer, takeOutput } from './output.js';

const PAD = 64;
const SPACE = 65;
const INVALID = 255;

/** Byte -> 6-bit value, PAD, SPACE or INVALID. */
const TABLE = buildTable();

function buildTable(): Uint8Array {
  const table = new Uint8Array(256).fill(INVALID);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < 64; i++) table[alphabet.charCodeAt(i)] = i;
  table[0x3d] = PAD;
  for (const b of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]) table[b] = SPACE;
  return table;
}

/** Whether `b` is one of the 64 alphabet characters. */
export function isBase64Char(b: number): boolean {
  return TABLE[b] < 64;
}

/** Decodes src[start, end). */
export function decodeBase64(src: Uint8Array, start = 0, end = src.length): DecodeResult {
  const out = outputBuffer(((end - start) >>> 2) * 3 + 3);
  let n = 0;
  let acc = 0;
  let k = 0; // characters of the current group of four seen so far
  let i = start;
  while (i < end) {
    if (k === 0) {
      // Whole groups of four alphabet characters: the common case between line breaks.
      while (i + 4 <= end) {
        const a = TABLE[src[i]];
        const b = TABLE[src[i + 1]];
        const c = TABLE[src[i + 2]];
        const d = TABLE[src[i + 3]];
        if ((a | b | c | d) > 63) break;
        const v = (a << 18) | (b << 12) | (c << 6) | d;
        out[n] = v >>> 16;
        out[n + 1] = v >>> 8;
        out[n + 2] = v;
        n += 3;
        i += 4;
      }
      if (i >= end) break;
    }
    const v = TABLE[src[i]];
    if (v < 64) {
      acc = (acc << 6) | v;
      if (++k === 4) {
        out[n] = acc >>> 16;
        out[n + 1] = acc >>> 8;
        out[n + 2] = acc;
        n += 3;
        k = 0;
        acc = 0;
      }
    } else if (v === PAD) {
      return finishPadded(src, i, end, out, n, acc, k);
    } else if (v !== SPACE) {
      return decodeFailure(`invalid base64 character ${describeByte(src[i])}`, i);
    }
    i++;
  }
  if (k !== 0) {
    return decodeFailure(
      `the base64 data stops ${k} character${k === 1 ? '' : 's'} into a group of four (missing '=' padding or truncated)`,
      -1,
    );
  }
  return { ok: true, bytes: takeOutput(out, n) };
}

/** Handles the final group from its first '=' at `at`; only whitespace may follow the padding. */
function finishPadded(
  src: Uint8Array, at: number, end: number, out: Uint8Array, n: number, acc: number, k: number,
): DecodeResult {
  if (k < 2) return decodeFailure(`misplaced '=' padding`, at);
  let pads = 0;
  for (let j = at; j < end; j++) {
    const v = TABLE[src[j]];
    if (v === PAD) pads++;
    else if (v === INVALID) return decodeFailure(`invalid base64 character ${describeByte(src[j])}`, j);
    else if (v !== SPACE) return decodeFailure(`data after the '=' padding`, j);
  }
  const expected = 4 - k;
  if (pads !== expected) {
    return decodeFailure(`${pads} '=' padding character${pads === 1 ? '' : 's'} where ${expected} ${expected === 1 ? 'is' : 'are'} needed`, at);
  }
  if (k === 2) {
    if ((acc & 0x0f) !== 0) return decodeFailure(`non-canonical base64: the unused bits before the padding are not zero`, at);
    out[n++] = acc >>> 4;
  } else {
    if ((acc & 0x03) !== 0) return decodeFailure(`non-canonical base64: the unused bits before the padding are not zero`, at);
    out[n++] = acc >>> 10;
    out[n++] = acc >>> 2;
  }
  return { ok: true, bytes: takeOutput(out, n) };
}
