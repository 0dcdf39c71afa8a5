import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { PATH } from '../paths.js';
import { issuerUnavailable } from './support.js';

export default defineRule({
  id: 'chain.issuer.unavailable',
  severity: 'error',
  appliesTo: SMKI_KINDS,
  citation: 'RFC 5280 6.1.3 (a)(1) (the signature is verified with the public key of the issuer certificate of the path); GBCS section 12',
  description: 'With --require-issuer: no certificate that issued this one was available, so the certificate cannot be validated along its path.',
  source: 'spec',
  needsChain: true,
  check({ cert, view, chain }, ctx) {
    if (!chain?.requireIssuer) return;
    const message = issuerUnavailable(cert, view, chain);
    if (message) ctx.report({ path: PATH.issuer, offset: cert.issuer?.offset, message: `${message} (--require-issuer)` });
  },
});
