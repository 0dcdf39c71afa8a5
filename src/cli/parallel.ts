import { Worker } from 'node:worker_threads';
import type { CheckSettings, ChunkOutput, IssuerList } from './batch.js';
import type { KeepBudget, WorkUnit } from './scan.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

/** Units each worker holds at once: one being checked, one waiting, so no worker waits on the main thread. */
const UNITS_PER_WORKER = 2;
/** Units checked ahead of the one being written: bounds the output held back to keep input order. */
const AHEAD_PER_WORKER = 4;
/**
 * Units checked ahead while the inputs are still being read. Nothing can be written before the
 * reading has ended (an issuer found late changes earlier results), so workers check ahead up to
 * this many units meanwhile: some 32,000 results, tens of MB of output at most.
 */
const AHEAD_WHILE_READING = 64;
/**
 * A worker's young generation, in MB. A unit's garbage is short-lived, and V8's default (tens of
 * MB per thread) would make most of a run's peak memory: 8 MB costs a few per cent of time.
 */
const YOUNG_GENERATION_MB = 8;

interface UnitState {
  unit: WorkUnit;
  /** How many of the run's issuers the worker held when it checked the unit. */
  issuersAt?: number;
  output?: ChunkOutput;
}

/**
 * Checks units of work on worker threads. Workers start at once, so their start-up overlaps the
 * main thread's reading of the inputs, and units are checked as soon as the reading has cut them,
 * with the issuers found so far. Once the reading has ended, a unit checked before the last
 * issuer was found is checked again with all of them, so every output is what in-process checking
 * with the run's whole issuer list gives; outputs are written in unit order whatever order the
 * workers finish in, and at most a bounded number of units run ahead of the one being written.
 */
export class WorkerPool {
  private readonly workers: Worker[];
  private readonly units: UnitState[] = [];
  /** Issuers each worker has been sent. */
  private readonly sent: number[];
  private readonly load: number[];
  private readonly redo: number[] = [];
  private issuers: IssuerList = [];
  private reading = true;
  private dispatched = 0;
  private written = 0;
  private writing = false;
  private failure: unknown;
  private settle?: { resolve: () => void; reject: (error: unknown) => void };
  private emit: (out: ChunkOutput) => Promise<void> = async () => {};
  private stopped: () => boolean = () => false;
  private budget?: KeepBudget;

  constructor(settings: CheckSettings, jobs: number) {
    this.workers = Array.from({ length: jobs }, () => new Worker(new URL('./worker.js', import.meta.url), { workerData: settings, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }));
    this.sent = this.workers.map(() => 0);
    this.load = this.workers.map(() => 0);
    this.workers.forEach((w, i) => {
      w.on('message', (message: FromWorker) => this.checked(i, message));
      w.once('error', (error) => this.fail(error));
      w.once('exit', (code) => this.fail(new Error(`a worker thread stopped (exit code ${code}) before the check finished`)));
    });
  }

  get size(): number {
    return this.workers.length;
  }

  /**
   * Starts a run. issuers is the run's list, which the reading extends as it finds more; outputs
   * go to emit in unit order once the reading has ended, until stopped() turns true (the output
   * was closed). Kept bytes of a unit go back to the budget once a worker has been sent them.
   */
  begin(issuers: IssuerList, emit: (out: ChunkOutput) => Promise<void>, stopped: () => boolean, budget?: KeepBudget): void {
    this.issuers = issuers;
    this.emit = emit;
    this.stopped = stopped;
    this.budget = budget;
  }

  /** A unit the reading has cut, checked at once if a worker has room. */
  add(unit: WorkUnit): void {
    this.units.push({ unit });
    this.dispatch();
  }

  /**
   * The reading has ended and the issuer list is final: units checked with fewer issuers are
   * checked again, and outputs are written. Resolves when every unit's output was written (or the
   * output was closed); rejects when a worker failed.
   */
  end(): Promise<void> {
    this.reading = false;
    const final = this.issuers.length;
    for (let i = 0; i < this.dispatched; i++) {
      const u = this.units[i];
      if (u.output && u.issuersAt! < final) {
        u.output = undefined;
        this.redo.push(i);
      }
    }
    return new Promise<void>((resolve, reject) => {
      this.settle = { resolve, reject };
      if (this.failure !== undefined) return reject(this.failure);
      this.dispatch();
      void this.write();
    });
  }

  async close(): Promise<void> {
    this.reading = false;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    if (this.failure !== undefined || this.stopped()) return;
    const ahead = this.reading ? AHEAD_WHILE_READING : this.workers.length * AHEAD_PER_WORKER;
    for (;;) {
      const redo = this.redo.length > 0;
      const index = redo ? Math.min(...this.redo) : this.dispatched;
      if (index >= this.units.length || index >= this.written + ahead) return;
      const w = this.load.indexOf(Math.min(...this.load));
      if (this.load[w] >= UNITS_PER_WORKER) return;
      if (redo) this.redo.splice(this.redo.indexOf(index), 1);
      else this.dispatched++;
      const state = this.units[index];
      if (this.sent[w] < this.issuers.length) {
        post(this.workers[w], { type: 'issuers', issuers: this.issuers.slice(this.sent[w]) });
        this.sent[w] = this.issuers.length;
      }
      state.issuersAt = this.sent[w];
      this.load[w]++;
      post(this.workers[w], { type: 'check', unit: index, work: state.unit.work });
      // The worker has its own copy of what was kept: the main thread lets go of it.
      if (state.unit.keptBytes > 0) {
        this.budget?.release(state.unit.keptBytes);
        state.unit = { work: state.unit.work.map(({ parts: _, ...piece }) => piece), keptBytes: 0 };
      }
    }
  }

  private checked(worker: number, message: FromWorker): void {
    this.load[worker]--;
    const state = this.units[message.unit];
    // Checked with too few issuers, now that the reading has found them all: again.
    if (!this.reading && state.issuersAt! < this.issuers.length) this.redo.push(message.unit);
    else state.output = message;
    this.dispatch();
    void this.write();
  }

  /** Writes the outputs that are next in order; one writer at a time, as emit may wait for the reader. */
  private async write(): Promise<void> {
    if (this.writing || this.reading || !this.settle) return;
    this.writing = true;
    try {
      for (;;) {
        const state = this.units[this.written];
        if (!state?.output || this.failure !== undefined) break;
        const out = state.output;
        this.units[this.written++] = { unit: { work: [], keptBytes: 0 } };
        await this.emit(out);
        if (this.stopped()) return this.finish();
        this.dispatch();
      }
      if (this.written === this.units.length) this.finish();
    } catch (error) {
      this.fail(error);
    } finally {
      this.writing = false;
    }
    if (this.units[this.written]?.output && this.failure === undefined) void this.write();
  }

  private finish(): void {
    const settle = this.settle;
    this.settle = undefined;
    settle?.resolve();
  }

  private fail(error: unknown): void {
    if (this.failure !== undefined) return;
    // A worker that exits after the run has finished (close) is no failure.
    if (!this.reading && !this.settle && this.written === this.units.length) return;
    this.failure = error;
    const settle = this.settle;
    this.settle = undefined;
    settle?.reject(error);
  }
}

function post(worker: Worker, message: ToWorker): void {
  worker.postMessage(message);
}
