import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { REQUEST_PATH } from '../paths.js';

export default defineRule({
  id: 'csr.version',
  severity: 'error',
  documents: ['csr'],
  appliesTo: SMKI_KINDS,
  citation: 'RFC 2986 section 4.1 (version is 0 for this version of the standard); SEC Appendix M, Appendix F (PKCS#10 version 0)',
  description: 'The request\'s version is not 0 (v1, the only PKCS#10 version).',
  source: 'spec',
  check({ csr }, ctx) {
    if (csr.version === undefined || csr.version === 0) return;
    ctx.report({
      path: REQUEST_PATH.version,
      offset: csr.versionOffset,
      message: `version is ${csr.version}; a PKCS#10 request is version 0 (v1, the only version RFC 2986 defines). A certificate's "v3" does not carry over to its request`,
    });
  },
});
