import { defineRule } from '../../lint/index.js';
import { findExtension } from '../../x509/index.js';
import { extensionPath } from '../paths.js';
import { aKind } from './support.js';

export default defineRule({
  id: 'ca.basic-constraints.not-critical',
  severity: 'error',
  appliesTo: ['root', 'issuing-oca', 'device-ca'],
  citation: 'RFC 5280 4.2.1.9; DCC test PKI (ZAZ1 Root and Issuing OCA)',
  description: 'The basicConstraints extension of a CA certificate is not marked critical.',
  source: 'spec',
  check({ cert, view }, ctx) {
    const ext = findExtension(cert, 'basicConstraints');
    if (!ext || ext.critical) return;
    ctx.report({
      path: extensionPath('basicConstraints', 'critical'),
      offset: ext.offset,
      message: `basicConstraints is not critical; ${aKind(view.kind)} marks basicConstraints critical (RFC 5280 4.2.1.9: MUST in CA certificates that validate signatures)`,
    });
  },
});
