import { defineRule } from '../../lint/index.js';
import { PATH } from '../paths.js';

export default defineRule({
  id: 'device-ca.profile-unavailable',
  severity: 'notice',
  appliesTo: ['device-ca'],
  citation: 'GBCS section 12 (requirements for every certificate); no Device CA profile text was available',
  description: 'Reported for every Device CA certificate: no Device CA profile text is available, so only the general certificate rules and the CA rules were applied.',
  source: 'adopted',
  check({ view }, ctx) {
    ctx.report({
      path: PATH.subject,
      message:
        `classified as a Device CA Certificate (${view.kindReason}); no Device CA profile text is available to this checker, so only the ` +
        'general certificate rules and the CA rules (keyUsage keyCertSign + cRLSign, critical basicConstraints cA TRUE) were applied',
    });
  },
});
