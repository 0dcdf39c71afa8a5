import { defineRule } from '../../lint/index.js';
import type { CertificateKind } from '../../smki/index.js';
import { PATH } from '../paths.js';
import { describeIssuer, otherIssuer } from './support.js';

/** The issuer each kind must have, where the profiles settle it: Root OCA -> Issuing OCA -> Organisation. */
const EXPECTED: Partial<Record<CertificateKind, { kind: CertificateKind; ou: string; who: string; title: string }>> = {
  organisation: { kind: 'issuing-oca', ou: '07', who: 'an Organisation Certificate', title: "an Issuing OCA (subject OU '07', issuingAuthority)" },
  'issuing-oca': { kind: 'root', ou: '00', who: 'an Issuing OCA Certificate', title: "the Root OCA (subject OU '00', root)" },
};

export default defineRule({
  id: 'chain.issuer.role',
  severity: 'warning',
  appliesTo: ['organisation', 'issuing-oca'],
  citation:
    'DCC test PKI (Root OCA OU=00, CN=ZA issues Issuing OCA OU=07, CN=Z1, which issues Organisation Certificates); GBCS Remote Party Role Codes (root 0, issuingAuthority 7). The Organisation Certificate Policy (SEC Appendix B), which names the issuers, was not available',
  description: "An Organisation Certificate's issuer is not an Issuing OCA (OU '07'), or an Issuing OCA's issuer is not the Root OCA (OU '00').",
  // The chain Root OCA -> Issuing OCA -> Organisation is what the reference PKI shows; no text read states it.
  source: 'seen',
  needsChain: true,
  check({ cert, view, chain }, ctx) {
    const issuer = otherIssuer(chain);
    const expected = EXPECTED[view.kind];
    if (!issuer || !chain || !expected) return;
    if (issuer.view.kind === expected.kind && issuer.view.role?.hex === expected.ou) return;
    ctx.report({
      path: PATH.issuer,
      offset: cert.issuer?.offset,
      message: `the certificate was issued by the ${describeIssuer(issuer, chain)}; ${expected.who} is issued by ${expected.title}`,
    });
  },
});

