import { closeSync, createWriteStream, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import process from 'node:process';
import { randomBytes } from 'node:crypto';
import { UsageError } from '../input/node.js';
import { osReason } from '../input/os-error.js';
import { BufferedOutput } from './output.js';

/**
 * An output file written atomically: everything goes to a temporary file beside it (same
 * directory, so the rename cannot cross file systems), renamed over the target only when the run
 * has ended well. A run that fails, or is interrupted, leaves neither the file nor the temporary.
 */
export class AtomicOutputFile {
  readonly out: BufferedOutput;
  private readonly temp: string;
  private readonly fd: number;
  private done = false;

  constructor(private readonly path: string) {
    this.temp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    try {
      this.fd = openSync(this.temp, 'wx', 0o666);
    } catch (error) {
      throw new UsageError(`cannot write --output '${path}': ${osReason(error)}`);
    }
    const stream = createWriteStream('', { fd: this.fd, autoClose: false });
    this.out = new BufferedOutput(stream);
    this.stream = stream;
    process.once('exit', this.abort);
    for (const signal of SIGNALS) process.once(signal, this.interrupted);
  }

  private readonly stream: NodeJS.WritableStream;

  /** Writes what is left, makes it durable and puts the file in place. Throws when that fails. */
  async commit(): Promise<void> {
    await this.out.flush();
    await new Promise<void>((resolve) => this.stream.end(resolve));
    if (this.out.failure) throw new OutputFailure(this.out.failure);
    try {
      fsyncSync(this.fd);
      closeSync(this.fd);
      renameSync(this.temp, this.path);
    } catch (error) {
      this.abort();
      throw new OutputFailure(`cannot write --output '${this.path}': ${osReason(error)}`, { cause: error });
    }
    this.finish();
  }

  /** Removes the temporary file: the run failed, so the target is left as it was. */
  readonly abort = (): void => {
    if (this.done) return;
    try {
      closeSync(this.fd);
    } catch {
      // Already closed by commit.
    }
    rmSync(this.temp, { force: true });
    this.finish();
  };

  private finish(): void {
    this.done = true;
    process.off('exit', this.abort);
    for (const signal of SIGNALS) process.off(signal, this.interrupted);
  }

  private readonly interrupted = (signal: NodeJS.Signals): void => {
    this.abort();
    // The usual exit status of a process ended by a signal.
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15));
  };
}

/** The output could not be written: exit 3 with this message, whatever --fail-on says. */
export class OutputFailure extends Error {}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
