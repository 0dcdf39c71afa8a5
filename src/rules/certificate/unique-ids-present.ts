import { defineRule } from '../../lint/index.js';
import { PATH } from '../paths.js';
import { elementEnd } from './shared.js';

export default defineRule({
  id: 'cert.unique-ids.present',
  severity: 'error',
  appliesTo: 'all',
  citation: 'RFC 5280 4.1.2.8',
  description: 'The certificate carries an issuerUniqueID or subjectUniqueID; conforming CAs must not generate them.',
  source: 'spec',
  check({ cert }, ctx) {
    if (!cert.issuerUniqueIdPresent && !cert.subjectUniqueIdPresent) return;
    // The unique identifiers follow subjectPublicKeyInfo directly.
    const spki = cert.subjectPublicKeyInfo;
    const issuerAt = spki ? spki.offset + spki.raw.length : undefined;
    if (cert.issuerUniqueIdPresent) {
      ctx.report({ path: PATH.uniqueIds, offset: issuerAt, message: 'issuerUniqueID [1] is present; RFC 5280 4.1.2.8 says CAs must not generate certificates with unique identifiers' });
    }
    if (cert.subjectUniqueIdPresent) {
      const subjectAt = issuerAt !== undefined && cert.issuerUniqueIdPresent ? elementEnd(cert.der, issuerAt) : issuerAt;
      ctx.report({ path: PATH.uniqueIds, offset: subjectAt, message: 'subjectUniqueID [2] is present; RFC 5280 4.1.2.8 says CAs must not generate certificates with unique identifiers' });
    }
  },
});
