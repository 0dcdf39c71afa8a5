import { readFileSync } from 'node:fs';
import { parseConfig } from '../check/config.js';
import type { CheckConfig } from '../check/config.js';
import { OptionsError } from '../check/options.js';
import { UsageError } from '../input/node.js';

/**
 * The text with its // and /* *\/ comments blanked out (strings left alone), so a configuration may
 * explain itself, as the one `smki-lint init` writes does. Line and column numbers stay the same.
 */
export function withoutComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Reads and validates a --config file; every problem is a usage error naming the file. */
export function loadConfig(path: string | undefined): CheckConfig | undefined {
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read config '${path}': ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(withoutComments(text));
  } catch (error) {
    throw new OptionsError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  return parseConfig(json, path);
}
