// A worker thread of a parallel check: holds slices of entries (reading the files itself when
// given paths), then, once the run's issuers are known, checks and formats them.
import { parentPort, workerData } from 'node:worker_threads';
import { detectEntries, possibleIssuers, resultCount } from '../check/entries.js';
import type { Entry } from '../check/entries.js';
import { readFileSource, UsageError } from '../input/node.js';
import { Batch } from './batch.js';
import type { CheckSettings } from './batch.js';
import { unpackEntries } from './worker-protocol.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

const settings = workerData as Omit<CheckSettings, 'issuers'>;
const slices = new Map<number, Entry[]>();
let batch: Batch | undefined;
const reply = (message: FromWorker) => parentPort!.postMessage(message);

function hold(slice: number, entries: Entry[]): void {
  slices.set(slice, entries);
  reply({ type: 'held', slice, results: resultCount(entries), issuers: possibleIssuers(entries) });
}

parentPort!.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'read': {
      const entries: Entry[] = [];
      try {
        for (const path of message.paths) {
          const source = readFileSource(path);
          for (const e of detectEntries(source.bytes, source.path)) entries.push(e);
        }
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        reply({ type: 'read-error', slice: message.slice, message: error.message });
        return;
      }
      hold(message.slice, entries);
      return;
    }
    case 'entries':
      hold(message.slice, unpackEntries(message.bytes, message.entries));
      return;
    case 'issuers':
      batch = new Batch({ ...settings, issuers: message.issuers });
      return;
    case 'check': {
      const entries = slices.get(message.slice)!;
      slices.delete(message.slice);
      reply({ type: 'checked', slice: message.slice, ...batch!.run(entries, message.position) });
      return;
    }
  }
});
