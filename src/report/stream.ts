import type { OutputFormat, RunInfo, RunTotals } from './format.js';
import { emptyTotals } from './format.js';
import type { Summary } from './summary.js';

/** Appends one result's output to what was formatted before it, with the format's separator. */
export function appendOutput(format: Pick<OutputFormat<never>, 'separator'>, before: string, output: string): string {
  if (output === '') return before;
  return before === '' ? output : before + format.separator + output;
}

/**
 * Where a format whose head needs the run's counts (JUnit) keeps its results until the end.
 * The CLI keeps them in a private temporary file, so memory does not grow with the results.
 */
export interface ResultSpool {
  write(text: string): void;
  /** Writes back what was kept, in order and in pieces, waiting on drain() after each piece. */
  replay(write: (text: string) => void, drain: () => Promise<void>): Promise<void>;
  close(): void;
}

/** A spool in memory: for library use, where the whole report is wanted anyway. */
export class MemorySpool implements ResultSpool {
  private texts: string[] = [];
  write(text: string): void {
    this.texts.push(text);
  }
  async replay(write: (text: string) => void, drain: () => Promise<void>): Promise<void> {
    for (const text of this.texts) {
      write(text);
      await drain();
    }
  }
  close(): void {
    this.texts = [];
  }
}

export interface ReportStreamOptions {
  /** Where a countsFirst format's results wait for the end (default: in memory). */
  spool?: ResultSpool;
  /** Waits until the output can take more (BufferedOutput.drain). */
  drain?: () => Promise<void>;
}

/**
 * Writes a report as its results come: begin, then the outputs of results (or of batches of them,
 * already joined with appendOutput) with the separator where needed, then the end. A format
 * whose head holds the run's counts has its results spooled and written after the head, at the end.
 */
export class ReportStream<R> {
  private written = false;
  private run: RunInfo | undefined;
  private started = 0;
  private readonly spool: ResultSpool | undefined;
  private readonly drain: () => Promise<void>;

  constructor(
    private readonly format: OutputFormat<R>,
    private readonly write: (text: string) => void,
    options: ReportStreamOptions = {},
  ) {
    this.spool = format.countsFirst ? (options.spool ?? new MemorySpool()) : undefined;
    this.drain = options.drain ?? (async () => {});
  }

  begin(run: RunInfo): void {
    this.run = run;
    this.started = performance.now();
    if (!this.spool) this.write(this.format.begin(run));
  }

  /** Output of one result, or of several joined with appendOutput. */
  add(output: string): void {
    if (output === '') return;
    const text = this.written ? this.format.separator + output : output;
    if (this.spool) this.spool.write(text);
    else this.write(text);
    this.written = true;
  }

  /** Writes the end (and, for a countsFirst format, the head and the spooled results before it). */
  async end(summary: Summary, totals: Partial<RunTotals> = {}): Promise<void> {
    const end = { ...emptyTotals(), elapsedMs: performance.now() - this.started, ...totals, summary, written: this.written };
    if (this.spool) {
      try {
        this.write(this.format.begin(this.run!, end));
        await this.spool.replay(this.write, this.drain);
      } finally {
        this.spool.close();
      }
    }
    this.write(this.format.end(end));
  }

  /** Drops what a countsFirst format kept (a run that stopped before its end). */
  close(): void {
    this.spool?.close();
  }
}
