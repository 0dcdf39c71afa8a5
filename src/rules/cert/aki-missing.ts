import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { findExtension } from '../../x509/index.js';
import { extensionPath } from '../paths.js';

export default defineRule({
  id: 'cert.aki.missing',
  severity: 'error',
  appliesTo: SMKI_KINDS,
  citation: 'GBCS section 12; RFC 5280 4.2.1.1',
  description: 'The certificate has no authorityKeyIdentifier extension; only a self-signed Root OCA may omit it.',
  source: 'spec',
  check({ cert, view }, ctx) {
    // The spec exempts the Root OCA alone, not every certificate that names itself as its issuer.
    if (view.kind === 'root' || findExtension(cert, 'authorityKeyIdentifier')) return;
    const self = view.selfIssued ? ' This certificate names itself as its issuer, but it is not a Root OCA.' : '';
    ctx.report({
      path: extensionPath('authorityKeyIdentifier'),
      message: `no authorityKeyIdentifier extension; only a self-signed Root OCA may omit it, and every other SMKI certificate carries the issuer's 8-octet key identifier.${self}`,
    });
  },
});
