import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { ecdsaSigValueProblem } from '../checks/ecdsa-sig-value.js';
import { pathsOf } from '../paths.js';
import { isEcdsaSignature, offsetIn } from './shared.js';

export default defineRule({
  id: 'cert.sig-value.not-der',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: SMKI_KINDS,
  citation: 'RFC 5758 3.2 and RFC 5480 2.2 (the signature is the DER encoding of ECDSA-Sig-Value); X.690 section 10',
  description: 'An ECDSA signature value is not a DER ECDSA-Sig-Value: SEQUENCE { r INTEGER, s INTEGER } with r and s positive and nothing after it.',
  source: 'spec',
  check({ doc, document }, ctx) {
    const sig = doc.signatureValue;
    // Another algorithm has another signature format (cert.sig-alg.not-ecdsa-sha256 reports it).
    if (!sig || !doc.signatureAlgorithm || !isEcdsaSignature(doc.signatureAlgorithm.oid)) return;
    const problem = ecdsaSigValueProblem(sig);
    if (!problem) return;
    ctx.report({
      path: pathsOf(document).signatureValue,
      offset: offsetIn(doc, sig),
      message: `the signature value is not a DER ECDSA-Sig-Value: ${problem}. Verifiers that insist on DER reject it`,
    });
  },
});
