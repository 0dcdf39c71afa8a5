import { OID, describeOid } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { pathsOf } from '../paths.js';

export default defineRule({
  id: 'cert.key.curve',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: SMKI_KINDS,
  citation: 'GBCS section 12; RFC 5480 2.1.1.1',
  description: 'The elliptic curve key is not on namedCurve prime256v1 (1.2.840.10045.3.1.7).',
  source: 'spec',
  check({ doc, document }, ctx) {
    const paths = pathsOf(document);
    const alg = doc.subjectPublicKeyInfo?.algorithm;
    // Only an EC key has a curve; another algorithm is cert.key.algorithm's finding.
    if (!alg || alg.oid !== OID.ecPublicKey || alg.parametersOid === OID.prime256v1) return;
    const found =
      alg.parametersOid !== undefined
        ? `namedCurve ${describeOid(alg.parametersOid)}`
        : alg.parameters === 'absent'
          ? 'no curve (the parameters are absent)'
          : alg.parameters === 'null'
            ? 'no curve (the parameters are NULL, as implicitlyCA)'
            : 'explicit curve parameters (specifiedCurve), which RFC 5480 forbids';
    ctx.report({ path: paths.spkiAlgorithm, offset: alg.offset, message: `the EC key names ${found}; SMKI keys use namedCurve prime256v1 (${OID.prime256v1})` });
  },
});
