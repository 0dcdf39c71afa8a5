import { Worker } from 'node:worker_threads';
import type { InputPiece } from '../input/node.js';
import type { CheckSettings, ChunkOutput, IssuerList } from './batch.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

/** Units each worker holds at once: one being checked, one waiting, so no worker waits on the main thread. */
const UNITS_PER_WORKER = 2;
/** Units checked ahead of the one being written: bounds the output held back to keep input order. */
const AHEAD_PER_WORKER = 4;
/**
 * A worker's young generation, in MB. A unit's garbage is short-lived, and V8's default (tens of
 * MB per thread) would make most of a run's peak memory: 8 MB costs a few per cent of time.
 */
const YOUNG_GENERATION_MB = 8;

/**
 * Checks units of work on worker threads. Workers start at once, so their start-up overlaps the
 * main thread's first reading of the inputs. A unit goes to whichever worker has room, and
 * outputs are written in unit order, so the output is the same as in-process checking whatever
 * order the workers finish in; at most a few units run ahead of the one being written.
 */
export class WorkerPool {
  private readonly workers: Worker[];

  constructor(settings: CheckSettings, jobs: number) {
    this.workers = Array.from({ length: jobs }, () => new Worker(new URL('./worker.js', import.meta.url), { workerData: settings, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }));
  }

  get size(): number {
    return this.workers.length;
  }

  /**
   * Checks the units against the issuers, passing each unit's output to emit in order. Stops early
   * when stopped() turns true (the output was closed). Rejects when a worker fails.
   */
  run(issuers: IssuerList, units: readonly InputPiece[][], emit: (out: ChunkOutput) => Promise<void>, stopped: () => boolean): Promise<void> {
    for (const w of this.workers) post(w, { type: 'issuers', issuers });
    const load = this.workers.map(() => 0);
    const done = new Map<number, ChunkOutput>();
    const ahead = this.workers.length * AHEAD_PER_WORKER;
    let dispatched = 0;
    let written = 0;
    let writing = false;

    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const finish = (error?: unknown) => {
        if (settled) return;
        settled = true;
        if (error) reject(error);
        else resolve();
      };
      const dispatch = () => {
        while (dispatched < units.length && dispatched < written + ahead && !stopped()) {
          const w = load.indexOf(Math.min(...load));
          if (load[w] >= UNITS_PER_WORKER) return;
          load[w]++;
          post(this.workers[w], { type: 'check', unit: dispatched, pieces: units[dispatched] });
          dispatched++;
        }
      };
      // Writes the outputs that are next in order; one writer at a time, as emit may wait for the reader.
      const write = async () => {
        if (writing) return;
        writing = true;
        try {
          while (done.has(written) && !settled) {
            const out = done.get(written)!;
            done.delete(written++);
            await emit(out);
            if (stopped()) return finish();
            dispatch();
          }
          if (written === units.length) finish();
        } catch (error) {
          finish(error);
        } finally {
          writing = false;
        }
        if (done.has(written) && !settled) void write();
      };
      this.workers.forEach((w, i) => {
        w.on('message', (message: FromWorker) => {
          load[i]--;
          done.set(message.unit, message);
          dispatch();
          void write();
        });
        w.once('error', (error) => finish(error));
        w.once('exit', (code) => finish(new Error(`a worker thread stopped (exit code ${code}) before the check finished`)));
      });
      if (units.length === 0) finish();
      else dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

function post(worker: Worker, message: ToWorker): void {
  worker.postMessage(message);
}
