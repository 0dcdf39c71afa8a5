import process from 'node:process';

/** How long a run goes before its progress line appears, and how often the line is redrawn. */
const DELAY_MS = 1000;
const REDRAW_MS = 100;

/**
 * Whether a run shows a progress line: only on a terminal (stderr), never in a file or a pipe,
 * and not when the output itself goes to that terminal (its lines would be torn by the redraws).
 */
export function showsProgress(stderrIsTTY: boolean, outputIsTTY: boolean): boolean {
  return stderrIsTTY && !outputIsTTY;
}

/** "checked 12,345 / 40,000 items (31%) · 8,210 items/s" */
export function progressLine(done: number, total: number, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? Math.round((done * 1000) / elapsedMs) : 0;
  const percent = total > 0 ? ` (${Math.floor((done * 100) / total)}%)` : '';
  return `checked ${done.toLocaleString('en-GB')} / ${total.toLocaleString('en-GB')} items${percent} · ${rate.toLocaleString('en-GB')} items/s`;
}

/**
 * A progress line on stderr that appears once the run has lasted DELAY_MS, redrawn in place
 * with a carriage return (no terminal escapes, so it works on any terminal) and wiped at the end.
 */
export class Progress {
  private readonly started: number;
  private drawn = 0;
  private lastDraw = 0;

  constructor(
    private readonly total: number,
    private readonly write: (text: string) => void = (t) => process.stderr.write(t),
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  update(done: number): void {
    const t = this.now();
    if (t - this.started < DELAY_MS || t - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = t;
    const line = progressLine(done, this.total, t - this.started);
    this.write('\r' + line.padEnd(this.drawn));
    this.drawn = line.length;
  }

  /** Wipes the line, so what comes after starts on a clean line. */
  end(): void {
    if (this.drawn > 0) this.write('\r' + ' '.repeat(this.drawn) + '\r');
    this.drawn = 0;
  }
}
