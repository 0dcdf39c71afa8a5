// A worker thread of a parallel check: rebuilds the run's Batch from its settings, then checks
// and formats each chunk it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { Batch } from './batch.js';
import type { CheckSettings } from './batch.js';
import { unpackChunk } from './chunk.js';
import type { PackedChunk } from './chunk.js';

const batch = new Batch(workerData as CheckSettings);
parentPort!.on('message', (chunk: PackedChunk) => {
  const output = batch.run(unpackChunk(chunk), chunk.position);
  parentPort!.postMessage({ seq: chunk.seq, ...output });
});
