import { compareNames } from '../../chain/names.js';
import { defineRule } from '../../lint/index.js';
import { formatName } from '../../x509/index.js';
import { PATH } from '../paths.js';

export default defineRule({
  id: 'compare.subject.mismatch',
  severity: 'error',
  appliesTo: 'all',
  needsRequest: true,
  citation: 'SEC Appendix M, Appendix F (the CSR subject is the subject of the certificate issued); RFC 5280 7.1 (name comparison)',
  description: 'The certificate\'s subject differs from the subject the request asked for, even after normalising string types, case and white space.',
  source: 'spec',
  check({ cert, request }, ctx) {
    const result = compareNames(request!.csr.subject, cert.subject, SUBJECTS);
    if (result.equal !== 'no') return;
    ctx.report({
      path: PATH.subject,
      offset: cert.subject?.offset,
      message: `the certificate's subject '${formatName(cert.subject)}' is not the requested '${formatName(request!.csr.subject)}' (${result.reason}); the certificate was issued for another subject`,
    });
  },
});

export const SUBJECTS = { a: 'the request', b: 'the certificate' };
