import { defineRule } from '../../lint/index.js';
import { extensionValue, formatName } from '../../x509/index.js';
import { PATH } from '../paths.js';
import { keyIdHex } from './support.js';

export default defineRule({
  id: 'chain.not-checked',
  severity: 'notice',
  appliesTo: 'all',
  citation: 'RFC 5280 6.1 (path validation starts from the issuer certificate); GBCS section 12',
  description:
    'No certificate that issued this one was available, so its signature, issuer name, key identifier, validity and policies were not checked against an issuer. An error with --require-issuer.',
  source: 'spec',
  needsChain: true,
  check({ cert, view, chain }, ctx) {
    if (!chain || chain.issuer) return;
    // A root that names itself was tried against its own key; root.not-self-signed says why it failed.
    if (view.kind === 'root' && view.selfIssued) return;
    // Lacking the issuer is not a defect of the certificate unless the run requires issuers.
    const severity = chain.requireIssuer ? 'error' : undefined;
    const unchecked = 'signature, issuer name, authorityKeyIdentifier, validity and policies were not checked against an issuer';
    if (chain.storeSize === 0) {
      ctx.report({
        path: PATH.issuer,
        offset: cert.issuer?.offset,
        severity,
        message: `no issuer certificates were available, so its ${unchecked}; pass --issuer <file|dir> or include the CA certificates in the run`,
      });
      return;
    }
    const aki = extensionValue(cert, 'authorityKeyIdentifier')?.keyIdentifier;
    const issuerName = `the subject '${formatName(cert.issuer)}' (this certificate's issuer name)`;
    const lookedFor = aki
      ? `subjectKeyIdentifier ${keyIdHex(aki)} (this certificate's authorityKeyIdentifier) and for ${issuerName}`
      : `${issuerName}; this certificate has no authorityKeyIdentifier keyIdentifier to look for`;
    const self = view.selfIssued ? '; it names itself as its issuer, but its own key does not verify its signature' : '';
    const count = chain.storeSize === 1 ? 'the 1 issuer certificate' : `the ${chain.storeSize} issuer certificates`;
    ctx.report({
      path: PATH.issuer,
      offset: cert.issuer?.offset,
      severity,
      message: `none of ${count} available matches: looked for ${lookedFor}${self}. So its ${unchecked}`,
    });
  },
});
