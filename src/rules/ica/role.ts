import { defineRule } from '../../lint/index.js';
import { checkCaRoleOu } from '../ca/support.js';

export default defineRule({
  id: 'ica.role',
  severity: 'warning',
  appliesTo: ['issuing-oca'],
  citation: 'DCC test PKI (ZAZ1 Issuing OCA OU=07, CN=Z1); GBCS Remote Party Role Codes (issuingAuthority = 7)',
  description: "An Issuing OCA's subject does not hold exactly one OU '07', the issuingAuthority role code.",
  // GBCS numbers the role; that the OCA's subject carries it as its OU is what the reference shows.
  source: 'seen',
  check({ cert }, ctx) {
    checkCaRoleOu(cert, ctx, '07', 'issuing-oca');
  },
});
