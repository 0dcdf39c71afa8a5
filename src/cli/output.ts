import process from 'node:process';

/**
 * Buffers writes to a stream and flushes in large chunks: per-line writes dominate the cost of
 * reporting tens of thousands of results. flush() waits for the stream to drain.
 */
export class BufferedOutput {
  private chunks: string[] = [];
  private size = 0;
  /** Set when the reader went away (`smki-lint check ... | head`): output stops, the run ends quietly. */
  private closed = false;

  constructor(
    private readonly stream: NodeJS.WritableStream = process.stdout,
    private readonly limit = 1 << 16,
  ) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      this.closed = true;
      this.chunks = [];
    });
  }

  readonly write = (text: string): void => {
    if (this.closed) return;
    this.chunks.push(text);
    this.size += text.length;
    if (this.size >= this.limit) this.push();
  };

  private push(): boolean {
    if (this.closed || this.chunks.length === 0) return true;
    const text = this.chunks.join('');
    this.chunks = [];
    this.size = 0;
    return this.stream.write(text);
  }

  async flush(): Promise<void> {
    if (this.push() || this.closed) return;
    await new Promise<void>((resolve) => {
      this.stream.once('drain', resolve);
      this.stream.once('error', () => resolve());
    });
  }
}

/** Whether to colour: a TTY, NO_COLOR unset, and --no-color not given. */
export function useColour(stream: NodeJS.WriteStream, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  // Empty values count as unset (no-color.org).
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

export type Write = (text: string) => void;
