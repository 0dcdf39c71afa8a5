import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { findExtension } from '../../x509/index.js';
import { extensionPath } from '../paths.js';

export default defineRule({
  id: 'cert.ski.missing',
  severity: 'error',
  appliesTo: SMKI_KINDS,
  citation: 'GBCS section 12; RFC 5280 4.2.1.2',
  description: 'The certificate has no subjectKeyIdentifier extension.',
  source: 'spec',
  check({ cert }, ctx) {
    if (findExtension(cert, 'subjectKeyIdentifier')) return;
    ctx.report({ path: extensionPath('subjectKeyIdentifier'), message: 'no subjectKeyIdentifier extension; every SMKI certificate has an 8-octet subjectKeyIdentifier (RFC 5280 4.2.1.2 method 2)' });
  },
});
