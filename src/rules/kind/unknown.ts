import { defineRule } from '../../lint/index.js';
import { pathsOf } from '../paths.js';

export default defineRule({
  id: 'kind.unknown',
  severity: 'notice',
  documents: ['certificate', 'csr'],
  appliesTo: ['unknown'],
  citation: 'GBCS section 12; SEC Appendix B (OCP) Annex B',
  description: 'No SMKI certificate profile (Organisation, Device, Issuing OCA, Root OCA, Device CA) matched the certificate, so only the general certificate rules were applied.',
  source: 'adopted',
  check({ view, document }, ctx) {
    const paths = pathsOf(document);
    ctx.report({
      path: paths.subject,
      message:
        `no SMKI ${document === 'csr' ? 'request' : 'certificate'} profile matched (${view.kindReason}), so only the general ${document === 'csr' ? '' : 'certificate '}rules were applied; ` +
        'the kind option (--kind) checks it against a chosen profile',
    });
  },
});
