/** An EUI-64 (Entity Identifier) as SMKI writes it: 90-B3-D5-1F-30-01-00-00. */
export function formatEui64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    if (i > 0) out += '-';
    out += HEX_UPPER[bytes[i]];
  }
  return out;
}

const HEX_UPPER: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).toUpperCase().padStart(2, '0'));
