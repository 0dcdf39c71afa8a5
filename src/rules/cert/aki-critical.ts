import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { findExtension } from '../../x509/index.js';
import { extensionPath } from '../paths.js';

export default defineRule({
  id: 'cert.aki.critical',
  severity: 'error',
  appliesTo: SMKI_KINDS,
  citation: 'GBCS section 12; RFC 5280 4.2.1.1',
  description: 'The authorityKeyIdentifier extension is marked critical; it must be non-critical.',
  source: 'spec',
  check({ cert }, ctx) {
    const ext = findExtension(cert, 'authorityKeyIdentifier');
    if (!ext || !ext.critical) return;
    ctx.report({ path: extensionPath('authorityKeyIdentifier', 'critical'), offset: ext.offset, message: 'authorityKeyIdentifier is critical; RFC 5280 4.2.1.1 requires it to be non-critical' });
  },
});
