import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { PATH } from '../paths.js';

export default defineRule({
  id: 'cert.issuer.empty',
  severity: 'error',
  appliesTo: SMKI_KINDS,
  citation: 'RFC 5280 4.1.2.4 (the issuer field MUST contain a non-empty distinguished name)',
  description: 'The issuer name is empty: it names no CA.',
  source: 'spec',
  check({ cert }, ctx) {
    const issuer = cert.issuer;
    if (!issuer || issuer.rdns.length > 0) return;
    ctx.report({
      path: PATH.issuer,
      offset: issuer.offset,
      message: "the issuer name is empty; RFC 5280 4.1.2.4 requires a non-empty distinguished name, the subject of the CA that signed the certificate, byte for byte",
    });
  },
});
