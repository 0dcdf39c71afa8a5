import type { ChunkOutput, IssuerList } from './batch.js';
import type { WorkItem } from './scan.js';

/**
 * Messages between the check command and its worker threads. The main thread reads the inputs
 * once, in order, finding the run's issuers as it goes; it sends each worker the issuers found
 * since it last sent any (in the run's order, so a worker always holds a prefix of the list),
 * then units of work: pieces of inputs with what the reading kept of them, or pieces the worker
 * reads itself. Outputs come back per unit and are written in unit order.
 */
export type ToWorker = { type: 'issuers'; issuers: IssuerList } | { type: 'check'; unit: number; work: WorkItem[] };

export type FromWorker = { type: 'checked'; unit: number } & ChunkOutput;
