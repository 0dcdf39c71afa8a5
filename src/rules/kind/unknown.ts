import { defineRule } from '../../lint/index.js';
import { pathsOf } from '../paths.js';

export default defineRule({
  id: 'kind.unknown',
  severity: 'notice',
  documents: ['certificate', 'csr'],
  appliesTo: ['unknown'],
  citation: 'GBCS section 12 (the SMKI certificate profiles); SEC Appendix M, Appendix F (Organisation and Device CSRs)',
  description: 'No SMKI profile (Organisation, Device, Issuing OCA, Root OCA, Device CA) matched the certificate or CSR: it is not an SMKI document as it stands, so only its encoding was checked.',
  source: 'adopted',
  check({ view, document }, ctx) {
    const paths = pathsOf(document);
    ctx.report({
      path: paths.subject,
      message:
        `no SMKI ${document === 'csr' ? 'request' : 'certificate'} profile matched (${view.kindReason}), so it was checked as no SMKI ${document === 'csr' ? 'request' : 'certificate'}: ` +
        'only its encoding was. The kind option (--kind) checks it against a chosen profile',
    });
  },
});
