import { readFileSync } from 'node:fs';
import { parseConfig } from '../check/config.js';
import type { CheckConfig } from '../check/config.js';
import { OptionsError } from '../check/options.js';
import { UsageError } from '../input/node.js';

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
    json = JSON.parse(text);
  } catch (error) {
    throw new OptionsError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  return parseConfig(json, path);
}
