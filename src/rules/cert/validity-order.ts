import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { PATH } from '../paths.js';
import { isoTime } from '../support.js';

export default defineRule({
  id: 'cert.validity.order',
  severity: 'error',
  appliesTo: SMKI_KINDS,
  citation: 'RFC 5280 4.1.2.5',
  description: 'notBefore is later than notAfter: the validity period is empty.',
  source: 'spec',
  check({ cert }, ctx) {
    const nb = cert.validity?.notBefore;
    const na = cert.validity?.notAfter;
    if (!nb || !na || nb.ms === null || na.ms === null || nb.ms <= na.ms) return;
    // A UTCTime year 50..99 reads as 19xx: the usual cause is a date from 2050 written as UTCTime.
    const hint =
      na.encoding === 'UTCTime' && new Date(na.ms).getUTCFullYear() < 2000
        ? ` The UTCTime '${na.text}' reads as ${new Date(na.ms).getUTCFullYear()}; a date in 2050 or later must be GeneralizedTime (RFC 5280 4.1.2.5).`
        : '';
    ctx.report({
      path: PATH.validity,
      offset: cert.validity!.offset,
      message: `notBefore ${isoTime(nb.ms)} is after notAfter ${isoTime(na.ms)}: the validity period is empty.${hint}`,
    });
  },
});
