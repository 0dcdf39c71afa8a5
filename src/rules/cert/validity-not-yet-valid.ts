import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { PATH } from '../paths.js';
import { isoTime } from '../support.js';

export default defineRule({
  id: 'cert.validity.not-yet-valid',
  severity: 'warning',
  appliesTo: SMKI_KINDS,
  citation: 'RFC 5280 4.1.2.5, 6.1.3 (a)(2)',
  description: 'The certificate is not yet valid at the evaluation time (notBefore is later).',
  source: 'spec',
  check({ cert }, ctx) {
    const nb = cert.validity?.notBefore;
    if (!nb || nb.ms === null || ctx.evaluationTime >= nb.ms) return;
    ctx.report({ path: PATH.notBefore, offset: nb.offset, message: `certificate is not valid until ${isoTime(nb.ms)} (notBefore); evaluated at ${isoTime(ctx.evaluationTime)}` });
  },
});
