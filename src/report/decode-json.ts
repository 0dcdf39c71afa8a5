import type { CertificateResult } from '../check/result.js';
import { toJsonValue } from './serialise.js';

/** The full decoded model of one certificate or request with its SMKI reading, as plain JSON. */
export function decodeSummaryJson(result: CertificateResult): unknown {
  const { der: _der, ...model } = (result.certificate ?? result.csr)!;
  return {
    source: result.source,
    document: result.document,
    sha256: result.sha256,
    smki: toJsonValue(result.view),
    [result.csr ? 'request' : 'certificate']: toJsonValue(model),
  };
}
