import { defineRule } from '../../lint/index.js';
import { findExtension } from '../../x509/index.js';
import { extensionPath } from '../paths.js';

export default defineRule({
  id: 'cert.ku.not-critical',
  severity: 'error',
  appliesTo: 'all',
  citation: 'GBCS section 12; RFC 5280 4.2.1.3',
  description: 'The keyUsage extension is not marked critical.',
  source: 'spec',
  check({ cert }, ctx) {
    const ext = findExtension(cert, 'keyUsage');
    if (!ext || ext.critical) return;
    ctx.report({ path: extensionPath('keyUsage', 'critical'), offset: ext.offset, message: 'keyUsage is not critical; SMKI requires keyUsage to be marked critical' });
  },
});
