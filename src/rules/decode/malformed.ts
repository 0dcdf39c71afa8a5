import { defineRule } from '../../lint/index.js';

export default defineRule({
  id: 'decode.malformed',
  severity: 'error',
  appliesTo: 'all',
  documents: ['certificate', 'csr'],
  citation: 'RFC 5280 4.1 (Certificate ASN.1 structure)',
  documentCitations: { csr: 'RFC 2986 section 4 (CertificationRequest ASN.1 structure)' },
  description: 'The bytes are not a well-formed X.509 certificate or PKCS#10 request: a field is missing or of the wrong type. Profile rules are not run on such a document.',
  source: 'spec',
  onMalformed: true,
  check({ doc }, ctx) {
    for (const p of doc.problems) ctx.report({ path: p.path, offset: p.offset, message: p.message });
  },
});
