import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { findExtension } from '../../x509/index.js';
import { extensionPath } from '../paths.js';

export default defineRule({
  id: 'cert.ski.critical',
  severity: 'error',
  appliesTo: SMKI_KINDS,
  citation: 'GBCS section 12; RFC 5280 4.2.1.2',
  description: 'The subjectKeyIdentifier extension is marked critical; it must be non-critical.',
  source: 'spec',
  check({ cert }, ctx) {
    const ext = findExtension(cert, 'subjectKeyIdentifier');
    if (!ext || !ext.critical) return;
    ctx.report({ path: extensionPath('subjectKeyIdentifier', 'critical'), offset: ext.offset, message: 'subjectKeyIdentifier is critical; RFC 5280 4.2.1.2 requires it to be non-critical' });
  },
});
