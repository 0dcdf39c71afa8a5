// Node-only: reading an input as the parts the splitter finds, with memory bounded by the item
// size limit whatever the size of the input. An input within the limit is read whole and detected
// as it always was; a larger one must be PEM and is split at its BEGIN markers (./splitter.ts).
// A failure to read becomes the input's last part, so a run always goes on.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { concatBytes } from './bytes.js';
import { describeLargeStart } from './describe.js';
import { detectItems, detectedCount } from './detect.js';
import { readStart } from './file-bytes.js';
import type { FileStart } from './file-bytes.js';
import { osReason } from './os-error.js';
import { fsPath } from './fs-path.js';
import type { FilePath } from './read.js';
import { PemSplitter } from './splitter.js';
import type { SourcePart, SourcePosition } from './splitter.js';

/** The default item size limit: real SMKI certificates are under 2 KB. */
export const DEFAULT_MAX_ITEM_SIZE = 4 * 1024 * 1024;

export interface PartOptions {
  /** The item size limit in bytes (--max-item-size). */
  maxItemSize: number;
  /** Where to start: a position phase one recorded at the start of a block (default: the start). */
  from?: SourcePosition;
  /** Stop before an item that starts at or after this offset. */
  end?: number;
}

/**
 * A stretch of one input: the whole input, or its items from a position a first reading recorded
 * (the start of a PEM block) up to the offset where the next piece starts.
 */
export interface InputPiece {
  path: FilePath;
  /** The input's name as results show it. */
  display: string;
  from?: SourcePosition;
  end?: number;
}

const START: SourcePosition = { offset: 0, index: 0, line: 1 };
const CHUNK = 1 << 20;
let chunk: Uint8Array | undefined;

/** The parts of a file, read synchronously in order. */
export function* fileParts(path: FilePath, options: PartOptions): Generator<SourcePart> {
  const from = options.from ?? START;
  let fd: number;
  try {
    fd = openSync(fsPath(path), 'r');
  } catch (error) {
    yield unreadable(from, error);
    return;
  }
  try {
    let splitter: PemSplitter;
    // From the start, reads are sequential, so pipes and devices work too; a later piece seeks.
    let position: number | null = null;
    if (from.offset === 0) {
      let start: FileStart;
      try {
        start = readStart(fd, options.maxItemSize);
      } catch (error) {
        yield unreadable(from, error);
        return;
      }
      if (start.complete) {
        yield { at: START, detected: detectItems(start.bytes) };
        return;
      }
      splitter = new PemSplitter({ limit: options.maxItemSize, end: options.end, describeStart: describeLargeStart(start.bytes) });
      yield* splitter.push(start.bytes);
    } else {
      splitter = new PemSplitter({ limit: options.maxItemSize, from, end: options.end });
      position = from.offset;
    }
    chunk ??= new Uint8Array(CHUNK);
    while (!splitter.done) {
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, position);
      } catch (error) {
        // The block being read when the error came is lost with the rest: the error says where.
        yield unreadable(splitter.position, error);
        return;
      }
      if (n === 0) break;
      if (position !== null) position += n;
      yield* splitter.push(chunk.subarray(0, n));
    }
    yield* splitter.finish();
  } finally {
    closeSync(fd);
  }
}

/** The part that ends an input that could not be read (further). */
function unreadable(at: SourcePosition, error: unknown): SourcePart {
  const where = at.offset > 0 ? ` at offset ${at.offset}` : '';
  return { at, detected: { items: [], problems: [{ index: at.index, kind: 'unreadable', message: `could not be read${where}: ${osReason(error)}` }] } };
}

/**
 * The parts of an input that can be read only once (standard input, a pipe, a device), read as
 * it arrives. With a spool, what is read is kept so that it can be read a second time.
 */
export async function* streamParts(stream: AsyncIterable<Uint8Array | string>, maxItemSize: number, spool?: Spool): AsyncGenerator<SourcePart> {
  const prefix: Uint8Array[] = [];
  let size = 0;
  let splitter: PemSplitter | undefined;
  const chunks = stream[Symbol.asyncIterator]();
  try {
    for (;;) {
      let bytes: Uint8Array;
      try {
        const next = await chunks.next();
        if (next.done) break;
        bytes = typeof next.value === 'string' ? new TextEncoder().encode(next.value) : next.value;
        if (splitter) spool?.write(bytes);
      } catch (error) {
        yield* failed(error);
        return;
      }
      if (splitter) {
        yield* splitter.push(bytes);
      } else {
        prefix.push(bytes);
        size += bytes.length;
        if (size <= maxItemSize) continue;
        const start = concatBytes(prefix, size);
        prefix.length = 0;
        splitter = new PemSplitter({ limit: maxItemSize, describeStart: describeLargeStart(start) });
        try {
          spool?.write(start);
        } catch (error) {
          yield* failed(error);
          return;
        }
        yield* splitter.push(start);
      }
      // Returning stops reading: an endless stream ends here once the limit is passed.
      if (splitter.done) return;
    }
  } finally {
    await chunks.return?.();
  }
  if (splitter) {
    yield* splitter.finish();
    return;
  }
  const bytes = concatBytes(prefix, size);
  spool?.keep(bytes);
  yield { at: START, detected: detectItems(bytes) };

  /** What arrived before an error is still read, then the error ends the input. */
  function* failed(error: unknown): Generator<SourcePart> {
    let at = splitter?.position ?? START;
    if (!splitter && size > 0) {
      const bytes = concatBytes(prefix, size);
      spool?.keep(bytes);
      const detected = detectItems(bytes);
      yield { at: START, detected };
      at = { offset: size, index: detectedCount(detected), line: 1 };
    }
    const failure = unreadable(at, error);
    spool?.failed(failure);
    yield failure;
  }
}

/**
 * What streamParts read from an input that can be read only once, for a second reading: in
 * memory when within the item size limit, else in a private temporary file, removed when the
 * spool is closed or the process exits.
 */
export class Spool {
  private bytes: Uint8Array | undefined;
  private dir: string | undefined;
  private fd: number | undefined;
  /** A read error that ended the input: its last part, again, in the second reading. */
  private failure: SourcePart | undefined;

  constructor(private readonly maxItemSize: number) {}

  /** The parts again, read back from the spool. */
  *parts(): Generator<SourcePart> {
    if (this.bytes) yield { at: START, detected: detectItems(this.bytes) };
    else if (this.dir) yield* fileParts(join(this.dir, 'input'), { maxItemSize: this.maxItemSize });
    if (this.failure) yield this.failure;
  }

  keep(bytes: Uint8Array): void {
    this.bytes = bytes;
  }

  failed(part: SourcePart): void {
    this.failure = part;
  }

  write(bytes: Uint8Array): void {
    try {
      if (this.fd === undefined) {
        this.dir = mkdtempSync(join(tmpdir(), 'smki-lint-'));
        this.fd = openSync(join(this.dir, 'input'), 'wx', 0o600);
        process.once('exit', this.close);
      }
      let at = 0;
      while (at < bytes.length) at += writeSync(this.fd, bytes, at);
    } catch (error) {
      // Reported as the input's failure, so it must say it was the copy, not the input, that failed.
      throw new Error(`no temporary copy could be kept in ${tmpdir()} (${osReason(error)})`, { cause: error });
    }
  }

  readonly close = (): void => {
    if (this.fd !== undefined) closeSync(this.fd);
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
    this.fd = undefined;
    this.dir = undefined;
    process.off('exit', this.close);
  };
}
