import { OID, describeOid } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { PATH } from '../paths.js';

export default defineRule({
  id: 'cert.sig-alg.not-ecdsa-sha256',
  severity: 'error',
  appliesTo: 'all',
  citation: 'GBCS section 12; RFC 5758 3.2',
  description: 'tbsCertificate.signature or signatureAlgorithm is not ecdsa-with-SHA256 (1.2.840.10045.4.3.2).',
  source: 'spec',
  check({ cert }, ctx) {
    const inner = cert.signature;
    if (inner && inner.oid !== OID.ecdsaWithSha256) {
      ctx.report({ path: PATH.signature, offset: inner.offset, message: `${PATH.signature} is ${describeOid(inner.oid)}; SMKI certificates are signed with ecdsa-with-SHA256 (${OID.ecdsaWithSha256})` });
    }
    const outer = cert.signatureAlgorithm;
    if (outer && outer.oid !== OID.ecdsaWithSha256) {
      ctx.report({ path: PATH.signatureAlgorithm, offset: outer.offset, message: `signatureAlgorithm is ${describeOid(outer.oid)}; SMKI certificates are signed with ecdsa-with-SHA256 (${OID.ecdsaWithSha256})` });
    }
  },
});
