import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { PATH } from '../paths.js';
import { isoTime } from '../support.js';

export default defineRule({
  id: 'cert.validity.expired',
  severity: 'error',
  appliesTo: SMKI_KINDS,
  citation: 'RFC 5280 4.1.2.5, 6.1.3 (a)(2)',
  description: 'The certificate has expired at the evaluation time (notAfter is earlier).',
  source: 'spec',
  check({ cert }, ctx) {
    const na = cert.validity?.notAfter;
    // notAfter is inclusive: the certificate is valid through that second.
    if (!na || na.ms === null || ctx.evaluationTime <= na.ms) return;
    ctx.report({ path: PATH.notAfter, offset: na.offset, message: `certificate expired at ${isoTime(na.ms)} (notAfter); evaluated at ${isoTime(ctx.evaluationTime)}` });
  },
});
