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
