import { compareNames } from '../../chain/names.js';
import { defineRule } from '../../lint/index.js';
import { PATH } from '../paths.js';
import { SUBJECTS } from './subject-mismatch.js';

export default defineRule({
  id: 'compare.subject.not-byte-equal',
  severity: 'notice',
  appliesTo: 'all',
  needsRequest: true,
  citation: 'RFC 5280 7.1 (names equal after normalisation); SEC Appendix M, Appendix F',
  description: 'The certificate\'s subject equals the requested one only after normalisation: the CA re-encoded it (another string type, case or spacing).',
  source: 'adopted',
  check({ cert, request }, ctx) {
    const result = compareNames(request!.csr.subject, cert.subject, SUBJECTS);
    if (result.equal !== 'normalised') return;
    ctx.report({
      path: PATH.subject,
      offset: cert.subject?.offset,
      message: `the certificate's subject equals the requested subject after normalisation but not byte for byte: ${result.differences.join('; ')}. Software that compares subjects as bytes will not match them`,
    });
  },
});
