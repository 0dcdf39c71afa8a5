import { signatureHashSupported } from '../../chain/index.js';
import { describeOid } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { PATH } from '../paths.js';
import { describeIssuer, otherIssuer } from './support.js';

export default defineRule({
  id: 'chain.signature.unverifiable',
  severity: 'warning',
  appliesTo: SMKI_KINDS,
  citation: 'RFC 5280 6.1.3 (a)(1) (the signature is verified with the issuer\'s public key and algorithm)',
  description: "The certificate's signature could not be verified under its issuer's key: its algorithm is not one the checker verifies, or the issuer's key could not be read.",
  // Not verified is not shown invalid: a warning, and the algorithm itself is cert.sig-alg.*'s finding.
  source: 'adopted',
  needsChain: true,
  check({ cert, chain }, ctx) {
    const issuer = otherIssuer(chain);
    if (!issuer || !chain || chain.signatureValid !== undefined) return;
    const alg = cert.signatureAlgorithm;
    const why = signatureHashSupported(cert)
      ? "the issuer's public key could not be read"
      : alg
        ? `its algorithm ${describeOid(alg.oid)} is not one the checker verifies (ecdsa-with-SHA256, ecdsa-with-SHA384)`
        : 'its algorithm could not be read';
    ctx.report({
      path: PATH.signatureAlgorithm,
      offset: alg?.offset,
      message: `the signature could not be verified under the key of the ${describeIssuer(issuer, chain)}: ${why}`,
    });
  },
});
