import { Worker } from 'node:worker_threads';
import type { Entry } from '../check/entries.js';
import type { CheckSettings, ChunkOutput } from './batch.js';
import { packChunk } from './chunk.js';

const CHUNK_SIZE = 256;
/** Chunks queued per worker, so a worker never waits for the main thread between chunks. */
const IN_FLIGHT_PER_WORKER = 2;

/**
 * Checks entries on worker threads, chunk by chunk, and hands each chunk's output to emit in
 * input order, whatever order the workers finish in.
 */
export async function runParallel(entries: readonly Entry[], settings: CheckSettings, jobs: number, emit: (out: ChunkOutput) => void): Promise<void> {
  const chunkCount = Math.ceil(entries.length / CHUNK_SIZE);
  const workers = Array.from({ length: Math.min(jobs, chunkCount) }, () => new Worker(new URL('./worker.js', import.meta.url), { workerData: settings }));
  const done = new Map<number, ChunkOutput>();
  let nextToSend = 0;
  let nextToEmit = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const send = (worker: Worker) => {
        if (nextToSend >= chunkCount) return;
        const seq = nextToSend++;
        const chunk = packChunk(seq, seq * CHUNK_SIZE, entries.slice(seq * CHUNK_SIZE, (seq + 1) * CHUNK_SIZE));
        worker.postMessage(chunk, [chunk.bytes]);
      };
      for (const worker of workers) {
        worker.on('message', (msg: ChunkOutput & { seq: number }) => {
          done.set(msg.seq, msg);
          while (done.has(nextToEmit)) {
            emit(done.get(nextToEmit)!);
            done.delete(nextToEmit++);
          }
          if (nextToEmit === chunkCount) resolve();
          else send(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0 && nextToEmit < chunkCount) reject(new Error(`a worker thread stopped with exit code ${code}`));
        });
        for (let i = 0; i < IN_FLIGHT_PER_WORKER; i++) send(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
