import { OID } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { p256PointProblem } from '../checks/p256-point.js';
import { pathsOf } from '../paths.js';

export default defineRule({
  id: 'cert.key.not-on-curve',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: SMKI_KINDS,
  citation: 'SEC 1 section 3.2.2.1 (public key validation); RFC 5480 2.2; GBCS section 12 (prime256v1)',
  description: 'The 65-octet uncompressed prime256v1 public key is not a point on the curve (a coordinate not below p, or y^2 != x^3 - 3x + b).',
  source: 'spec',
  check({ doc, document }, ctx) {
    const spki = doc.subjectPublicKeyInfo;
    // Other algorithms, curves and point forms are the other cert.key rules' findings.
    if (!spki || spki.algorithm.oid !== OID.ecPublicKey || spki.algorithm.parametersOid !== OID.prime256v1) return;
    const key = spki.publicKey;
    if (key.length !== 65 || key[0] !== 0x04) return;
    const problem = p256PointProblem(key);
    if (!problem) return;
    ctx.report({
      path: pathsOf(document).publicKey,
      offset: spki.keyOffset,
      message: `subjectPublicKey is not a point of prime256v1: ${problem}. No private key belongs to it, so nothing signed with it can verify; generate the key pair again`,
    });
  },
});
