// A worker thread of a parallel check: holds the run's issuers as they are found, checks the
// units of work it is sent and returns their formatted output.
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
const batch = new Batch(settings, []);
const reply = (message: FromWorker) => parentPort!.postMessage(message);

parentPort!.on('message', async (message: ToWorker) => {
  if (message.type === 'issuers') {
    batch.addIssuers(message.issuers);
    return;
  }
  const out: ChunkOutput = emptyChunk();
  const read = (w: (typeof message.work)[number]) => w.parts ?? fileParts(w.path, { maxItemSize: settings.maxItemSize, from: w.from, end: w.end });
  for (const chunk of batch.check(message.work, read)) mergeChunk(out, chunk, separator);
  // Debugging only: answers out of order, to show the output does not depend on timing.
  if (DEBUG_DELAY_MS > 0) await sleep(Math.random() * DEBUG_DELAY_MS);
  reply({ type: 'checked', unit: message.unit, ...out });
});
