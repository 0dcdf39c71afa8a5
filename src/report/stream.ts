import type { OutputFormat, RunInfo } from './format.js';
import type { Summary } from './summary.js';

/** Appends one result's output to what was formatted before it, with the format's separator. */
export function appendOutput(format: Pick<OutputFormat<never>, 'separator'>, before: string, output: string): string {
  if (output === '') return before;
  return before === '' ? output : before + format.separator + output;
}

/**
 * Writes a report as its results come: begin, then the outputs of results (or of batches of them,
 * already joined with appendOutput) with the separator where needed, then the end.
 */
export class ReportStream<R> {
  private written = false;

  constructor(
    private readonly format: OutputFormat<R>,
    private readonly write: (text: string) => void,
  ) {}

  begin(run: RunInfo): void {
    this.write(this.format.begin(run));
  }

  /** Output of one result, or of several joined with appendOutput. */
  add(output: string): void {
    if (output === '') return;
    this.write(this.written ? this.format.separator + output : output);
    this.written = true;
  }

  end(summary: Summary): void {
    this.write(this.format.end(summary));
  }
}
