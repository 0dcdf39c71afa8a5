// Unarmoured input: base64 or hex, one blob or several separated by blank lines. Only used when
// every non-blank line is hex or a single token (base64, perhaps with a bad character), so prose
// is never mistaken for data; a blob that fails is reported only if it starts like DER.
import { hexPreview, isSpace } from './bytes.js';
import { decodeBase64 } from './base64.js';
import { decodeHex } from './hex.js';
import { LineCursor } from './lines.js';
import { nameBinary } from './magic.js';
import type { DetectedInput, ItemEncoding } from './types.js';

/** Line classes: which encodings a line could belong to. */
const HEX = 1;
const BASE64 = 2;
/** One unbroken token of printable ASCII: base64 with a bad character, or a single word. */
const TOKEN = 4;

/** Byte -> the line classes it may appear in (inside a line, after trimming). */
const CLASS = buildClassTable();

function buildClassTable(): Uint8Array {
  const table = new Uint8Array(256);
  for (let b = 0x21; b < 0x7f; b++) table[b] = TOKEN;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=';
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = BASE64 | TOKEN;
  for (const c of '0123456789abcdefABCDEF') table[c.charCodeAt(0)] = HEX | BASE64 | TOKEN;
  table[0x3a] = HEX | TOKEN;
  // Hex may be grouped by spaces within a line; base64 is one unbroken token per line.
  table[0x20] = HEX;
  table[0x09] = HEX;
  return table;
}

/** Decoded size from which non-DER base64 or hex is reported as such rather than as text. */
const MIN_HINT_BYTES = 16;

interface Blob {
  start: number;
  end: number;
  line: number;
  classes: number;
}

export interface BareScan {
  /** Set when the source is bare base64 or hex: one outcome per blob. */
  result?: DetectedInput;
  /** Set when it is base64 or hex of something that is not DER: what it decodes to. */
  hint?: string;
}

export function scanBare(bytes: Uint8Array, start: number): BareScan {
  const blobs = findBlobs(bytes, start);
  if (blobs === undefined || blobs.length === 0) return {};
  const result: DetectedInput = { items: [], problems: [] };
  const lines = new LineCursor(bytes);
  let derLike = false;
  let hint: string | undefined;
  blobs.forEach((blob, index) => {
    const encoding: ItemEncoding = blob.classes & HEX ? 'hex' : 'base64';
    const what = `${encoding} data at line ${blob.line}`;
    const decoded = encoding === 'hex' ? decodeHex(bytes, blob.start, blob.end) : decodeBase64(bytes, blob.start, blob.end);
    const problem = (message: string): void => {
      result.problems.push({ index, message, line: blob.line, kind: 'invalid-encoding' });
    };
    if (!decoded.ok) {
      derLike ||= startsLikeDer(bytes, blob.start, encoding);
      const at = decoded.offset < 0 ? undefined : lines.locate(decoded.offset);
      problem(`${what}: ${decoded.reason}${at ? ` (line ${at.line}, column ${at.column})` : ''}`);
    } else if (decoded.bytes.length > 0 && decoded.bytes[0] === 0x30) {
      derLike = true;
      result.items.push({ index, der: decoded.bytes, encoding, line: blob.line });
    } else {
      const name = nameBinary(decoded.bytes);
      const found = `bytes that are not DER (${name ? `${name}, ` : ''}first bytes ${hexPreview(decoded.bytes) || 'none'})`;
      // Short tokens are more likely words than data; those are described as text instead.
      if (decoded.bytes.length >= MIN_HINT_BYTES) hint ??= `${encoding} text that decodes to ${found}`;
      problem(`${what} decodes to ${found}`);
    }
  });
  return derLike ? { result } : { hint };
}

/**
 * The blobs of a source (runs of non-blank lines that fit one class), or undefined when some line
 * is prose: neither hex nor a single token.
 */
function findBlobs(bytes: Uint8Array, start: number): Blob[] | undefined {
  const blobs: Blob[] = [];
  let open: Blob | undefined;
  let padded = false;
  let line = 1;
  for (let pos = start; pos < bytes.length; line++) {
    const lf = bytes.indexOf(0x0a, pos);
    const stop = lf < 0 ? bytes.length : lf;
    let s = pos;
    let e = stop;
    pos = stop + 1;
    while (s < e && isSpace(bytes[s])) s++;
    while (e > s && isSpace(bytes[e - 1])) e--;
    if (s === e) {
      open = undefined;
      continue;
    }
    const classes = classify(bytes, s, e);
    if (classes === 0) return undefined;
    // Padding ends a base64 blob, so certificates pasted one after another still separate.
    if (padded && bytes[s] !== 0x3d) open = undefined;
    padded = bytes[e - 1] === 0x3d;
    if (open && (open.classes & classes) !== 0) {
      open.classes &= classes;
      open.end = e;
    } else {
      open = { start: s, end: e, line, classes };
      blobs.push(open);
    }
  }
  return blobs;
}

/** The line classes a trimmed non-empty line fits, 0 for text. */
function classify(bytes: Uint8Array, s: number, e: number): number {
  let classes = HEX | BASE64 | TOKEN;
  for (let i = s; i < e && classes !== 0; i++) classes &= CLASS[bytes[i]];
  // A '0x' prefix makes a line hex; the same line may still be base64 ('0XAA...' in a wrapped blob).
  if (e - s > 2 && bytes[s] === 0x30 && (bytes[s + 1] | 0x20) === 0x78) {
    let rest = HEX;
    for (let i = s + 2; i < e && rest !== 0; i++) rest &= CLASS[bytes[i]];
    classes |= rest;
  }
  return classes;
}

/** Whether encoded data begins like a DER SEQUENCE (base64 'M' then A-P, hex '30'). */
function startsLikeDer(bytes: Uint8Array, at: number, encoding: ItemEncoding): boolean {
  if (encoding === 'base64') return bytes[at] === 0x4d && bytes[at + 1] >= 0x41 && bytes[at + 1] <= 0x50;
  if (bytes[at] === 0x30 && (bytes[at + 1] | 0x20) === 0x78) at += 2;
  return bytes[at] === 0x33 && bytes[at + 1] === 0x30;
}
