import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { extensionValue } from '../../x509/index.js';
import { PATH } from '../paths.js';
import { describeIssuer, otherIssuer } from './support.js';

export default defineRule({
  id: 'chain.issuer.not-ca',
  severity: 'error',
  appliesTo: SMKI_KINDS,
  citation: 'RFC 5280 4.2.1.3, 4.2.1.9 and 6.1.4 (k); GBCS section 12',
  description: 'The certificate that issued this one is not a CA certificate: it has neither basicConstraints cA=TRUE nor keyUsage keyCertSign.',
  source: 'spec',
  needsChain: true,
  check({ cert, chain }, ctx) {
    const issuer = otherIssuer(chain);
    if (!issuer || !chain) return;
    const bc = extensionValue(issuer.cert, 'basicConstraints');
    const ku = extensionValue(issuer.cert, 'keyUsage');
    if (bc?.cA || ku?.keyCertSign) return;
    const basic = bc ? 'basicConstraints cA=FALSE' : 'no basicConstraints';
    const usage = ku ? (ku.names.length > 0 ? `keyUsage ${ku.names.join(', ')}` : 'an empty keyUsage') : 'no keyUsage';
    ctx.report({
      path: PATH.issuer,
      offset: cert.issuer?.offset,
      message: `the ${describeIssuer(issuer, chain)} is not a CA certificate: it has ${basic} and ${usage}; a certificate is issued only by a CA (basicConstraints cA=TRUE, keyUsage keyCertSign)`,
    });
  },
});
