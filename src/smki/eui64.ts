import { HEX_UPPER } from '../der/index.js';

/** An EUI-64 (Entity Identifier) as SMKI writes it: 90-B3-D5-1F-30-01-00-00. */
export function formatEui64(bytes: Uint8Array): string {
  if (bytes.length === 0) return '';
  // Each octet with the dash after it, from one table: half the string joins of a pair at a time.
  let out = '';
  const last = bytes.length - 1;
  for (let i = 0; i < last; i++) out += HEX_DASH[bytes[i]];
  return out + HEX_UPPER[bytes[last]];
}

const HEX_DASH: readonly string[] = HEX_UPPER.map((hex) => `${hex}-`);
