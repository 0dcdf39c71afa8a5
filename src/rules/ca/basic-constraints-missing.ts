import { defineRule } from '../../lint/index.js';
import { findExtension } from '../../x509/index.js';
import { extensionPath } from '../paths.js';
import { aKind } from './support.js';

export default defineRule({
  id: 'ca.basic-constraints.missing',
  severity: 'error',
  appliesTo: ['root', 'issuing-oca', 'device-ca'],
  citation: 'RFC 5280 4.2.1.9; DCC test PKI (ZAZ1 Root and Issuing OCA)',
  description: 'A CA certificate (Root OCA, Issuing OCA, Device CA) has no basicConstraints extension.',
  source: 'spec',
  check({ cert, view }, ctx) {
    if (findExtension(cert, 'basicConstraints')) return;
    ctx.report({
      path: extensionPath('basicConstraints'),
      message:
        `no basicConstraints extension; ${aKind(view.kind)} signs certificates, and RFC 5280 4.2.1.9 requires a CA certificate ` +
        'to carry a critical basicConstraints with cA TRUE (without it, relying parties will not accept it as an issuer)',
    });
  },
});
