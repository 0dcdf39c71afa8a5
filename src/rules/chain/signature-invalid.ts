import { signatureHashSupported } from '../../chain/index.js';
import { describeOid } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { PATH } from '../paths.js';
import { describeIssuer, otherIssuer } from './support.js';

export default defineRule({
  id: 'chain.signature.invalid',
  severity: 'error',
  appliesTo: 'all',
  citation: 'RFC 5280 6.1.3 (a)(1); GBCS section 12',
  description: "The certificate's signature does not verify under its issuer's public key (or could not be verified with its algorithm).",
  source: 'spec',
  needsChain: true,
  check({ cert, chain }, ctx) {
    const issuer = otherIssuer(chain);
    if (!issuer || !chain || chain.signatureValid === true) return;
    const alg = cert.signatureAlgorithm;
    if (chain.signatureValid === false) {
      const others = chain.candidates > 1 ? ` nor under the key of any of the other ${chain.candidates - 1} candidate issuers` : '';
      ctx.report({
        path: 'signatureValue',
        message:
          `the signature does not verify under the public key of the ${describeIssuer(issuer, chain)}${others}; ` +
          'the certificate was signed by another key or changed after it was signed',
      });
      return;
    }
    // Unverified is not shown to be invalid, so this case is a warning: the algorithm is cert.sig-alg.*'s concern.
    const algorithm = alg ? describeOid(alg.oid) : 'an unreadable algorithm';
    const why = signatureHashSupported(cert)
      ? "the issuer's public key could not be read"
      : `its algorithm ${algorithm} is not one the checker verifies (ecdsa-with-SHA256, ecdsa-with-SHA384)`;
    ctx.report({
      path: PATH.signatureAlgorithm,
      offset: alg?.offset,
      severity: 'warning',
      message: `the signature could not be verified under the key of the ${describeIssuer(issuer, chain)}: ${why}`,
    });
  },
});
