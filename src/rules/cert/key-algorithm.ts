import { OID, describeOid } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { pathsOf } from '../paths.js';

export default defineRule({
  id: 'cert.key.algorithm',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: SMKI_KINDS,
  citation: 'GBCS section 12; RFC 5480 2.1.1',
  description: 'The subject public key is not an elliptic curve key (id-ecPublicKey, 1.2.840.10045.2.1).',
  source: 'spec',
  check({ doc, document }, ctx) {
    const paths = pathsOf(document);
    const alg = doc.subjectPublicKeyInfo?.algorithm;
    if (!alg || alg.oid === OID.ecPublicKey) return;
    ctx.report({
      path: paths.spkiAlgorithm,
      offset: alg.offset,
      message: `subjectPublicKeyInfo algorithm is ${describeOid(alg.oid)}; SMKI keys are id-ecPublicKey (${OID.ecPublicKey}) on prime256v1`,
    });
  },
});
