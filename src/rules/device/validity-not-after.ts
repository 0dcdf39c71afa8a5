import { defineRule } from '../../lint/index.js';
import { PATH } from '../paths.js';
import { isoTime } from '../support.js';
import { NO_EXPIRY, hasNoExpiry } from './no-expiry.js';

export default defineRule({
  id: 'device.validity.not-after',
  severity: 'error',
  appliesTo: ['device'],
  citation: 'GBCS section 12 (Device Certificates); RFC 5280 4.1.2.5',
  description: 'A Device Certificate\'s notAfter is not the GeneralizedTime 99991231235959Z that marks a certificate with no well-defined expiration.',
  source: 'spec',
  check({ cert }, ctx) {
    const notAfter = cert.validity?.notAfter;
    if (!notAfter || hasNoExpiry(notAfter)) return;
    const when = notAfter.ms !== null ? ` (${isoTime(notAfter.ms)})` : '';
    ctx.report({
      path: PATH.notAfter,
      offset: notAfter.offset,
      message:
        `notAfter is ${notAfter.encoding} '${notAfter.text}'${when}; a Device Certificate has no well-defined expiration date, ` +
        `so notAfter must be the GeneralizedTime ${NO_EXPIRY} (RFC 5280 4.1.2.5)`,
    });
  },
});
