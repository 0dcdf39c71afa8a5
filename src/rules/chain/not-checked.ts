import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { PATH } from '../paths.js';
import { issuerUnavailable } from './support.js';

export default defineRule({
  id: 'chain.not-checked',
  severity: 'notice',
  appliesTo: SMKI_KINDS,
  citation: 'RFC 5280 6.1 (path validation starts from the issuer certificate); GBCS section 12',
  description:
    'No certificate that issued this one was available, so its signature, issuer name, key identifier, validity and policies were not checked against an issuer (with --require-issuer this is chain.issuer.unavailable instead).',
  source: 'spec',
  needsChain: true,
  check({ cert, view, chain }, ctx) {
    // Lacking the issuer is not a defect of the certificate unless the run requires issuers.
    if (!chain || chain.requireIssuer) return;
    const message = issuerUnavailable(cert, view, chain);
    if (message) ctx.report({ path: PATH.issuer, offset: cert.issuer?.offset, message });
  },
});
