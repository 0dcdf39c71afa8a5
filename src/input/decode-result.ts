/** Outcome of a text-to-bytes decoder: the bytes, or why and where decoding stopped. */
export type DecodeResult =
  | { ok: true; bytes: Uint8Array }
  /** offset is -1 when the fault is the data as a whole (e.g. its length), not one byte. */
  | { ok: false; reason: string; offset: number };

export function decodeFailure(reason: string, offset: number): DecodeResult {
  return { ok: false, reason, offset };
}
