import { defineRule } from '../../lint/index.js';
import { PATH } from '../paths.js';

export default defineRule({
  id: 'kind.unknown',
  severity: 'notice',
  appliesTo: ['unknown'],
  citation: 'GBCS section 12; SEC Appendix B (OCP) Annex B',
  description: 'No SMKI certificate profile (Organisation, Device, Issuing OCA, Root OCA, Device CA) matched the certificate, so only the general certificate rules were applied.',
  source: 'adopted',
  check({ view }, ctx) {
    ctx.report({
      path: PATH.subject,
      message:
        `no SMKI certificate profile matched (${view.kindReason}), so only the general certificate rules were applied; ` +
        'the kind option (--kind) checks it against a chosen profile',
    });
  },
});
