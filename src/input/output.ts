// Decoders write into a reusable scratch buffer sized for the worst case, then copy out exactly
// the bytes produced: one allocation of the right size per item, no counting pass first.

const SCRATCH_LIMIT = 1 << 20;
let scratch = new Uint8Array(16 * 1024);

/** A buffer of at least `size` bytes; only valid until the next call. */
export function outputBuffer(size: number): Uint8Array {
  if (size <= scratch.length) return scratch;
  // Very large items get their own buffer so one huge input does not pin memory for good.
  if (size > SCRATCH_LIMIT) return new Uint8Array(size);
  scratch = new Uint8Array(Math.min(SCRATCH_LIMIT, Math.max(size, scratch.length * 2)));
  return scratch;
}

/** The first `length` bytes of a buffer from outputBuffer, as an exactly sized copy. */
export function takeOutput(buffer: Uint8Array, length: number): Uint8Array {
  if (buffer !== scratch && length === buffer.length) return buffer;
  return buffer.slice(0, length);
}
