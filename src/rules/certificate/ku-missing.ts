import { defineRule } from '../../lint/index.js';
import { findExtension } from '../../x509/index.js';
import { extensionPath } from '../paths.js';

export default defineRule({
  id: 'cert.ku.missing',
  severity: 'error',
  appliesTo: 'all',
  citation: 'GBCS section 12; RFC 5280 4.2.1.3',
  description: 'The certificate has no keyUsage extension.',
  source: 'spec',
  check({ cert }, ctx) {
    if (findExtension(cert, 'keyUsage')) return;
    ctx.report({ path: extensionPath('keyUsage'), message: 'no keyUsage extension; every SMKI certificate has a critical keyUsage' });
  },
});
