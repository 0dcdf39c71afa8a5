import { detectEntries, documentEntries, isCertificateEntry } from '../check/entries.js';
import { readFileSource, UsageError } from '../input/node.js';
import { decodeDocument } from '../x509/index.js';

/** The DER of the one certificate in a --signer file; a usage error names the file and what is wrong. */
export function readSigner(path: string, maxItemSize: number): Uint8Array {
  const source = readFileSource(path, maxItemSize);
  const certificates = documentEntries(detectEntries(source.bytes, source.path)).filter(isCertificateEntry);
  if (certificates.length !== 1) throw new UsageError(`--signer '${path}' must hold exactly one certificate (the XML signing certificate that will sign the requests); it holds ${certificates.length}`);
  const decoded = decodeDocument(certificates[0].der, 'certificate');
  if (decoded.kind !== 'certificate') throw new UsageError(`--signer '${path}' holds a certification request, not a certificate`);
  const problem = decoded.model.problems[0];
  if (problem) throw new UsageError(`--signer '${path}' is not a certificate that decodes: ${problem.message} (at ${problem.path})`);
  return certificates[0].der;
}
