import { DerNode, Tag } from '../../der/index.js';
import type { KeyUsage } from '../types.js';

const BIT_NAMES = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;

/** KeyUsage ::= BIT STRING (RFC 5280 4.2.1.3). */
export function decodeKeyUsage(bytes: Uint8Array, root: DerNode): KeyUsage | string {
  if (!root.is(Tag.BitString) || root.children !== null) return 'keyUsage is not a BIT STRING';
  const start = root.valueOffset;
  const len = root.end - start;
  if (len < 1) return 'keyUsage BIT STRING is empty';
  const usage: KeyUsage = {
    digitalSignature: false,
    nonRepudiation: false,
    keyEncipherment: false,
    dataEncipherment: false,
    keyAgreement: false,
    keyCertSign: false,
    cRLSign: false,
    encipherOnly: false,
    decipherOnly: false,
    names: [],
  };
  const bitCount = (len - 1) * 8 - bytes[start];
  for (let bit = 0; bit < bitCount && bit < BIT_NAMES.length; bit++) {
    if (bytes[start + 1 + (bit >> 3)] & (0x80 >> (bit & 7))) {
      usage[BIT_NAMES[bit]] = true;
      usage.names.push(BIT_NAMES[bit]);
    }
  }
  return usage;
}
