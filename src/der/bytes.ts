/** Whether two byte ranges hold the same octets. */
export function bytesEqual(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * bytes[start, end) as a plain Uint8Array sharing its memory: what the decoded models hold, made
 * without subarray()'s look-up of the species constructor (and never a Buffer, whatever bytes is).
 */
export function viewOf(bytes: Uint8Array, start: number, end: number): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset + start, end - start);
}

/** What the library accepts as bytes: a Uint8Array (a Node.js Buffer is one), an ArrayBuffer, or any view of one. */
export type BytesLike = Uint8Array | ArrayBuffer | SharedArrayBuffer | ArrayBufferView;

/**
 * The bytes of a library argument as a Uint8Array (no copy), or a TypeError that names the
 * parameter: called where the public API takes bytes, so misuse fails at once and says why.
 */
export function asBytes(value: BytesLike, parameter: string): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer)) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  const got = typeof value === 'string' ? 'a string (encode text first, e.g. new TextEncoder().encode(text))' : value === null ? 'null' : typeof value;
  throw new TypeError(`${parameter} must be a Uint8Array, Buffer or ArrayBuffer, not ${got}`);
}
