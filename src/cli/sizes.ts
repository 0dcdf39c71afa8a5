import { InvalidArgumentError, Option } from 'commander';
import { DEFAULT_MAX_ITEM_SIZE } from '../input/node.js';

const SIZE_UNITS: Record<string, number> = { '': 1, k: 1024, kib: 1024, m: 1024 * 1024, mib: 1024 * 1024 };
const MIN_SIZE = 1024;
const MAX_SIZE = 1024 * 1024 * 1024;

/** A size in bytes: 4194304, 512K, 512KiB, 4M or 4MiB (K and M are 1024 and 1024²), from 1KiB to 1024MiB. */
export function size(value: string): number {
  const m = /^(\d+)\s*([a-z]*)$/i.exec(value.trim());
  const unit = m ? SIZE_UNITS[m[2].toLowerCase()] : undefined;
  const bytes = m && unit ? Number(m[1]) * unit : Number.NaN;
  if (!(bytes >= MIN_SIZE && bytes <= MAX_SIZE)) throw new InvalidArgumentError(`'${value}' is not a size from 1KiB to 1024MiB (e.g. 4MiB, 512K or 65536)`);
  return bytes;
}

export const maxItemSizeOption = () =>
  new Option('--max-item-size <size>', 'longest item, and longest stretch with no item, read from an input (e.g. 4MiB, 512K); beyond it the input gets input.too-large and the rest is not read')
    .argParser(size)
    .default(DEFAULT_MAX_ITEM_SIZE, '4MiB');
