import { decodeDocument } from '../x509/index.js';
import { detectEntries, documentEntries, isCertificateEntry } from './entries.js';
import { OptionsError } from './options.js';

/**
 * The DER of the one certificate in the bytes given as the signer of DUIS requests; an
 * OptionsError says what is wrong, naming the input as `name` (e.g. "--signer 'signer.pem'").
 */
export function signerCertificate(bytes: Uint8Array, name: string): Uint8Array {
  const certificates = documentEntries(detectEntries(bytes, name)).filter(isCertificateEntry);
  if (certificates.length !== 1) throw new OptionsError(`${name} must hold exactly one certificate (the XML signing certificate that will sign the requests); it holds ${certificates.length}`);
  const decoded = decodeDocument(certificates[0].der, 'certificate');
  if (decoded.kind !== 'certificate') throw new OptionsError(`${name} holds a certification request, not a certificate`);
  const problem = decoded.model.problems[0];
  if (problem) throw new OptionsError(`${name} is not a certificate that decodes: ${problem.message} (at ${problem.path})`);
  return certificates[0].der;
}
