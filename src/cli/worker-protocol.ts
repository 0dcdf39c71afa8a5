import type { InputPiece } from '../input/node.js';
import type { ChunkOutput, IssuerList } from './batch.js';

/**
 * Messages between the check command and its worker threads. The main thread has read every
 * input once and knows the run's issuers; it sends them, then units of work (pieces of inputs,
 * which each worker reads itself), and writes the outputs in unit order as they come back.
 */
export type ToWorker = { type: 'issuers'; issuers: IssuerList } | { type: 'check'; unit: number; pieces: InputPiece[] };

export type FromWorker = { type: 'checked'; unit: number } & ChunkOutput;
