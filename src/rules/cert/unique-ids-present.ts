import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { PATH } from '../paths.js';

export default defineRule({
  id: 'cert.unique-ids.present',
  severity: 'error',
  appliesTo: SMKI_KINDS,
  citation: 'RFC 5280 4.1.2.8',
  description: 'The certificate carries an issuerUniqueID or subjectUniqueID; conforming CAs must not generate them.',
  source: 'spec',
  check({ cert }, ctx) {
    if (cert.issuerUniqueIdPresent) {
      ctx.report({ path: PATH.uniqueIds, offset: cert.issuerUniqueIdOffset, message: 'issuerUniqueID [1] is present; RFC 5280 4.1.2.8 says CAs must not generate certificates with unique identifiers' });
    }
    if (cert.subjectUniqueIdPresent) {
      ctx.report({ path: PATH.uniqueIds, offset: cert.subjectUniqueIdOffset, message: 'subjectUniqueID [2] is present; RFC 5280 4.1.2.8 says CAs must not generate certificates with unique identifiers' });
    }
  },
});
