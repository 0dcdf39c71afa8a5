import { compareNames } from '../../chain/index.js';
import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { formatName } from '../../x509/index.js';
import { PATH } from '../paths.js';
import { describeIssuer, otherIssuer } from './support.js';

export default defineRule({
  id: 'chain.issuer-name.string-type',
  severity: 'warning',
  appliesTo: SMKI_KINDS,
  citation: 'RFC 5280 4.1.2.4 and 7.1 (name comparison); DCC test PKI (OU=07, CN=Z1 as PrintableString and as UTF8String)',
  description: "The issuer name equals the issuer's subject only after normalising string types, case or spacing, so a byte-for-byte comparison fails.",
  source: 'seen',
  needsChain: true,
  check({ cert, chain }, ctx) {
    const issuer = otherIssuer(chain);
    if (!issuer || !chain) return;
    const cmp = compareNames(cert.issuer, issuer.cert.subject);
    if (cmp.equal !== 'normalised') return;
    const differences = cmp.differences.length > 0 ? cmp.differences.join('; ') : 'the two encodings differ though every attribute reads the same';
    ctx.report({
      path: PATH.issuer,
      offset: cert.issuer?.offset,
      message:
        `issuer name '${formatName(cert.issuer)}' equals the subject of the ${describeIssuer(issuer, chain)} only after normalisation: ` +
        `${differences}; byte-for-byte comparison, as most verifiers do it, fails`,
    });
  },
});
