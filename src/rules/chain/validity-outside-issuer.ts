import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { PATH } from '../paths.js';
import { isoTime } from '../support.js';
import { hasNoExpiry } from '../device/no-expiry.js';
import { describeIssuer, otherIssuer } from './support.js';

export default defineRule({
  id: 'chain.validity.outside-issuer',
  severity: 'warning',
  appliesTo: SMKI_KINDS,
  citation:
    "RFC 5280 6.1.3 (a)(2) (each certificate of a path is valid at the time of use; nesting is not required, but a certificate that outlives its issuer stops validating when the issuer expires); RFC 5280 4.1.2.5 and GBCS section 12 (a Device Certificate's notAfter 99991231235959Z means no well-defined expiration)",
  description:
    "The validity period is not inside the issuer's: notBefore earlier than the issuer's notBefore, or notAfter later than the issuer's notAfter (a Device Certificate's notAfter 99991231235959Z excepted).",
  // RFC 5280 validates each certificate at the time of use and does not require nesting: practice, so a warning.
  source: 'adopted',
  needsChain: true,
  check({ cert, view, chain }, ctx) {
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
        message: `notBefore ${isoTime(nb.ms)} is earlier than the notBefore ${isoTime(issuerNb)} of the ${describeIssuer(issuer, chain)}: the certificate claims validity before its issuer had any`,
      });
    }
    const na = own?.notAfter;
    const issuerNa = theirs?.notAfter?.ms;
    // GBCS gives every Device Certificate the notAfter that means "no expiration": not a defect of nesting.
    if (view.kind === 'device' && hasNoExpiry(na)) return;
    if (na && na.ms !== null && issuerNa !== undefined && issuerNa !== null && na.ms > issuerNa) {
      ctx.report({
        path: PATH.notAfter,
        offset: na.offset,
        message:
          `notAfter ${isoTime(na.ms)} is later than the notAfter ${isoTime(issuerNa)} of the ${describeIssuer(issuer, chain)}: ` +
          `the certificate outlives its issuer, and fails path validation once the issuer has expired`,
      });
    }
  },
});
