import { bytesEqual, toHex } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { PATH } from '../paths.js';

export default defineRule({
  id: 'compare.key.mismatch',
  severity: 'error',
  appliesTo: 'all',
  needsRequest: true,
  citation: 'RFC 2986 section 3 (the CA certifies the public key of the request); SEC Appendix M, Appendix F',
  description: 'The certificate does not carry the public key of the request it answers.',
  source: 'spec',
  check({ cert, request }, ctx) {
    const mine = cert.subjectPublicKeyInfo;
    const asked = request!.csr.subjectPublicKeyInfo;
    if (!mine || !asked || bytesEqual(mine.publicKey, asked.publicKey)) return;
    const head = (key: Uint8Array) => `${toHex(key.subarray(0, 9)).toUpperCase()}...`;
    ctx.report({
      path: PATH.publicKey,
      offset: mine.keyOffset,
      message: `the certificate's public key (${head(mine.publicKey)}) is not the request's (${head(asked.publicKey)}): it certifies a key the requester did not prove it holds. It is not the certificate for this request`,
    });
  },
});
