import { OID } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { attributesOf, formatName } from '../../x509/index.js';
import { PATH } from '../paths.js';

export default defineRule({
  id: 'org.issuer.not-issuing-oca',
  severity: 'warning',
  appliesTo: ['organisation'],
  citation: 'DCC test PKI (issuer OU=07, CN=Z1); the Organisation Certificate Policy (SEC Appendix B), which names the issuer, was not available',
  description: 'The issuer name has no OU "07" (issuingAuthority), so it does not name an Issuing OCA.',
  source: 'seen',
  check({ cert }, ctx) {
    if (!cert.issuer) return;
    const ous = attributesOf(cert.issuer, OID.organizationalUnitName);
    if (ous.some((a) => a.stringType && a.value === '07')) return;
    const found = ous.length === 0 ? 'which has no OU' : `whose OU is ${ous.map((a) => `'${a.value}'`).join(', ')}`;
    ctx.report({
      path: PATH.issuer,
      offset: cert.issuer.offset,
      message:
        `Issuer is '${formatName(cert.issuer)}', ${found}: an Organisation Certificate is issued by the Issuing OCA, ` +
        "whose subject carries OU '07' (issuingAuthority), e.g. 'OU=07, CN=Z1'. The issuer field must be the Issuing OCA's subject, byte for byte",
    });
  },
});
