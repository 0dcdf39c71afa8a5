// Node-only: reading the inputs of a run, each as often as the run needs.
import { createReadStream } from 'node:fs';
import process from 'node:process';
import { Spool, fileParts, streamParts } from './parts.js';
import type { InputPiece } from './parts.js';
import { fsPath } from './fs-path.js';
import type { InputFile } from './read.js';
import type { SourcePart } from './splitter.js';

/**
 * Reads a run's inputs as parts. Regular files are read from disk each time. An input that can be
 * read only once (standard input, a pipe, a device) and that the run reads again (a check's second
 * reading, or the same input named twice) is kept in a spool by its first reading, and every later
 * reading of it reads the spool; one read once is streamed through and not kept.
 */
export class InputReader {
  private readonly spools = new Map<string, Spool>();
  private readonly readAgain = new Set<string>();

  /** readings: how often the run reads each input (a check reads them twice). */
  constructor(
    private readonly maxItemSize: number,
    files: readonly InputFile[],
    readings: 1 | 2,
  ) {
    const seen = new Set<string>();
    for (const f of files) {
      if (f.regular) continue;
      if (readings === 2 || seen.has(f.display)) this.readAgain.add(f.display);
      seen.add(f.display);
    }
  }

  /** The parts of one input. */
  async *read(file: InputFile): AsyncGenerator<SourcePart> {
    if (file.regular) {
      yield* fileParts(file.path, { maxItemSize: this.maxItemSize });
      return;
    }
    const spooled = this.spools.get(file.display);
    if (spooled) {
      yield* spooled.parts();
      return;
    }
    const spool = this.readAgain.has(file.display) ? new Spool(this.maxItemSize) : undefined;
    if (spool) this.spools.set(file.display, spool);
    const stream = file.path === '-' ? process.stdin : createReadStream(fsPath(file.path));
    yield* streamParts(stream, this.maxItemSize, spool);
  }

  /** The parts of a piece again, in a second reading. */
  again(piece: InputPiece): Iterable<SourcePart> {
    return this.spools.get(piece.display)?.parts() ?? fileParts(piece.path, { maxItemSize: this.maxItemSize, from: piece.from, end: piece.end });
  }

  /** Removes the spools' temporary files. */
  close(): void {
    for (const spool of this.spools.values()) spool.close();
  }
}
