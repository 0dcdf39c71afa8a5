import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { findExtension } from '../../x509/index.js';
import { extensionPath } from '../paths.js';

export default defineRule({
  id: 'cert.policies.not-critical',
  severity: 'error',
  appliesTo: SMKI_KINDS,
  citation: 'GBCS section 12; RFC 5280 4.2.1.4',
  description: 'The certificatePolicies extension is not marked critical.',
  source: 'spec',
  check({ cert }, ctx) {
    const ext = findExtension(cert, 'certificatePolicies');
    if (!ext || ext.critical) return;
    ctx.report({ path: extensionPath('certificatePolicies', 'critical'), offset: ext.offset, message: 'certificatePolicies is not critical; SMKI requires certificatePolicies to be marked critical' });
  },
});
