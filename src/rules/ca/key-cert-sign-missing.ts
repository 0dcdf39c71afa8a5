import { defineRule } from '../../lint/index.js';
import { extensionValue, findExtension } from '../../x509/index.js';
import { extensionPath } from '../paths.js';
import { aKind } from './support.js';

export default defineRule({
  id: 'ca.key-cert-sign.missing',
  severity: 'error',
  appliesTo: ['root', 'issuing-oca', 'device-ca'],
  citation:
    'RFC 5280 4.2.1.3 (keyCertSign is asserted when the subject public key verifies signatures on certificates) and 6.1.4 (n) (a CA certificate whose keyUsage lacks keyCertSign fails path validation)',
  description: 'The keyUsage of a CA certificate (Root OCA, Issuing OCA, Device CA) lacks keyCertSign, so no certificate it signs validates.',
  source: 'spec',
  check({ cert, view }, ctx) {
    // A missing or undecodable keyUsage is reported by the cert.* rules.
    const ku = extensionValue(cert, 'keyUsage');
    if (!ku || ku.keyCertSign) return;
    ctx.report({
      path: extensionPath('keyUsage'),
      offset: findExtension(cert, 'keyUsage')?.valueOffset,
      message:
        `keyUsage is ${ku.names.length > 0 ? ku.names.join(', ') : 'no bits set'} without keyCertSign; ${aKind(view.kind)} signs certificates, ` +
        'and RFC 5280 6.1.4 (n) rejects a CA certificate whose keyUsage lacks keyCertSign, so nothing it issues validates',
    });
  },
});
