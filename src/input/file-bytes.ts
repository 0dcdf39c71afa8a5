// Node-only: the start of a file's bytes, for the many small files of a certificate repository.
// readFileSync costs a stat and a buffer per file; here each file is read into one scratch buffer
// (the read that finds its end replaces the stat, and is cheaper) and copied into a shared arena,
// so small files cost one allocation per 64 KB of them instead of one each.
import { readSync, statSync } from 'node:fs';
import { fsPath } from './fs-path.js';
import type { FilePath } from './read.js';

const SCRATCH_START = 64 * 1024;
// Small enough that a caller keeping one file's bytes does not keep much else alive.
const ARENA_SIZE = 64 * 1024;
/** Files at least this large get their own buffer rather than a piece of the arena. */
const OWN_BUFFER_FROM = 16 * 1024;

let scratch = new Uint8Array(SCRATCH_START);
let arena = new Uint8Array(0);
let arenaUsed = 0;

export interface FileStart {
  /** The bytes read: the whole file when complete, else its first `max` bytes (valid only until the next read). */
  bytes: Uint8Array;
  /** The file ended within `max` bytes. */
  complete: boolean;
}

/**
 * Reads from the descriptor's current position until the end or until more than `max` bytes
 * (reading to the end, not to a size, so pipes and growing files work). Throws the OS error.
 */
export function readStart(fd: number, max: number): FileStart {
  let length = 0;
  for (;;) {
    if (length === scratch.length) {
      if (length > max) break;
      const bigger = new Uint8Array(Math.min(scratch.length * 2, max + 1));
      bigger.set(scratch);
      scratch = bigger;
    }
    const n = readSync(fd, scratch, length, scratch.length - length, null);
    if (n === 0) break;
    length += n;
  }
  if (length > max) return { bytes: scratch.subarray(0, length), complete: false };
  if (scratch.length > SCRATCH_START) {
    // A large file keeps the buffer it was read into; the next file starts with a small one again.
    const bytes = scratch.subarray(0, length);
    scratch = new Uint8Array(SCRATCH_START);
    return { bytes, complete: true };
  }
  return { bytes: keep(scratch.subarray(0, length)), complete: true };
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

/** A file's size in bytes, or undefined when it cannot be found out. */
export function fileSize(path: FilePath): number | undefined {
  try {
    return statSync(fsPath(path)).size;
  } catch {
    return undefined;
  }
}
