// File signatures worth naming when bytes are not a certificate: the usual wrong files.
import { ascii, matchesAt } from './bytes.js';

const SIGNATURES: ReadonlyArray<readonly [Uint8Array, string]> = [
  [new Uint8Array([0x1f, 0x8b]), 'gzip-compressed data'],
  [ascii('PK\x03\x04'), 'a zip archive'],
  [ascii('PK\x05\x06'), 'an empty zip archive'],
  [ascii('%PDF-'), 'a PDF document'],
  [new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'a PNG image'],
  [new Uint8Array([0xff, 0xd8, 0xff]), 'a JPEG image'],
  [new Uint8Array([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]), 'xz-compressed data'],
  [new Uint8Array([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), 'a 7-Zip archive'],
  [new Uint8Array([0xfe, 0xed, 0xfe, 0xed]), 'a Java KeyStore'],
  [new Uint8Array([0x7f, 0x45, 0x4c, 0x46]), 'an ELF executable'],
  [new Uint8Array([0xff, 0xfe]), 'UTF-16 text with non-ASCII characters'],
  [new Uint8Array([0xfe, 0xff]), 'UTF-16 text with non-ASCII characters'],
];

/** A name for well-known binary formats, or undefined. */
export function nameBinary(bytes: Uint8Array): string | undefined {
  for (const [signature, name] of SIGNATURES) if (matchesAt(bytes, 0, signature)) return name;
  return undefined;
}
