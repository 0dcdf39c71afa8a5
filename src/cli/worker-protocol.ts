import type { InputPiece } from '../input/node.js';
import type { ChunkOutput, IssuerList } from './batch.js';

/**
 * Messages between the check command and its worker threads. The main thread has read every
 * input once and knows the run's issuers; it sends them, then units of work (pieces of inputs,
 * which each worker reads itself), and writes the outputs in unit order as they come back.
 */
export type ToWorker = { type: 'issuers'; issuers: IssuerList } | { type: 'check'; unit: number; pieces: InputPiece[] };

export type FromWorker = { type: 'checked'; unit: number } & ChunkOutput;

/** A piece after a message: a path given as bytes arrives as a plain Uint8Array. */
export function revivePiece(piece: InputPiece): InputPiece {
  const path = piece.path as string | Uint8Array;
  return typeof path === 'string' ? piece : { ...piece, path: Buffer.from(path.buffer, path.byteOffset, path.byteLength) };
}
