// A file name is bytes; results and messages show it as text. A name that is not UTF-8 keeps its
// valid characters and shows every other byte as \xHH, so it stays recognisable and the file can
// be found (backslashes are left alone, as paths and names use them).
import { firstInvalidUtf8 } from '../der/content-checks.js';

const utf8 = new TextDecoder('utf-8');

export function displayPath(path: string | Uint8Array): string {
  if (typeof path === 'string') return path;
  let out = '';
  for (let i = 0; i < path.length; ) {
    const bad = firstInvalidUtf8(path, i, path.length);
    if (bad < 0) return out + utf8.decode(path.subarray(i));
    out += utf8.decode(path.subarray(i, bad)) + `\\x${path[bad].toString(16).toUpperCase().padStart(2, '0')}`;
    i = bad + 1;
  }
  return out;
}
