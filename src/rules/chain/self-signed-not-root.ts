import { defineRule } from '../../lint/index.js';
import { KIND_TITLES, SMKI_KINDS } from '../../smki/index.js';
import type { CertificateKind } from '../../smki/index.js';
import { formatName } from '../../x509/index.js';
import { PATH } from '../paths.js';

export default defineRule({
  id: 'chain.self-signed.not-root',
  severity: 'error',
  appliesTo: SMKI_KINDS,
  citation: 'GBCS section 12 (only the Root OCA Certificate is self-signed); RFC 5280 3.2; DCC test PKI (self-signed XML signing certificates naming CN=Z1)',
  description: 'The certificate is signed by its own key, but it is not a Root OCA Certificate.',
  source: 'spec',
  needsChain: true,
  check({ cert, view, chain }, ctx) {
    if (chain?.matchedBy !== 'self' || view.kind === 'root') return;
    // DCC's test XML-signing certificates name the Issuing OCA yet are signed by their own key.
    const names = view.selfIssued
      ? `names itself ('${formatName(cert.subject)}') as its issuer`
      : `names '${formatName(cert.issuer)}' as its issuer, yet its own key verifies the signature`;
    ctx.report({
      path: PATH.issuer,
      offset: cert.issuer?.offset,
      message: `the certificate is signed by its own key (self-signed) and ${names}; it is ${kindPhrase(view.kind)}, and only a Root OCA Certificate is self-signed: it must be issued and signed by its CA`,
    });
  },
});

/** "an Organisation Certificate", "a Device Certificate", "a certificate of unknown kind". */
function kindPhrase(kind: CertificateKind): string {
  if (kind === 'unknown') return 'a certificate of unknown kind';
  const title = KIND_TITLES[kind];
  return `${/^[AEIOU]/.test(title) ? 'an' : 'a'} ${title}`;
}
