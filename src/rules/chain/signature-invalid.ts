import { verifySignature } from '../../chain/index.js';
import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { ecdsaSigValueProblem, reencodeEcdsaSigValue } from '../checks/ecdsa-sig-value.js';
import { offsetIn } from '../cert/shared.js';
import { describeIssuer, otherIssuer } from './support.js';

export default defineRule({
  id: 'chain.signature.invalid',
  severity: 'error',
  appliesTo: SMKI_KINDS,
  citation: 'RFC 5280 6.1.3 (a)(1); GBCS section 12',
  description: "The certificate's signature does not verify under its issuer's public key: another key signed it, or it was changed after signing.",
  source: 'spec',
  needsChain: true,
  check({ cert, chain }, ctx) {
    const issuer = otherIssuer(chain);
    const sig = cert.signatureValue;
    if (!issuer || !chain || chain.signatureValid !== false || !sig) return;
    let reading = '';
    if (ecdsaSigValueProblem(sig) !== undefined) {
      // A value that is not DER is cert.sig-value.not-der's finding; whose key made it is known
      // only by reading r and s as they are, and is not a finding when it is the issuer's.
      const der = reencodeEcdsaSigValue(sig);
      const key = issuer.cert.subjectPublicKeyInfo?.raw;
      if (!der || !key || verifySignature(ctx.crypto, cert, key, der) !== false) return;
      reading = ', not even with its r and s re-encoded in DER,';
    }
    const others = chain.candidates > 1 ? ` nor under the key of any of the other ${chain.candidates - 1} candidate issuers` : '';
    ctx.report({
      path: 'signatureValue',
      offset: offsetIn(cert, sig),
      message:
        `the signature does not verify${reading} under the public key of the ${describeIssuer(issuer, chain)}${others}; ` +
        'the certificate was signed by another key or changed after it was signed',
    });
  },
});
