import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { findExtension } from '../../x509/index.js';
import type { AuthorityKeyIdentifier } from '../../x509/index.js';
import { extensionPath } from '../paths.js';
import { hexUpper } from './shared.js';

export default defineRule({
  id: 'cert.aki.length',
  severity: 'error',
  appliesTo: SMKI_KINDS,
  citation: 'GBCS section 12; RFC 5280 4.2.1.1, 4.2.1.2',
  description: "The authorityKeyIdentifier keyIdentifier is not 8 octets (the issuer's method-2 subjectKeyIdentifier).",
  source: 'spec',
  check({ cert }, ctx) {
    const ext = findExtension(cert, 'authorityKeyIdentifier');
    const id = (ext?.parsed as AuthorityKeyIdentifier | undefined)?.keyIdentifier;
    if (!ext || !id || id.length === 8) return;
    const shown = id.length === 0 ? 'empty' : `${id.length} octets (${hexUpper(id)})`;
    ctx.report({
      path: extensionPath('authorityKeyIdentifier', 'keyIdentifier'),
      offset: ext.valueOffset,
      message: `authorityKeyIdentifier keyIdentifier is ${shown}; SMKI requires 8 octets, the issuer's subjectKeyIdentifier by RFC 5280 4.2.1.2 method 2`,
    });
  },
});
