import { defineRule } from '../../lint/index.js';

export default defineRule({
  id: 'decode.malformed',
  severity: 'error',
  appliesTo: 'all',
  citation: 'RFC 5280 4.1 (Certificate ASN.1 structure)',
  description: 'The bytes are not a well-formed X.509 certificate: a field is missing or of the wrong type. Profile rules are not run on such a certificate.',
  source: 'spec',
  onMalformed: true,
  check({ cert }, ctx) {
    for (const p of cert.problems) ctx.report({ path: p.path, offset: p.offset, message: p.message });
  },
});
