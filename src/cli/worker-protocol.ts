import type { Entry } from '../check/entries.js';
import type { CheckSettings, ChunkOutput } from './batch.js';

/** An entry whose bytes travel in a slice's shared buffer. */
export type PackedEntry = Omit<Entry, 'der'> & { start?: number; end?: number };

/**
 * Messages between the check command and its worker threads. Phase one fills each worker with
 * slices of entries (read by the worker itself, or handed over packed) and reports the
 * certificates that may be issuers. Phase two, once every issuer of the run is known, checks the
 * entries each worker holds.
 */
export type ToWorker =
  | { type: 'read'; slice: number; paths: string[] }
  | { type: 'entries'; slice: number; bytes: ArrayBuffer; entries: PackedEntry[] }
  | { type: 'issuers'; issuers: CheckSettings['issuers'] }
  | { type: 'check'; slice: number; position: number };

export type FromWorker =
  | { type: 'held'; slice: number; results: number; issuers: Uint8Array[] }
  | { type: 'read-error'; slice: number; message: string }
  | ({ type: 'checked'; slice: number } & ChunkOutput);

export function packEntries(entries: readonly Entry[]): { bytes: ArrayBuffer; entries: PackedEntry[] } {
  let size = 0;
  for (const e of entries) size += e.der?.length ?? 0;
  const bytes = new Uint8Array(size);
  let at = 0;
  const packed = entries.map((e): PackedEntry => {
    const { der, ...rest } = e;
    if (!der) return rest;
    bytes.set(der, at);
    at += der.length;
    return { ...rest, start: at - der.length, end: at };
  });
  return { bytes: bytes.buffer, entries: packed };
}

export function unpackEntries(bytes: ArrayBuffer, entries: PackedEntry[]): Entry[] {
  return entries.map(({ start, end, ...rest }) => (start === undefined ? rest : { ...rest, der: new Uint8Array(bytes, start, end! - start) }));
}
