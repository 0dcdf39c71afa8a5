import { Worker } from 'node:worker_threads';
import type { Entry } from '../check/entries.js';
import { UsageError } from '../input/node.js';
import type { CheckSettings, ChunkOutput } from './batch.js';
import { packEntries } from './worker-protocol.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

/** What phase one hands out: file paths for workers to read, or entries the main thread read. */
export type Work = { kind: 'files'; files: readonly string[] } | { kind: 'entries'; entries: readonly Entry[] };

const ENTRIES_PER_SLICE = 256;
const SLICES_PER_WORKER = 8;

/**
 * Checks on worker threads, started at once so their start-up overlaps the main thread's work.
 * Each slice stays with the worker that holds it; outputs are emitted in slice order, so the
 * result is the same as in-process checking whatever order the workers finish in.
 */
export class ParallelCheck {
  private readonly workers: Worker[];

  constructor(settings: Omit<CheckSettings, 'issuers'>, jobs: number) {
    this.workers = Array.from({ length: jobs }, () => new Worker(new URL('./worker.js', import.meta.url), { workerData: settings }));
  }

  async run(work: Work, explicitIssuers: CheckSettings['issuers'], emit: (out: ChunkOutput) => void): Promise<void> {
    const slices = work.kind === 'files' ? sliceFiles(work.files, this.workers.length) : sliceEntries(work.entries);
    const owner = (slice: number) => this.workers[slice % this.workers.length];
    const counts: number[] = [];
    const found: Uint8Array[] = [];
    const outputs = new Map<number, ChunkOutput>();
    let held = 0;
    let nextToEmit = 0;

    await new Promise<void>((resolve, reject) => {
      const startChecking = () => {
        const issuers = [...explicitIssuers, ...found.map((der) => ({ der, force: false }))];
        for (const w of this.workers) post(w, { type: 'issuers', issuers });
        let position = 0;
        for (let slice = 0; slice < slices.length; slice++) {
          post(owner(slice), { type: 'check', slice, position });
          position += counts[slice];
        }
      };
      const onMessage = (message: FromWorker) => {
        switch (message.type) {
          case 'read-error':
            reject(new UsageError(message.message));
            return;
          case 'held':
            counts[message.slice] = message.results;
            for (const der of message.issuers) found.push(der);
            if (++held === slices.length) startChecking();
            return;
          case 'checked':
            outputs.set(message.slice, message);
            while (outputs.has(nextToEmit)) {
              emit(outputs.get(nextToEmit)!);
              outputs.delete(nextToEmit++);
            }
            if (nextToEmit === slices.length) resolve();
        }
      };
      for (const w of this.workers) {
        w.on('message', onMessage);
        w.once('error', reject);
        w.once('exit', (code) => {
          if (nextToEmit < slices.length) reject(new Error(`a worker thread stopped (exit code ${code}) before the check finished`));
        });
      }
      if (slices.length === 0) resolve();
      slices.forEach((slice, i) => {
        if (slice.kind === 'files') post(owner(i), { type: 'read', slice: i, paths: [...slice.files] });
        else {
          const packed = packEntries(slice.entries);
          owner(i).postMessage({ type: 'entries', slice: i, ...packed } satisfies ToWorker, [packed.bytes]);
        }
      });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

function post(worker: Worker, message: ToWorker): void {
  worker.postMessage(message);
}

type Slice = { kind: 'files'; files: readonly string[] } | { kind: 'entries'; entries: readonly Entry[] };

function sliceFiles(files: readonly string[], workers: number): Slice[] {
  const size = Math.max(1, Math.min(256, Math.ceil(files.length / (workers * SLICES_PER_WORKER))));
  const out: Slice[] = [];
  for (let i = 0; i < files.length; i += size) out.push({ kind: 'files', files: files.slice(i, i + size) });
  return out;
}

function sliceEntries(entries: readonly Entry[]): Slice[] {
  const out: Slice[] = [];
  for (let i = 0; i < entries.length; i += ENTRIES_PER_SLICE) out.push({ kind: 'entries', entries: entries.slice(i, i + ENTRIES_PER_SLICE) });
  return out;
}
