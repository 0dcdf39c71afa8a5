import { defineRule } from '../../lint/index.js';
import { checkCaRoleOu } from '../ca/support.js';

export default defineRule({
  id: 'root.role',
  severity: 'error',
  appliesTo: ['root'],
  citation: 'GBCS Remote Party Role Codes (root = 0); SEC Appendix M, Appendix F; DCC test PKI (ZAZ1 OU=00, CN=ZA)',
  description: "A Root OCA's subject OU is '00', the root role code.",
  source: 'seen',
  check({ cert }, ctx) {
    checkCaRoleOu(cert, ctx, '00', 'root');
  },
});
