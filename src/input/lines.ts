/**
 * Turns increasing byte offsets into 1-based line and column numbers. Offsets must be asked for
 * in non-decreasing order, so the whole source is scanned for line feeds at most once. A piece of
 * a larger source starts counting at the line where the piece begins.
 */
export class LineCursor {
  private pos = 0;
  private line: number;
  private lineStart = 0;
  /** The next LF at or after pos (bytes.length when there is none), or -1 when not yet known. */
  private nextLf = -1;

  constructor(
    private readonly bytes: Uint8Array,
    firstLine = 1,
  ) {
    this.line = firstLine;
  }

  lineOf(offset: number): number {
    this.advance(offset);
    return this.line;
  }

  locate(offset: number): { line: number; column: number } {
    this.advance(offset);
    return { line: this.line, column: offset - this.lineStart + 1 };
  }

  private advance(target: number): void {
    for (;;) {
      if (this.nextLf < this.pos) {
        const lf = this.bytes.indexOf(0x0a, this.pos);
        this.nextLf = lf < 0 ? this.bytes.length : lf;
      }
      if (this.nextLf >= target) break;
      this.line++;
      this.lineStart = this.nextLf + 1;
      this.pos = this.lineStart;
    }
    if (target > this.pos) this.pos = target;
  }
}
