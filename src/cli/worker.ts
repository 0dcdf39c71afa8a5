// A worker thread of a parallel check: once given the run's issuers, reads and checks the units
// of work it is sent and returns their formatted output.
import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { fileParts } from '../input/node.js';
import { outputFormat } from '../report/formats.js';
import { Batch, emptyChunk, mergeChunk } from './batch.js';
import type { ChunkOutput, CheckSettings } from './batch.js';
import { DEBUG_DELAY_MS } from './debug.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

const settings = workerData as CheckSettings;
const separator = outputFormat(settings.format, settings.colour).separator;
let batch: Batch | undefined;
const reply = (message: FromWorker) => parentPort!.postMessage(message);

parentPort!.on('message', async (message: ToWorker) => {
  if (message.type === 'issuers') {
    batch = new Batch(settings, message.issuers);
    return;
  }
  const out: ChunkOutput = emptyChunk();
  for (const chunk of batch!.check(message.pieces, (p) => fileParts(p.path, { maxItemSize: settings.maxItemSize, from: p.from, end: p.end }))) mergeChunk(out, chunk, separator);
  // Debugging only: answers out of order, to show the output does not depend on timing.
  if (DEBUG_DELAY_MS > 0) await sleep(Math.random() * DEBUG_DELAY_MS);
  reply({ type: 'checked', unit: message.unit, ...out });
});
