import { defineRule } from '../../lint/index.js';
import { findExtension } from '../../x509/index.js';
import { extensionPath } from '../paths.js';

export default defineRule({
  id: 'device.san.not-critical',
  severity: 'error',
  appliesTo: ['device'],
  citation: 'GBCS section 12 (Device Certificates); RFC 5280 4.2.1.6',
  description: 'The subjectAltName of a Device Certificate is marked critical (its subject is empty).',
  source: 'spec',
  check({ cert }, ctx) {
    const ext = findExtension(cert, 'subjectAltName');
    if (!ext || ext.critical) return;
    ctx.report({
      path: extensionPath('subjectAltName', 'critical'),
      offset: ext.offset,
      message:
        'subjectAltName is not critical; a Device Certificate has an empty subject, so its subjectAltName carries the only name ' +
        'and must be marked critical (RFC 5280 4.2.1.6, GBCS)',
    });
  },
});
