import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { findExtension } from '../../x509/index.js';
import { pathsOf } from '../paths.js';

export default defineRule({
  id: 'cert.ku.not-critical',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: SMKI_KINDS,
  citation: 'GBCS section 12; RFC 5280 4.2.1.3',
  description: 'The keyUsage extension is not marked critical.',
  source: 'spec',
  check({ doc, document }, ctx) {
    const paths = pathsOf(document);
    const ext = findExtension(doc, 'keyUsage');
    if (!ext || ext.critical) return;
    ctx.report({ path: paths.extension('keyUsage', 'critical'), offset: ext.offset, message: 'keyUsage is not critical; SMKI requires keyUsage to be marked critical' });
  },
});
