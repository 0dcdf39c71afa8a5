// The one-line account of a source in which no certificate was found.
import { hexPreview, isBlank } from './bytes.js';
import { nameBinary } from './magic.js';
import { firstLine, isText } from './text.js';

/**
 * What the bytes held: 'empty input', 'only whitespace', a named binary format, `hint` (what
 * base64 or hex text decodes to), text (quoting its first line) or unnamed binary data.
 */
export function describeNoCertificate(bytes: Uint8Array, textStart: number, hint?: string): string {
  if (bytes.length === 0) return 'empty input';
  if (isBlank(bytes, textStart, bytes.length)) return textStart === bytes.length ? 'only a byte order mark' : 'only whitespace';
  const name = nameBinary(bytes);
  if (name) return `binary data that is not DER: ${name} (first bytes ${hexPreview(bytes)})`;
  if (hint) return hint;
  if (isText(bytes, textStart)) {
    return `text with no PEM block, base64 or hex certificate (first line: '${firstLine(bytes, textStart)}')`;
  }
  return `binary data that is not DER (first bytes ${hexPreview(bytes)})`;
}

/**
 * What the start of a source larger than the item size limit holds, for the problem raised when
 * no PEM block starts within the limit: raw DER (only PEM may be that large), a named binary
 * format, text, or other binary data.
 */
export function describeLargeStart(prefix: Uint8Array): string {
  const name = nameBinary(prefix);
  if (name) return `binary data that is not DER: ${name} (first bytes ${hexPreview(prefix)})`;
  if (prefix[0] === 0x30 && !isText(prefix)) return `raw DER or binary data (first bytes ${hexPreview(prefix)})`;
  if (isText(prefix.subarray(0, Math.max(1, prefix.length - 3)))) return `text (first line: '${firstLine(prefix)}')`;
  return `binary data (first bytes ${hexPreview(prefix)})`;
}
