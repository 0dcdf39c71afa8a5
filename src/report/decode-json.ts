import type { CertificateResult } from '../check/result.js';
import { toJsonValue } from './serialise.js';

/** The full decoded model of one certificate with its SMKI reading, as plain JSON. */
export function decodeSummaryJson(result: CertificateResult): unknown {
  const { der: _der, ...model } = result.certificate!;
  return {
    source: result.source,
    sha256: result.sha256,
    smki: toJsonValue(result.view),
    certificate: toJsonValue(model),
  };
}
