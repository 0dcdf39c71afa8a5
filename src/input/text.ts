// Telling text from binary, and quoting a line of text safely in a message.
import { isSpace } from './bytes.js';

/** Whether bytes are UTF-8 text: no control characters other than whitespace and ESC (colours). */
export function isText(bytes: Uint8Array, start = 0): boolean {
  for (let i = start; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      if ((b < 0x20 && !isSpace(b) && b !== 0x1b) || b === 0x7f) return false;
      i++;
      continue;
    }
    const extra = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (extra < 0 || i + extra >= bytes.length) return false;
    for (let j = 1; j <= extra; j++) if ((bytes[i + j] & 0xc0) !== 0x80) return false;
    i += extra + 1;
  }
  return true;
}

const MAX_QUOTE = 40;
const utf8 = new TextDecoder('utf-8');

/** The first non-blank line, trimmed, cut to about 40 characters, control characters escaped. */
export function firstLine(bytes: Uint8Array, start = 0): string {
  let s = start;
  while (s < bytes.length && isSpace(bytes[s])) s++;
  let e = s;
  while (e < bytes.length && bytes[e] !== 0x0a && bytes[e] !== 0x0d && e - s < MAX_QUOTE * 4) e++;
  const chars = Array.from(utf8.decode(bytes.subarray(s, e)).trimEnd());
  const shown = chars.slice(0, MAX_QUOTE).map(escapeChar).join('');
  return chars.length > MAX_QUOTE ? `${shown.trimEnd()}...` : shown;
}

function escapeChar(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  if (c === '\t') return '\\t';
  if (c === "'" || c === '\\') return `\\${c}`;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return `\\x${code.toString(16).padStart(2, '0')}`;
  return c;
}
