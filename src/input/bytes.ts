// Small helpers over raw bytes, so detection never has to turn a whole source into a string.

/** The byte values of an ASCII string. */
export function ascii(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** Whether `pattern` occurs in `bytes` at `at`. */
export function matchesAt(bytes: Uint8Array, at: number, pattern: Uint8Array): boolean {
  if (at + pattern.length > bytes.length) return false;
  for (let i = 0; i < pattern.length; i++) if (bytes[at + i] !== pattern[i]) return false;
  return true;
}

/** Latin-1 string of a short byte range (labels, previews). */
export function latin1(bytes: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/** Space, tab, CR, LF, vertical tab, form feed. */
export function isSpace(b: number): boolean {
  return b === 0x20 || (b >= 0x09 && b <= 0x0d);
}

/** Index of the LF ending the line that contains `from`, or bytes.length. */
export function lineEnd(bytes: Uint8Array, from: number): number {
  const lf = bytes.indexOf(0x0a, from);
  return lf < 0 ? bytes.length : lf;
}

export function isBlank(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(bytes[i])) return false;
  return true;
}

/** "'!'" for a printable ASCII byte, "byte 0x00" otherwise: safe to print in any message. */
export function describeByte(b: number): string {
  return b > 0x20 && b < 0x7f ? `'${String.fromCharCode(b)}'` : `byte 0x${b.toString(16).padStart(2, '0')}`;
}

/** "1f 8b 08 00 ..." : the first `max` bytes in hex. */
export function hexPreview(bytes: Uint8Array, max = 8): string {
  const shown: string[] = [];
  for (let i = 0; i < bytes.length && i < max; i++) shown.push(bytes[i].toString(16).padStart(2, '0'));
  return bytes.length > max ? `${shown.join(' ')} ...` : shown.join(' ');
}

/** The chunks, in order, in one array of the given total size. */
export function concatBytes(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
