// Decoders write into a reusable scratch buffer sized for the worst case, then copy out exactly
// the bytes produced, no counting pass first. Small outputs (certificates, requests) are copied
// into a shared slab and handed out as views of it, as Node.js pools small Buffers: a typed
// array of its own costs an allocation and a backing store the collector must track, about five
// times the copy. A view keeps its slab alive, which is why large outputs get their own buffer.

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

const SLAB_BYTES = 64 * 1024;
/** Outputs up to this size are slab views: a slab holds at least sixteen of them. */
const SLAB_ITEM_LIMIT = SLAB_BYTES / 16;
let slab = new Uint8Array(0);
let slabUsed = 0;

/** The first `length` bytes of a buffer from outputBuffer, as a copy of exactly that length. */
export function takeOutput(buffer: Uint8Array, length: number): Uint8Array {
  if (buffer !== scratch && length === buffer.length) return buffer;
  if (length > SLAB_ITEM_LIMIT) return buffer.slice(0, length);
  if (slabUsed + length > slab.length) {
    slab = new Uint8Array(SLAB_BYTES);
    slabUsed = 0;
  }
  const out = slab.subarray(slabUsed, slabUsed + length);
  out.set(buffer.subarray(0, length));
  slabUsed += length;
  return out;
}
