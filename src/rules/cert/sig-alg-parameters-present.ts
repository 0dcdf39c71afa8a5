import { describeOid } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import type { RuleContext } from '../../lint/index.js';
import type { AlgorithmIdentifier } from '../../x509/index.js';
import { PATH } from '../paths.js';
import { describeParameters, isEcdsaSignature } from './shared.js';

export default defineRule({
  id: 'cert.sig-alg.parameters-present',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: SMKI_KINDS,
  citation: 'GBCS section 12; RFC 5758 3.2',
  description: 'An ECDSA signature AlgorithmIdentifier has parameters (NULL included); ecdsa-with-SHA256 takes absent parameters.',
  source: 'spec',
  check(target, ctx) {
    if (target.document === 'certificate') check(target.cert.signature, PATH.signature, ctx);
    check(target.doc.signatureAlgorithm, PATH.signatureAlgorithm, ctx);
  },
});

function check(alg: AlgorithmIdentifier | undefined, path: string, ctx: RuleContext): void {
  // Other algorithms have their own parameter rules (RSA takes NULL); cert.sig-alg.not-ecdsa-sha256 reports them.
  if (!alg || alg.parameters === 'absent' || !isEcdsaSignature(alg.oid)) return;
  ctx.report({
    path,
    offset: alg.offset,
    message: `${path} has ${describeParameters(alg)}; ${describeOid(alg.oid)} takes absent parameters (RFC 5758 3.2)`,
  });
}
