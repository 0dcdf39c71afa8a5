import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { PATH } from '../paths.js';
import { offsetIn } from './shared.js';

export default defineRule({
  id: 'cert.version.not-v3',
  severity: 'error',
  appliesTo: SMKI_KINDS,
  citation: 'GBCS section 12; RFC 5280 4.1.2.1',
  description: 'The certificate is not version 3; SMKI certificates carry extensions, which only v3 allows.',
  source: 'spec',
  check({ cert }, ctx) {
    const version = cert.version;
    if (version === undefined || version === 3) return;
    if (version === 1) {
      // An absent version is v1: point at where it would be, the serial number.
      ctx.report({ path: PATH.version, offset: cert.serialNumber?.offset, message: 'version is absent, which means v1; SMKI certificates are v3 (version INTEGER 2)' });
      return;
    }
    const tbs = offsetIn(cert, cert.tbs);
    const header = cert.tbs && cert.tbs.length > 1 ? (cert.tbs[1] < 0x80 ? 2 : 2 + (cert.tbs[1] & 0x7f)) : 0;
    ctx.report({
      path: PATH.version,
      offset: tbs === undefined ? undefined : tbs + header,
      message: `version is v${version} (INTEGER ${version - 1}); SMKI certificates are v3 (INTEGER 2)`,
    });
  },
});
