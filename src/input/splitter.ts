// A source larger than the item size limit is read in pieces, never whole: this splits its bytes,
// as they arrive, at PEM BEGIN markers, and hands each block to the PEM reader on its own. Memory
// stays bounded by the limit: a block, or a stretch between blocks, longer than the limit ends
// the source with one problem that names its offset. Browser-safe: bytes in, items out.
import { ascii } from './bytes.js';
import { scanPem } from './pem.js';
import type { DetectedInput, InputProblem } from './types.js';

/** Where in a source an item starts: byte offset, item index, 1-based line. */
export interface SourcePosition {
  offset: number;
  index: number;
  line: number;
}

/** The items of one piece of a source, numbered and located within the whole source. */
export interface SourcePart {
  at: SourcePosition;
  detected: DetectedInput;
}

const DASH = 0x2d;
const LF = 0x0a;
const CR = 0x0d;
const BEGIN = ascii('-----BEGIN ');
const END = ascii('-----END ');

export interface SplitterOptions {
  /** The longest item, and the longest stretch between items, in bytes. */
  limit: number;
  /** Where the bytes pushed first sit in the source (default: its start). */
  from?: SourcePosition;
  /** No item starting at or after this offset is read: the next piece of the source starts there. */
  end?: number;
  /** What the source holds, for the problem raised when its start has no PEM block within the limit. */
  describeStart?: string;
}

export class PemSplitter {
  private buf = new Uint8Array(64 * 1024);
  /** Live bytes are buf[head, len); buf[head] is at source offset `offset`. */
  private head = 0;
  private len = 0;
  private offset: number;
  private line: number;
  private index: number;
  /** Inside a block (from its BEGIN marker at head) rather than between blocks. */
  private inBlock = false;
  /** Source offset where the current stretch between blocks began. */
  private gapStart: number;
  /** Where to resume searching, relative to head. */
  private scan = 0;
  private stopped = false;
  /** Parts completed by the current push. */
  private out: SourcePart[] = [];
  private readonly limit: number;
  private readonly end: number;
  private readonly describeStart?: string;

  constructor(options: SplitterOptions) {
    const from = options.from ?? { offset: 0, index: 0, line: 1 };
    this.offset = from.offset;
    this.line = from.line;
    this.index = from.index;
    this.gapStart = from.offset;
    this.limit = options.limit;
    this.end = options.end ?? Infinity;
    this.describeStart = options.describeStart;
  }

  /** Nothing more will be read: the limit was passed, or the piece's end was reached. */
  get done(): boolean {
    return this.stopped;
  }

  /** The position of the next item, were one to start here. */
  get position(): SourcePosition {
    return { offset: this.offset, index: this.index, line: this.line };
  }

  /** Takes the next bytes of the source; returns the parts they complete. */
  push(chunk: Uint8Array): SourcePart[] {
    if (this.stopped || chunk.length === 0) return [];
    this.append(chunk);
    return this.process(false);
  }

  /** The source ended: a block still open is read as it is. */
  finish(): SourcePart[] {
    if (this.stopped) return [];
    const parts = this.process(true);
    this.stopped = true;
    return parts;
  }

  /** Live bytes end here; bytes after it in buf are stale. */
  private get live(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }

  private append(chunk: Uint8Array): void {
    const live = this.len - this.head;
    if (this.len + chunk.length > this.buf.length) {
      if (live + chunk.length <= this.buf.length && this.head > 0) {
        this.buf.copyWithin(0, this.head, this.len);
      } else {
        const bigger = new Uint8Array(Math.max(this.buf.length * 2, live + chunk.length));
        bigger.set(this.buf.subarray(this.head, this.len));
        this.buf = bigger;
      }
      this.head = 0;
      this.len = live;
    }
    this.buf.set(chunk, this.len);
    this.len += chunk.length;
  }

  private process(atEnd: boolean): SourcePart[] {
    this.out = [];
    while (!this.stopped) {
      if (!this.inBlock) {
        if (!this.findBlockStart()) break;
        continue;
      }
      const length = this.findBlockEnd(atEnd);
      if (length < 0 ? this.len - this.head > this.limit : length > this.limit) {
        this.stop(this.tooLarge());
        break;
      }
      if (length < 0) break;
      this.out.push(this.takeBlock(length));
    }
    return this.out;
  }

  /** Between blocks: drops bytes up to the next BEGIN marker; false when more bytes are needed. */
  private findBlockStart(): boolean {
    const at = indexOfMarker(this.live, this.head + this.scan, BEGIN);
    if (at < 0) {
      // Keep what could be the start of a marker cut by the chunk boundary.
      this.drop(Math.max(this.head, this.len - (BEGIN.length - 1)) - this.head);
      this.scan = 0;
      if (this.offset + (this.len - this.head) - this.gapStart > this.limit) this.stop(this.noBlock());
      return false;
    }
    this.drop(at - this.head);
    if (this.offset >= this.end) {
      this.stopped = true;
      return false;
    }
    if (this.offset - this.gapStart > this.limit) {
      this.stop(this.noBlock());
      return false;
    }
    this.inBlock = true;
    this.scan = BEGIN.length;
    return true;
  }

  /**
   * Length of the block at head, as the PEM reader bounds it: up to the end of its END marker's
   * label, or to the next BEGIN marker when one comes first; -1 when more bytes are needed.
   */
  private findBlockEnd(atEnd: boolean): number {
    const buf = this.live;
    for (let i = buf.indexOf(DASH, this.head + this.scan); i >= 0; i = buf.indexOf(DASH, i + 1)) {
      if (i + END.length > this.len || i + BEGIN.length > this.len) {
        // A marker may be cut off here: wait for more bytes (or take all at the end).
        this.scan = i - this.head;
        return atEnd ? this.len - this.head : -1;
      }
      if (matches(buf, i, BEGIN)) return i - this.head;
      if (!matches(buf, i, END)) continue;
      let run = 0;
      for (let j = i + END.length; j < this.len; j++) {
        const b = buf[j];
        if (b === DASH) {
          if (++run === 5) return j + 1 - this.head;
        } else if (b === LF || b === CR) {
          return j - this.head;
        } else {
          run = 0;
        }
      }
      this.scan = i - this.head;
      return atEnd ? this.len - this.head : -1;
    }
    this.scan = Math.max(this.scan, this.len - this.head - (BEGIN.length - 1));
    return atEnd ? this.len - this.head : -1;
  }

  private takeBlock(length: number): SourcePart {
    const at = this.position;
    const block = this.buf.subarray(this.head, this.head + length);
    const detected = scanPem(block, 0, this.line, this.index) ?? { items: [], problems: [] };
    this.index += detected.items.length + detected.problems.length;
    this.drop(length);
    this.inBlock = false;
    this.gapStart = this.offset;
    this.scan = 0;
    return { at, detected };
  }

  /** Moves head forward by n bytes, counting the lines passed. */
  private drop(n: number): void {
    const stop = this.head + n;
    const gone = this.buf.subarray(0, stop);
    for (let i = gone.indexOf(LF, this.head); i >= 0; i = gone.indexOf(LF, i + 1)) this.line++;
    this.head = stop;
    this.offset += n;
  }

  private tooLarge(): InputProblem {
    return {
      index: this.index,
      line: this.line,
      kind: 'too-large',
      message: `the PEM block at line ${this.line} (offset ${this.offset}) is longer than the item size limit (${this.limit} bytes, --max-item-size); the rest of the input was not read`,
    };
  }

  private noBlock(): InputProblem {
    const message =
      this.gapStart === 0 && this.describeStart
        ? `${this.describeStart}, larger than the item size limit (${this.limit} bytes, --max-item-size) with no PEM block in its first ${this.limit} bytes; it was not read further`
        : `the ${this.limit} bytes from offset ${this.gapStart} hold no PEM block (more than the item size limit, --max-item-size); the rest of the input was not read`;
    return { index: this.index, kind: 'too-large', message };
  }

  /** Ends the source with a problem, which is its last part. */
  private stop(problem: InputProblem): void {
    this.out.push({ at: this.position, detected: { items: [], problems: [problem] } });
    this.stopped = true;
  }
}

function matches(bytes: Uint8Array, at: number, pattern: Uint8Array): boolean {
  for (let i = 0; i < pattern.length; i++) if (bytes[at + i] !== pattern[i]) return false;
  return true;
}

/** First complete occurrence of a marker in bytes from `from`, or -1. */
function indexOfMarker(bytes: Uint8Array, from: number, marker: Uint8Array): number {
  for (let i = bytes.indexOf(DASH, from); i >= 0 && i + marker.length <= bytes.length; i = bytes.indexOf(DASH, i + 1)) {
    if (matches(bytes, i, marker)) return i;
  }
  return -1;
}
