// Node-only: a whole file's bytes, for the many small files of a certificate repository.
// readFileSync costs a stat and a buffer per file; here each file is read into one scratch buffer
// (the read that finds its end replaces the stat, and is cheaper) and copied into a shared arena,
// so small files cost one allocation per 64 KB of them instead of one each.
import { closeSync, openSync, readSync } from 'node:fs';

const SCRATCH_START = 64 * 1024;
// Small enough that a caller keeping one file's bytes does not keep much else alive.
const ARENA_SIZE = 64 * 1024;
/** Files at least this large get their own buffer rather than a piece of the arena. */
const OWN_BUFFER_FROM = 16 * 1024;

let scratch = new Uint8Array(SCRATCH_START);
let arena = new Uint8Array(0);
let arenaUsed = 0;

/** Every byte of the file at path (read to its end, so pipes and growing files work). Throws the OS error. */
export function readFileBytes(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  let length = 0;
  try {
    for (;;) {
      if (length === scratch.length) {
        const bigger = new Uint8Array(scratch.length * 2);
        bigger.set(scratch);
        scratch = bigger;
      }
      const n = readSync(fd, scratch, length, scratch.length - length, null);
      if (n === 0) break;
      length += n;
    }
  } finally {
    closeSync(fd);
  }
  if (scratch.length > SCRATCH_START) {
    // A large file keeps the buffer it was read into; the next file starts with a small one again.
    const bytes = scratch.subarray(0, length);
    scratch = new Uint8Array(SCRATCH_START);
    return bytes;
  }
  return keep(scratch.subarray(0, length));
}

/** A copy of bytes that stays valid after the scratch buffer is reused. */
function keep(bytes: Uint8Array): Uint8Array {
  if (bytes.length >= OWN_BUFFER_FROM) return bytes.slice();
  if (arenaUsed + bytes.length > arena.length) {
    arena = new Uint8Array(ARENA_SIZE);
    arenaUsed = 0;
  }
  const out = arena.subarray(arenaUsed, arenaUsed + bytes.length);
  out.set(bytes);
  arenaUsed += bytes.length;
  return out;
}
