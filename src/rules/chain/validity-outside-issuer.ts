import { defineRule } from '../../lint/index.js';
import { PATH } from '../paths.js';
import { isoTime } from '../support.js';
import { describeIssuer, otherIssuer } from './support.js';

export default defineRule({
  id: 'chain.validity.outside-issuer',
  severity: 'error',
  appliesTo: 'all',
  citation: 'RFC 5280 6.1.3 (a)(2) (every certificate of the path must be valid at the time of use)',
  description: "The validity period is not inside the issuer's: notBefore earlier than the issuer's notBefore, or notAfter later than the issuer's notAfter.",
  source: 'adopted',
  needsChain: true,
  check({ cert, chain }, ctx) {
    const issuer = otherIssuer(chain);
    if (!issuer || !chain) return;
    const own = cert.validity;
    const theirs = issuer.cert.validity;
    const nb = own?.notBefore;
    const issuerNb = theirs?.notBefore?.ms;
    if (nb && nb.ms !== null && issuerNb !== undefined && issuerNb !== null && nb.ms < issuerNb) {
      ctx.report({
        path: PATH.notBefore,
        offset: nb.offset,
        message: `notBefore ${isoTime(nb.ms)} is earlier than the notBefore ${isoTime(issuerNb)} of the ${describeIssuer(issuer, chain)}: the certificate would be valid before its issuer was`,
      });
    }
    const na = own?.notAfter;
    const issuerNa = theirs?.notAfter?.ms;
    if (na && na.ms !== null && issuerNa !== undefined && issuerNa !== null && na.ms > issuerNa) {
      ctx.report({
        path: PATH.notAfter,
        offset: na.offset,
        message: `notAfter ${isoTime(na.ms)} is later than the notAfter ${isoTime(issuerNa)} of the ${describeIssuer(issuer, chain)}: the certificate would outlive its issuer`,
      });
    }
  },
});
