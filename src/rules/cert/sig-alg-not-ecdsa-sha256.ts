import { OID, describeOid } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { PATH } from '../paths.js';

export default defineRule({
  id: 'cert.sig-alg.not-ecdsa-sha256',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: SMKI_KINDS,
  citation: 'GBCS section 12; RFC 5758 3.2',
  description: 'tbsCertificate.signature or signatureAlgorithm (a request\'s signatureAlgorithm) is not ecdsa-with-SHA256 (1.2.840.10045.4.3.2).',
  source: 'spec',
  check(target, ctx) {
    const signed = target.document === 'csr' ? 'SMKI certificate requests are self-signed' : 'SMKI certificates are signed';
    const inner = target.document === 'certificate' ? target.cert.signature : undefined;
    if (inner && inner.oid !== OID.ecdsaWithSha256) {
      ctx.report({ path: PATH.signature, offset: inner.offset, message: `${PATH.signature} is ${describeOid(inner.oid)}; ${signed} with ecdsa-with-SHA256 (${OID.ecdsaWithSha256})` });
    }
    const outer = target.doc.signatureAlgorithm;
    if (outer && outer.oid !== OID.ecdsaWithSha256) {
      ctx.report({ path: PATH.signatureAlgorithm, offset: outer.offset, message: `signatureAlgorithm is ${describeOid(outer.oid)}; ${signed} with ecdsa-with-SHA256 (${OID.ecdsaWithSha256})` });
    }
  },
});
