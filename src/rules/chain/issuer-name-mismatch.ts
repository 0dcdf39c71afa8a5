import { compareNames } from '../../chain/index.js';
import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { formatName } from '../../x509/index.js';
import { PATH } from '../paths.js';
import { describeIssuer, otherIssuer } from './support.js';

export default defineRule({
  id: 'chain.issuer-name.mismatch',
  severity: 'error',
  appliesTo: SMKI_KINDS,
  citation: 'RFC 5280 4.1.2.4 and 6.1.3 (a)(4); GBCS section 12',
  description: "The issuer name differs from the subject of the certificate that issued it, even after normalising string types, case and spacing.",
  source: 'spec',
  needsChain: true,
  check({ cert, chain }, ctx) {
    const issuer = otherIssuer(chain);
    if (!issuer || !chain) return;
    const cmp = compareNames(cert.issuer, issuer.cert.subject);
    if (cmp.equal !== 'no') return;
    ctx.report({
      path: PATH.issuer,
      offset: cert.issuer?.offset,
      message:
        `issuer name '${formatName(cert.issuer)}' is not the subject of the ${describeIssuer(issuer, chain)}: ${cmp.reason}; ` +
        "the issuer field must be the issuer's subject, byte for byte",
    });
  },
});
