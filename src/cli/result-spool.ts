import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import type { ResultSpool } from '../report/stream.js';

const PIECE = 1 << 16;

/**
 * A format's results kept in a private temporary file (mode 0600) until the run's end (JUnit,
 * whose head holds the counts), so memory does not grow with them; removed when closed or at exit.
 */
export class FileSpool implements ResultSpool {
  private dir: string | undefined;
  private fd: number | undefined;
  private pending: string[] = [];
  private size = 0;

  write(text: string): void {
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= PIECE) this.push();
  }

  private push(): void {
    if (this.pending.length === 0) return;
    if (this.fd === undefined) {
      this.dir = mkdtempSync(join(tmpdir(), 'smki-lint-'));
      this.fd = openSync(join(this.dir, 'results'), 'wx+', 0o600);
      process.once('exit', this.close);
    }
    const bytes = Buffer.from(this.pending.join(''));
    this.pending = [];
    this.size = 0;
    let at = 0;
    while (at < bytes.length) at += writeSync(this.fd, bytes, at);
  }

  async replay(write: (text: string) => void, drain: () => Promise<void>): Promise<void> {
    if (this.fd !== undefined) {
      this.push();
      const buffer = Buffer.alloc(PIECE);
      // Pieces end on whole characters: a UTF-8 sequence cut at a piece's end waits for the next.
      let carry = Buffer.alloc(0);
      for (let position = 0; ; ) {
        const n = readSync(this.fd, buffer, 0, PIECE, position);
        if (n === 0) break;
        position += n;
        const bytes = Buffer.concat([carry, buffer.subarray(0, n)]);
        const end = wholeCharacters(bytes);
        carry = Buffer.from(bytes.subarray(end));
        write(bytes.toString('utf8', 0, end));
        await drain();
      }
    }
    for (const text of this.pending) write(text);
    this.pending = [];
  }

  readonly close = (): void => {
    if (this.fd !== undefined) closeSync(this.fd);
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
    this.fd = undefined;
    this.dir = undefined;
    this.pending = [];
    process.off('exit', this.close);
  };
}

/** The length of the longest prefix that ends on a UTF-8 character boundary. */
function wholeCharacters(bytes: Buffer): number {
  let end = bytes.length;
  let back = 0;
  while (end - back - 1 >= 0 && back < 4 && (bytes[end - back - 1] & 0xc0) === 0x80) back++;
  const lead = end - back - 1;
  if (lead < 0) return end;
  const b = bytes[lead];
  const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
  return length > back + 1 ? lead : end;
}
