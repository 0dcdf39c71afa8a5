import { defineRule } from '../../lint/index.js';
import { checkCaRoleOu } from '../ca/support.js';

export default defineRule({
  id: 'root.role',
  severity: 'warning',
  appliesTo: ['root'],
  citation: 'DCC test PKI (ZAZ1 Root OCA OU=00, CN=ZA); GBCS Remote Party Role Codes (root = 0)',
  description: "A Root OCA's subject does not hold exactly one OU '00', the root role code.",
  // GBCS numbers the role; that the root's subject carries it as its OU is what the reference shows.
  source: 'seen',
  check({ cert }, ctx) {
    checkCaRoleOu(cert, ctx, '00', 'root');
  },
});
