import process from 'node:process';
import { osReason } from '../input/os-error.js';

/**
 * Buffers writes to a stream and flushes in large chunks: per-line writes dominate the cost of
 * reporting tens of thousands of results. drain() waits while the stream's buffer is full, so a
 * slow reader slows the run instead of the output piling up in memory.
 */
export class BufferedOutput {
  private chunks: string[] = [];
  private size = 0;
  /** The last write filled the stream's buffer: wait for 'drain' before writing more. */
  private full = false;
  /** Something was handed to the stream since the last drain(). */
  private pushed = false;
  /** Set when the reader went away (`smki-lint check ... | head`): output stops, the run ends quietly. */
  private closed = false;
  /** Set when writing failed (a full disk): the run stops and exits with EXIT.internal. */
  failure: string | undefined;

  constructor(
    private readonly stream: NodeJS.WritableStream = process.stdout,
    private readonly limit = 1 << 16,
  ) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') this.closed = true;
      else this.failure ??= `cannot write the output: ${osReason(error)}`;
      this.chunks = [];
    });
  }

  /** Nothing more will be written: the reader went away or writing failed. */
  get stopped(): boolean {
    return this.closed || this.failure !== undefined;
  }

  readonly write = (text: string): void => {
    if (this.stopped) return;
    this.chunks.push(text);
    this.size += text.length;
    if (this.size >= this.limit) this.push();
  };

  private push(): void {
    if (this.stopped || this.chunks.length === 0) return;
    const text = this.chunks.join('');
    this.chunks = [];
    this.size = 0;
    this.pushed = true;
    if (!this.stream.write(text)) this.full = true;
  }

  /**
   * Waits until the stream can take more (or has stopped). After a write it also lets the event
   * loop turn, so a closed pipe or a write error is seen at once even when writes are synchronous.
   */
  async drain(): Promise<void> {
    if (this.pushed && !this.full) {
      this.pushed = false;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (!this.full || this.stopped) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        for (const event of ['drain', 'error', 'close']) this.stream.off(event, done);
        resolve();
      };
      for (const event of ['drain', 'error', 'close']) this.stream.once(event, done);
    });
    this.full = false;
  }

  /** Writes what is buffered and waits until the stream has taken it. */
  async flush(): Promise<void> {
    this.push();
    await this.drain();
  }
}

/**
 * Whether to colour: --no-color and NO_COLOR turn it off, FORCE_COLOR=0 (or false) too; any other
 * FORCE_COLOR turns it on; else only on a terminal that is not TERM=dumb.
 */
export function useColour(stream: { isTTY?: boolean }, flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag === false) return false;
  // Empty values count as unset (no-color.org).
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force === '0' || force === 'false') return false;
  if (force) return true;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

export type Write = (text: string) => void;
