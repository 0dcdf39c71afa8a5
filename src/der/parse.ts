import { asBytes } from './bytes.js';
import type { BytesLike } from './bytes.js';
import { checkPrimitive } from './content-checks.js';
import { DerNode, Tag, tagName } from './node.js';
import type { DerViolation } from './violations.js';

export interface DerParseOptions {
  /** Deepest nesting accepted; deeper content is reported and not descended into. */
  maxDepth?: number;
  /** Report bytes after the outermost element (default true). */
  reportTrailing?: boolean;
}

export interface DerParseResult {
  /** The outermost element, or null when not even its header could be read. */
  root: DerNode | null;
  /** Every DER rule broken, in byte order of discovery. */
  violations: DerViolation[];
  /** Set when the reader had to stop early (unreadable header, truncation): the tree is partial. */
  incomplete: boolean;
}

const DEFAULT_MAX_DEPTH = 64;

// Universal types DER requires to be primitive (X.690 10.2) and constructed.
const PRIMITIVE_ONLY = new Uint8Array(32);
for (const t of [1, 2, 3, 4, 5, 6, 9, 10, 12, 13, 14, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30]) PRIMITIVE_ONLY[t] = 1;

interface Frame {
  node: DerNode;
  /** Where the node's content must end (for indefinite length: the parent's limit). */
  limit: number;
  indefinite: boolean;
}

/**
 * Reads one DER element (and everything inside it) from bytes[start, end) without copying.
 * Never throws on bad bytes (only on arguments that are not bytes, or a range outside them): every
 * departure from DER is returned as a violation with its byte offset.
 * Iterative with an explicit stack, so crafted nesting cannot exhaust the call stack.
 */
export function parseDer(input: BytesLike, start?: number, end?: number, options: DerParseOptions = {}): DerParseResult {
  const bytes = asBytes(input, 'parseDer: bytes');
  start ??= 0;
  end ??= bytes.length;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > bytes.length || start > end) {
    throw new RangeError(`parseDer: start ${start} and end ${end} must be whole numbers with 0 <= start <= end <= ${bytes.length} (the length of bytes)`);
  }
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const violations: DerViolation[] = [];
  const report = (v: DerViolation) => violations.push(v);
  const stack: Frame[] = [];
  let root: DerNode | null = null;
  let pos = start;
  let incomplete = false;
  let truncationReported = false;

  for (;;) {
    const frame = stack.length > 0 ? stack[stack.length - 1] : null;
    if (frame === null && root !== null) break;
    const limit = frame ? frame.limit : end;

    if (frame !== null) {
      if (frame.indefinite && pos + 1 < limit && bytes[pos] === 0 && bytes[pos + 1] === 0) {
        frame.node.end = pos + 2;
        pos += 2;
        closeFrame(bytes, stack.pop()!, report);
        continue;
      }
      if (pos >= limit) {
        if (frame.indefinite) {
          if (!truncationReported) {
            report({ kind: 'truncated', offset: frame.node.offset, message: `indefinite-length ${tagName(frame.node.tagClass, frame.node.tagNumber)} has no end-of-contents octets` });
            truncationReported = true;
          }
          frame.node.end = limit;
          incomplete = true;
        }
        closeFrame(bytes, stack.pop()!, report);
        continue;
      }
    } else if (pos >= end) {
      report({ kind: 'truncated', offset: pos, message: 'no DER element: the input is empty' });
      return { root: null, violations, incomplete: true };
    }

    // Identifier octets.
    const offset = pos;
    const first = bytes[pos++];
    const tagClass = first >> 6;
    const constructed = (first & 0x20) !== 0;
    let tagNumber = first & 0x1f;
    if (tagNumber === 0x1f) {
      tagNumber = 0;
      let count = 0;
      let b: number;
      do {
        if (pos >= limit || count === 4) {
          if (count === 4 || !truncationReported) report({ kind: pos >= limit ? 'truncated' : 'length.invalid', offset, message: 'tag number does not end within the element' });
          return finish(root, violations, true, stack);
        }
        b = bytes[pos++];
        if (count === 0 && b === 0x80) report({ kind: 'tag.non-minimal', offset, message: 'high tag number starts with a 0x80 padding octet' });
        tagNumber = tagNumber * 128 + (b & 0x7f);
        count++;
      } while (b & 0x80);
      if (tagNumber < 31) report({ kind: 'tag.non-minimal', offset, message: `tag number ${tagNumber} uses the high-tag-number form; DER requires the single-octet form below 31` });
    }

    // Length octets.
    if (pos >= limit) {
      if (!truncationReported) report({ kind: 'truncated', offset, message: `${tagName(tagClass, tagNumber)} at offset ${offset} has no length octets` });
      return finish(root, violations, true, stack);
    }
    const lenByte = bytes[pos++];
    let length = 0;
    let indefinite = false;
    if (lenByte < 0x80) {
      length = lenByte;
    } else if (lenByte === 0x80) {
      indefinite = true;
      report({ kind: 'length.indefinite', offset, message: `${tagName(tagClass, tagNumber)} uses the indefinite length form; DER requires a definite length` });
      if (!constructed) {
        report({ kind: 'length.invalid', offset, message: 'a primitive element cannot have an indefinite length' });
        return finish(root, violations, true, stack);
      }
    } else {
      const n = lenByte & 0x7f;
      if (n > 4 || lenByte === 0xff) {
        report({ kind: 'length.invalid', offset, message: `${tagName(tagClass, tagNumber)} declares ${n} length octets; lengths this large cannot be present` });
        return finish(root, violations, true, stack);
      }
      if (pos + n > limit) {
        if (!truncationReported) report({ kind: 'truncated', offset, message: `${tagName(tagClass, tagNumber)} length octets run past the end of the data` });
        return finish(root, violations, true, stack);
      }
      for (let i = 0; i < n; i++) length = length * 256 + bytes[pos++];
      if (bytes[pos - n] === 0 || length < 0x80) {
        report({ kind: 'length.non-minimal', offset, message: `${tagName(tagClass, tagNumber)} length ${length} is written in ${n + 1} octets; DER requires the shortest form (${length < 0x80 ? 'one octet' : `${minimalLengthOctets(length)} octets`})` });
      }
    }

    const headerLength = pos - offset;
    let contentEnd = indefinite ? limit : pos + length;
    if (contentEnd > limit) {
      if (!truncationReported) {
        report({ kind: 'truncated', offset, message: `${tagName(tagClass, tagNumber)} declares ${length} content octets but only ${limit - pos} remain` });
        truncationReported = true;
      }
      contentEnd = limit;
      incomplete = true;
    }

    const node = new DerNode(tagClass, constructed, tagNumber, offset, headerLength, contentEnd, constructed ? [] : null);
    if (frame) frame.node.children!.push(node);
    else root = node;

    if (tagClass === 0) {
      if (tagNumber === 0) {
        report({ kind: 'form', offset, message: 'end-of-contents octets outside an indefinite-length encoding' });
      } else if (constructed && tagNumber < 32 && PRIMITIVE_ONLY[tagNumber] === 1) {
        report({ kind: 'form', offset, message: `${tagName(0, tagNumber)} is encoded in the constructed form; DER requires the primitive form` });
      } else if (!constructed && (tagNumber === Tag.Sequence || tagNumber === Tag.Set)) {
        report({ kind: 'form', offset, message: `${tagName(0, tagNumber)} is encoded in the primitive form; it must be constructed` });
      } else if (!constructed) {
        checkPrimitive(bytes, tagNumber, offset, pos, contentEnd, report);
      }
    }

    if (constructed) {
      if (stack.length >= maxDepth) {
        report({ kind: 'depth', offset, message: `nesting deeper than ${maxDepth} levels; content not read` });
        incomplete = true;
        if (indefinite) return finish(root, violations, true, stack);
        node.children = null;
        pos = contentEnd;
      } else {
        stack.push({ node, limit: contentEnd, indefinite });
      }
    } else {
      pos = contentEnd;
    }
  }

  if (options.reportTrailing !== false && root !== null && root.end < end) {
    report({ kind: 'trailing-bytes', offset: root.end, message: `${end - root.end} byte(s) follow the end of the outermost element at offset ${root.end}` });
  }
  return { root, violations, incomplete };
}

function minimalLengthOctets(length: number): number {
  let n = 1;
  while (length > 0xff) {
    length = Math.floor(length / 256);
    n++;
  }
  return n + 1;
}

/** Stops early: open frames keep their declared ends; the tree is marked incomplete. */
function finish(root: DerNode | null, violations: DerViolation[], incomplete: boolean, stack: Frame[]): DerParseResult {
  for (const f of stack) if (f.indefinite) f.node.end = f.limit;
  return { root, violations, incomplete };
}

function closeFrame(bytes: Uint8Array, frame: Frame, report: (v: DerViolation) => void): void {
  const node = frame.node;
  if (node.tagClass === 0 && node.tagNumber === Tag.Set && node.children!.length > 1) checkSetOrder(bytes, node, report);
}

/** X.690 11.6: SET OF elements in ascending order of their encodings (shorter padded with zeros). */
function checkSetOrder(bytes: Uint8Array, set: DerNode, report: (v: DerViolation) => void): void {
  const kids = set.children!;
  for (let k = 1; k < kids.length; k++) {
    if (compareEncodings(bytes, kids[k - 1], kids[k]) > 0) {
      report({ kind: 'set.order', offset: kids[k].offset, message: `SET element at offset ${kids[k].offset} sorts before the one at offset ${kids[k - 1].offset}; DER requires SET OF elements in ascending order of their encodings` });
      return;
    }
  }
}

function compareEncodings(bytes: Uint8Array, a: DerNode, b: DerNode): number {
  const la = a.end - a.offset;
  const lb = b.end - b.offset;
  const n = Math.max(la, lb);
  for (let i = 0; i < n; i++) {
    const x = i < la ? bytes[a.offset + i] : 0;
    const y = i < lb ? bytes[b.offset + i] : 0;
    if (x !== y) return x - y;
  }
  return 0;
}
