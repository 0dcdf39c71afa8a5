import { signerCertificate } from '../check/signer.js';
import { readFileSource } from '../input/node.js';

/** The DER of the one certificate in a --signer file; a usage error names the file and what is wrong. */
export function readSigner(path: string, maxItemSize: number): Uint8Array {
  return signerCertificate(readFileSource(path, maxItemSize).bytes, `--signer '${path}'`);
}
