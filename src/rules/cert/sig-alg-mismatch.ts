import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import type { AlgorithmIdentifier } from '../../x509/index.js';
import { PATH } from '../paths.js';
import { bytesEqual, describeOid } from '../../der/index.js';
import { describeParameters, hexUpper } from './shared.js';

export default defineRule({
  id: 'cert.sig-alg.mismatch',
  severity: 'error',
  appliesTo: SMKI_KINDS,
  citation: 'RFC 5280 4.1.1.2, 4.1.2.3',
  description: 'tbsCertificate.signature and signatureAlgorithm are not the same AlgorithmIdentifier, byte for byte.',
  source: 'spec',
  check({ cert }, ctx) {
    const inner = cert.signature;
    const outer = cert.signatureAlgorithm;
    if (!inner || !outer || bytesEqual(inner.raw, outer.raw)) return;
    let a = summary(inner);
    let b = summary(outer);
    if (a === b) {
      // Same algorithm and parameter kind: only the bytes can show the difference.
      a += ` (${hexUpper(inner.raw)})`;
      b += ` (${hexUpper(outer.raw)})`;
    }
    ctx.report({
      path: PATH.signatureAlgorithm,
      offset: outer.offset,
      message: `${PATH.signature} is ${a} but signatureAlgorithm is ${b}; RFC 5280 requires the two fields to be identical`,
    });
  },
});

function summary(alg: AlgorithmIdentifier): string {
  return `${describeOid(alg.oid)} with ${describeParameters(alg)}`;
}
