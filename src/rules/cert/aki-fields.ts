import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { findExtension } from '../../x509/index.js';
import type { AuthorityKeyIdentifier } from '../../x509/index.js';
import { extensionPath } from '../paths.js';

export default defineRule({
  id: 'cert.aki.fields',
  severity: 'error',
  appliesTo: SMKI_KINDS,
  citation: 'GBCS section 12; RFC 5280 4.2.1.1',
  description: 'The authorityKeyIdentifier lacks keyIdentifier, or carries authorityCertIssuer or authorityCertSerialNumber; SMKI uses keyIdentifier only.',
  source: 'spec',
  check({ cert }, ctx) {
    const ext = findExtension(cert, 'authorityKeyIdentifier');
    const aki = ext?.parsed as AuthorityKeyIdentifier | undefined;
    if (!ext || !aki) return;
    const extra = aki.hasAuthorityCertIssuer || aki.authorityCertSerialNumber !== undefined;
    if (aki.keyIdentifier !== undefined && !extra) return;
    const found: string[] = [];
    if (aki.keyIdentifier === undefined) found.push('has no keyIdentifier');
    if (extra) {
      const fields = [aki.hasAuthorityCertIssuer ? 'authorityCertIssuer' : '', aki.authorityCertSerialNumber ? 'authorityCertSerialNumber' : ''].filter(Boolean).join(' and ');
      found.push(`carries ${fields}`);
    }
    ctx.report({
      path: extensionPath('authorityKeyIdentifier'),
      offset: ext.valueOffset,
      message: `authorityKeyIdentifier ${found.join(' and ')}; SMKI requires keyIdentifier only (the issuer's 8-octet subjectKeyIdentifier)`,
    });
  },
});
