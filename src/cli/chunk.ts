import type { Entry } from '../check/entries.js';

/** Entries packed for a worker: every item's bytes in one transferable buffer. */
export interface PackedChunk {
  seq: number;
  position: number;
  bytes: ArrayBuffer;
  entries: (Omit<Entry, 'der'> & { start?: number; end?: number })[];
}

export function packChunk(seq: number, position: number, entries: readonly Entry[]): PackedChunk {
  let size = 0;
  for (const e of entries) size += e.der?.length ?? 0;
  const bytes = new Uint8Array(size);
  let at = 0;
  const packed = entries.map((e) => {
    const { der, ...rest } = e;
    if (!der) return rest;
    bytes.set(der, at);
    const out = { ...rest, start: at, end: at + der.length };
    at += der.length;
    return out;
  });
  return { seq, position, bytes: bytes.buffer, entries: packed };
}

export function unpackChunk(chunk: PackedChunk): Entry[] {
  return chunk.entries.map(({ start, end, ...rest }) => (start === undefined ? rest : { ...rest, der: new Uint8Array(chunk.bytes, start, end! - start) }));
}
