import { DerNode, nodeName, tagName } from '../der/index.js';
import type { DerViolation } from '../der/index.js';
import type { DecodeProblem } from './types.js';

/** What a decoder carries while it walks a tree: the bytes and where problems go. */
export class DecodeContext {
  readonly problems: DecodeProblem[] = [];
  /** bytes' buffer and where bytes start in it, read once: each is a slow getter. */
  private readonly buffer: ArrayBufferLike;
  private readonly base: number;

  constructor(
    readonly bytes: Uint8Array,
    readonly violations: DerViolation[],
  ) {
    this.buffer = bytes.buffer;
    this.base = bytes.byteOffset;
  }

  problem(path: string, offset: number, message: string): void {
    this.problems.push({ path, offset, message });
  }

  /** The node if it is the expected universal type, otherwise a problem and undefined. */
  expect(node: DerNode | undefined, tagNumber: number, path: string, parent?: DerNode): DerNode | undefined {
    if (node === undefined) {
      this.problem(path, parent ? parent.end : 0, `${path} is missing: expected ${tagName(0, tagNumber)}`);
      return undefined;
    }
    if (!node.is(tagNumber)) {
      this.problem(path, node.offset, `${path} is ${nodeName(node)} at offset ${node.offset}; expected ${tagName(0, tagNumber)}`);
      return undefined;
    }
    if (node.children === null && (tagNumber === 16 || tagNumber === 17)) {
      this.problem(path, node.offset, `${path} is not constructed`);
      return undefined;
    }
    return node;
  }

  /**
   * expect() for the field `field` of `base`: the path "base.field" is only made when there is a
   * problem to report, as the common case has none and a decode asks this some forty times.
   */
  expectField(node: DerNode | undefined, tagNumber: number, base: string, field: string, parent?: DerNode): DerNode | undefined {
    if (node !== undefined && node.tagClass === 0 && node.tagNumber === tagNumber && (node.children !== null || (tagNumber !== 16 && tagNumber !== 17))) return node;
    return this.expect(node, tagNumber, `${base}.${field}`, parent);
  }

  /** The whole element (identifier, length, content). */
  subarray(node: DerNode): Uint8Array {
    return this.view(node.offset, node.end);
  }

  content(node: DerNode): Uint8Array {
    return this.view(node.valueOffset, node.end);
  }

  /** bytes[start, end) as viewOf makes it: a model holds some twenty-five of these. */
  view(start: number, end: number): Uint8Array {
    // viewOf, with the buffer and offset read once per document.
    return new Uint8Array(this.buffer, this.base + start, end - start);
  }
}

/** Children of a constructed node (empty for primitive ones). */
export function kids(node: DerNode): DerNode[] {
  return node.children ?? EMPTY;
}

const EMPTY: DerNode[] = [];
