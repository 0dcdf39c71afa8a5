import { defineRule } from '../../lint/index.js';
import { checkCaRoleOu } from '../ca/support.js';

export default defineRule({
  id: 'ica.role',
  severity: 'error',
  appliesTo: ['issuing-oca'],
  citation: 'GBCS Remote Party Role Codes (issuingAuthority = 7); SEC Appendix M, Appendix F; DCC test PKI (ZAZ1 OU=07, CN=Z1)',
  description: "An Issuing OCA's subject OU is '07', the issuingAuthority role code.",
  source: 'seen',
  check({ cert }, ctx) {
    checkCaRoleOu(cert, ctx, '07', 'issuing-oca');
  },
});
