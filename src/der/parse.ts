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

/**
 * The elements being read, innermost last, as parallel lists indexed by depth (no object per
 * element, and no push or pop): each one's node, where its content must end (for indefinite
 * length: the parent's limit), whether its length is indefinite, and where its children start in
 * `kids`. Children are gathered on one list and copied out at their exact count when their
 * element closes: a growing array per element would allocate room for 17 children where
 * certificates mostly have one to three.
 */
class OpenElements {
  depth = 0;
  /**
   * The lists that hold nodes are made for each read, young like the nodes: storing a new object
   * into a long-lived list takes the garbage collector's write barrier down its slow path, which
   * was 3% of a certificate's decode and lint. The number lists are shared: numbers need no barrier.
   */
  nodes: DerNode[] = NO_NODES;
  private kids: DerNode[] = NO_NODES;
  readonly limits: number[] = [];
  readonly indefinite: boolean[] = [];
  private readonly kidsFrom: number[] = [];
  private kidsTop = 0;

  /** Starts a read (whatever an earlier one left, which only a throw would). */
  begin(): void {
    this.depth = 0;
    this.kidsTop = 0;
    this.nodes = [];
    this.kids = [];
  }

  /** Ends a read: the lists, however long a hostile input made them, are not kept. */
  end(): void {
    this.nodes = NO_NODES;
    this.kids = NO_NODES;
  }

  open(node: DerNode, limit: number, indefinite: boolean): void {
    const d = this.depth++;
    this.nodes[d] = node;
    this.limits[d] = limit;
    this.indefinite[d] = indefinite;
    this.kidsFrom[d] = this.kidsTop;
  }

  /** A child of the innermost open element. */
  addChild(node: DerNode): void {
    this.kids[this.kidsTop++] = node;
  }

  /** Closes the innermost element: its children become its own array. */
  close(): DerNode {
    const d = --this.depth;
    const node = this.nodes[d];
    const from = this.kidsFrom[d];
    const count = this.kidsTop - from;
    if (count > COPIED_CHILDREN) {
      node.children = this.kids.slice(from, this.kidsTop);
    } else {
      // Copied by hand: slice() costs more than the copy for the one to ten children of most elements.
      const children: DerNode[] = new Array(count);
      for (let i = 0; i < count; i++) children[i] = this.kids[from + i];
      node.children = children;
    }
    this.kidsTop = from;
    return node;
  }
}

const NO_NODES: DerNode[] = [];

/** Above this many children, slice(): a very long new Array(n) is made as a slow, dictionary-backed array. */
const COPIED_CHILDREN = 1024;

/** One set of lists for every call: a read never calls out to code that could start another. */
const OPEN = new OpenElements();

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
  return readDer(bytes, start, end, [], options.reportTrailing !== false, options.maxDepth ?? DEFAULT_MAX_DEPTH);
}

/**
 * parseDer on a range already checked, its violations appended to `violations` (which the result
 * holds): a decoder reading an element inside a document, such as an extension's value, adds them
 * to the document's list without a list of their own to copy from.
 */
export function readDer(bytes: Uint8Array, start: number, end: number, violations: DerViolation[], reportTrailing = true, maxDepth = DEFAULT_MAX_DEPTH): DerParseResult {
  const open = OPEN;
  open.begin();
  let root: DerNode | null = null;
  let pos = start;
  let incomplete = false;
  let truncationReported = false;

  for (;;) {
    const depth = open.depth;
    if (depth === 0 && root !== null) break;
    const limit = depth > 0 ? open.limits[depth - 1] : end;

    if (depth > 0) {
      const indefinite = open.indefinite[depth - 1];
      if (indefinite && pos + 1 < limit && bytes[pos] === 0 && bytes[pos + 1] === 0) {
        open.nodes[depth - 1].end = pos + 2;
        pos += 2;
        checkClosed(bytes, open.close(), violations);
        continue;
      }
      if (pos >= limit) {
        if (indefinite) {
          const node = open.nodes[depth - 1];
          if (!truncationReported) {
            violations.push({ kind: 'truncated', offset: node.offset, message: `indefinite-length ${tagName(node.tagClass, node.tagNumber)} has no end-of-contents octets` });
            truncationReported = true;
          }
          node.end = limit;
          incomplete = true;
        }
        checkClosed(bytes, open.close(), violations);
        continue;
      }
    } else if (pos >= end) {
      violations.push({ kind: 'truncated', offset: pos, message: 'no DER element: the input is empty' });
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
          if (count === 4 || !truncationReported) violations.push({ kind: pos >= limit ? 'truncated' : 'length.invalid', offset, message: 'tag number does not end within the element' });
          return finish(root, violations, open);
        }
        b = bytes[pos++];
        if (count === 0 && b === 0x80) violations.push({ kind: 'tag.non-minimal', offset, message: 'high tag number starts with a 0x80 padding octet' });
        tagNumber = tagNumber * 128 + (b & 0x7f);
        count++;
      } while (b & 0x80);
      if (tagNumber < 31) violations.push({ kind: 'tag.non-minimal', offset, message: `tag number ${tagNumber} uses the high-tag-number form; DER requires the single-octet form below 31` });
    }

    // Length octets.
    if (pos >= limit) {
      if (!truncationReported) violations.push({ kind: 'truncated', offset, message: `${tagName(tagClass, tagNumber)} at offset ${offset} has no length octets` });
      return finish(root, violations, open);
    }
    const lenByte = bytes[pos++];
    let length = 0;
    let indefinite = false;
    if (lenByte < 0x80) {
      length = lenByte;
    } else if (lenByte === 0x80) {
      indefinite = true;
      violations.push({ kind: 'length.indefinite', offset, message: `${tagName(tagClass, tagNumber)} uses the indefinite length form; DER requires a definite length` });
      if (!constructed) {
        violations.push({ kind: 'length.invalid', offset, message: 'a primitive element cannot have an indefinite length' });
        return finish(root, violations, open);
      }
    } else {
      const n = lenByte & 0x7f;
      if (n > 4 || lenByte === 0xff) {
        violations.push({ kind: 'length.invalid', offset, message: `${tagName(tagClass, tagNumber)} declares ${n} length octets; lengths this large cannot be present` });
        return finish(root, violations, open);
      }
      if (pos + n > limit) {
        if (!truncationReported) violations.push({ kind: 'truncated', offset, message: `${tagName(tagClass, tagNumber)} length octets run past the end of the data` });
        return finish(root, violations, open);
      }
      for (let i = 0; i < n; i++) length = length * 256 + bytes[pos++];
      if (bytes[pos - n] === 0 || length < 0x80) {
        violations.push({ kind: 'length.non-minimal', offset, message: `${tagName(tagClass, tagNumber)} length ${length} is written in ${n + 1} octets; DER requires the shortest form (${length < 0x80 ? 'one octet' : `${minimalLengthOctets(length)} octets`})` });
      }
    }

    const headerLength = pos - offset;
    let contentEnd = indefinite ? limit : pos + length;
    if (contentEnd > limit) {
      if (!truncationReported) {
        violations.push({ kind: 'truncated', offset, message: `${tagName(tagClass, tagNumber)} declares ${length} content octets but only ${limit - pos} remain` });
        truncationReported = true;
      }
      contentEnd = limit;
      incomplete = true;
    }

    // A constructed node's children are set when it closes.
    const node = new DerNode(tagClass, constructed, tagNumber, offset, headerLength, contentEnd, null);
    if (depth > 0) open.addChild(node);
    else root = node;

    if (tagClass === 0) {
      if (tagNumber === 0) {
        violations.push({ kind: 'form', offset, message: 'end-of-contents octets outside an indefinite-length encoding' });
      } else if (constructed && tagNumber < 32 && PRIMITIVE_ONLY[tagNumber] === 1) {
        violations.push({ kind: 'form', offset, message: `${tagName(0, tagNumber)} is encoded in the constructed form; DER requires the primitive form` });
      } else if (!constructed && (tagNumber === Tag.Sequence || tagNumber === Tag.Set)) {
        violations.push({ kind: 'form', offset, message: `${tagName(0, tagNumber)} is encoded in the primitive form; it must be constructed` });
      } else if (!constructed) {
        checkPrimitive(bytes, tagNumber, offset, pos, contentEnd, violations);
      }
    }

    if (constructed) {
      if (depth >= maxDepth) {
        violations.push({ kind: 'depth', offset, message: `nesting deeper than ${maxDepth} levels; content not read` });
        incomplete = true;
        if (indefinite) return finish(root, violations, open);
        pos = contentEnd;
      } else {
        open.open(node, contentEnd, indefinite);
      }
    } else {
      pos = contentEnd;
    }
  }

  if (reportTrailing && root !== null && root.end < end) {
    violations.push({ kind: 'trailing-bytes', offset: root.end, message: `${end - root.end} byte(s) follow the end of the outermost element at offset ${root.end}` });
  }
  open.end();
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

/** Stops early: open elements keep what was read of them and their declared ends; the tree is marked incomplete. */
function finish(root: DerNode | null, violations: DerViolation[], open: OpenElements): DerParseResult {
  while (open.depth > 0) {
    const limit = open.limits[open.depth - 1];
    if (open.indefinite[open.depth - 1]) open.nodes[open.depth - 1].end = limit;
    open.close();
  }
  open.end();
  return { root, violations, incomplete: true };
}

function checkClosed(bytes: Uint8Array, node: DerNode, violations: DerViolation[]): void {
  if (node.tagClass === 0 && node.tagNumber === Tag.Set && node.children!.length > 1) checkSetOrder(bytes, node, violations);
}

/** X.690 11.6: SET OF elements in ascending order of their encodings (shorter padded with zeros). */
function checkSetOrder(bytes: Uint8Array, set: DerNode, violations: DerViolation[]): void {
  const kids = set.children!;
  for (let k = 1; k < kids.length; k++) {
    if (compareEncodings(bytes, kids[k - 1], kids[k]) > 0) {
      violations.push({ kind: 'set.order', offset: kids[k].offset, message: `SET element at offset ${kids[k].offset} sorts before the one at offset ${kids[k - 1].offset}; DER requires SET OF elements in ascending order of their encodings` });
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
