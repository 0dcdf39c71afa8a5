// PEM armour (RFC 7468, with RFC 1421 headers tolerated): every BEGIN...END block in a source,
// whatever text surrounds them. Each block yields one item or one problem, in file order.
import { decodeBase64 } from './base64.js';
import { ascii, isSpace, latin1, lineEnd, matchesAt } from './bytes.js';
import { LineCursor } from './lines.js';
import type { DetectedInput } from './types.js';

const DASH = 0x2d;
const BEGIN = ascii('-----BEGIN ');
const END = ascii('-----END ');

/**
 * The blocks of a source, or undefined when it holds no BEGIN line at all. A piece of a larger
 * source passes the line and item index it starts at.
 */
export function scanPem(bytes: Uint8Array, start: number, firstLine = 1, firstIndex = 0): DetectedInput | undefined {
  let at = findMarker(bytes, start, BEGIN);
  if (at < 0) return undefined;
  const result: DetectedInput = { items: [], problems: [] };
  const lines = new LineCursor(bytes, firstLine);
  for (let index = firstIndex; at >= 0; index++) {
    at = findMarker(bytes, readBlock(bytes, at, index, lines, result), BEGIN);
  }
  return result;
}

/** Reads the block whose BEGIN marker is at `at`; returns where to look for the next one. */
function readBlock(bytes: Uint8Array, at: number, index: number, lines: LineCursor, result: DetectedInput): number {
  const line = lines.lineOf(at);
  const labelStart = at + BEGIN.length;
  const labelEnd = findClosingDashes(bytes, labelStart);
  if (labelEnd < 0) {
    addProblem(result, index, line, `the BEGIN line at line ${line} is not closed by '-----'`);
    return lineEnd(bytes, at);
  }
  const label = latin1(bytes, labelStart, labelEnd);
  const bodyStart = skipHeaders(bytes, labelEnd + 5);
  const bodyEnd = findBodyEnd(bytes, bodyStart);
  if (bodyEnd < 0) {
    addProblem(result, index, line, `${blockName(label, line)} has no END line`);
    return bytes.length;
  }
  if (!matchesAt(bytes, bodyEnd, END)) {
    const next = lines.lineOf(bodyEnd);
    addProblem(result, index, line, `${blockName(label, line)} has no END line before the BEGIN line at line ${next}`);
    return bodyEnd;
  }
  const endLabelStart = bodyEnd + END.length;
  const endLabelEnd = findClosingDashes(bytes, endLabelStart);
  if (endLabelEnd < 0) {
    const endLine = lines.lineOf(bodyEnd);
    addProblem(result, index, line, `${blockName(label, line)}: its END line at line ${endLine} is not closed by '-----'`);
    return lineEnd(bytes, bodyEnd);
  }
  const next = endLabelEnd + 5;
  if (!sameBytes(bytes, labelStart, labelEnd, endLabelStart, endLabelEnd)) {
    const endLabel = latin1(bytes, endLabelStart, endLabelEnd);
    const endLine = lines.lineOf(bodyEnd);
    addProblem(result, index, line, `${blockName(label, line)} ends with a different label: 'END ${endLabel}' at line ${endLine}`);
    return next;
  }
  const decoded = decodeBase64(bytes, bodyStart, bodyEnd);
  if (!decoded.ok) {
    const where = decoded.offset < 0 ? '' : ` (${position(lines.locate(decoded.offset))})`;
    addProblem(result, index, line, `${blockName(label, line)}: ${decoded.reason}${where}`);
  } else if (decoded.bytes.length === 0) {
    addProblem(result, index, line, `${blockName(label, line)} holds no base64 data`);
  } else {
    result.items.push({ index, der: decoded.bytes, encoding: 'pem', label, line });
  }
  return next;
}

function addProblem(result: DetectedInput, index: number, line: number, message: string): void {
  result.problems.push({ index, message, line, kind: 'invalid-encoding' });
}

function blockName(label: string, line: number): string {
  return `PEM block '${label}' at line ${line}`;
}

function sameBytes(bytes: Uint8Array, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let i = 0; i < aEnd - aStart; i++) if (bytes[aStart + i] !== bytes[bStart + i]) return false;
  return true;
}

function position(at: { line: number; column: number }): string {
  return `line ${at.line}, column ${at.column}`;
}

/** First occurrence of a marker at or after `from`, found by jumping between dashes. */
function findMarker(bytes: Uint8Array, from: number, marker: Uint8Array): number {
  for (let i = bytes.indexOf(DASH, from); i >= 0; i = bytes.indexOf(DASH, i + 1)) {
    if (matchesAt(bytes, i, marker)) return i;
  }
  return -1;
}

/** Start of the '-----' that closes a BEGIN or END line, searching only that line. */
function findClosingDashes(bytes: Uint8Array, from: number): number {
  let run = 0;
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === DASH) {
      if (++run === 5) return i - 4;
    } else if (b === 0x0a || b === 0x0d) {
      return -1;
    } else {
      run = 0;
    }
  }
  return -1;
}

/**
 * Where the base64 starts after a BEGIN marker's closing dashes: the next line, unless data follows
 * on the same line; 'Key: value' header lines (and their indented continuations) and the blank
 * line after them are skipped.
 */
function skipHeaders(bytes: Uint8Array, from: number): number {
  const next = afterBlankRest(bytes, from);
  if (next < 0) return from;
  if (!startsWithHeaderKey(bytes, next)) return next;
  let p = next;
  while (p < bytes.length) {
    const afterBlank = afterBlankRest(bytes, p);
    if (afterBlank >= 0) return afterBlank;
    if (!startsWithHeaderKey(bytes, p) && bytes[p] !== 0x20 && bytes[p] !== 0x09) return p;
    p = lineEnd(bytes, p) + 1;
  }
  return p;
}

/** The offset after the line's LF when only whitespace is left on the line from `from`, else -1. */
function afterBlankRest(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a) return i + 1;
    if (!isSpace(b)) return -1;
  }
  return bytes.length;
}

/** Whether a line starts like 'Proc-Type:' (a short letters/digits/'-' key then a colon). */
function startsWithHeaderKey(bytes: Uint8Array, from: number): boolean {
  const limit = Math.min(bytes.length, from + 80);
  for (let i = from; i < limit; i++) {
    const b = bytes[i];
    if (b === 0x3a) return i > from;
    const keyChar = (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) || b === DASH;
    if (!keyChar) return false;
  }
  return false;
}

/**
 * Offset of the END marker closing the body, or of a BEGIN marker that comes first (the block was
 * not closed), or -1 at the end of the source. Other dashes are left for the decoder to report.
 */
function findBodyEnd(bytes: Uint8Array, from: number): number {
  for (let i = bytes.indexOf(DASH, from); i >= 0; i = bytes.indexOf(DASH, i + 1)) {
    if (matchesAt(bytes, i, END) || matchesAt(bytes, i, BEGIN)) return i;
  }
  return -1;
}
