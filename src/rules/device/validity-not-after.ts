import { defineRule } from '../../lint/index.js';
import { PATH } from '../paths.js';
import { isoTime } from '../support.js';

const NO_EXPIRY = '99991231235959Z';

export default defineRule({
  id: 'device.validity.not-after',
  severity: 'error',
  appliesTo: ['device'],
  citation: 'GBCS section 12 (Device Certificates); RFC 5280 4.1.2.5',
  description: 'A Device Certificate has no well-defined expiration: notAfter is the GeneralizedTime 99991231235959Z.',
  source: 'spec',
  check({ cert }, ctx) {
    const notAfter = cert.validity?.notAfter;
    if (!notAfter) return;
    // Compared as text: the profile names this exact value, and a fraction or offset would be another encoding of it.
    if (notAfter.encoding === 'GeneralizedTime' && notAfter.text === NO_EXPIRY) return;
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
