import { OID } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { ecdsaSigValueProblem } from '../checks/ecdsa-sig-value.js';
import { p256PointProblem } from '../checks/p256-point.js';
import { offsetIn } from '../cert/shared.js';

const HASHES: Record<string, 'sha256' | 'sha384'> = { [OID.ecdsaWithSha256]: 'sha256', [OID.ecdsaWithSha384]: 'sha384' };

export default defineRule({
  id: 'csr.signature.invalid',
  severity: 'error',
  documents: ['csr'],
  appliesTo: SMKI_KINDS,
  citation: 'RFC 2986 section 3 (the request is signed with the private key of the subject public key: proof of possession); SEC Appendix M, Appendix F',
  description: 'The request\'s self-signature does not verify with the public key it carries, so it does not prove possession of the private key.',
  source: 'spec',
  check({ csr }, ctx) {
    const spki = csr.subjectPublicKeyInfo;
    const hash = csr.signatureAlgorithm ? HASHES[csr.signatureAlgorithm.oid] : undefined;
    // Without an ECDSA algorithm, a usable P-256 key or a DER signature there is nothing to verify: other rules report why.
    if (!spki || !hash || !csr.info || !csr.signatureValue || spki.algorithm.oid !== OID.ecPublicKey || ecdsaSigValueProblem(csr.signatureValue)) return;
    const point = spki.publicKey;
    if (spki.algorithm.parametersOid === OID.prime256v1 && (point.length !== 65 || point[0] !== 0x04 || p256PointProblem(point))) return;
    if (ctx.crypto.verifyEcdsa(spki.raw, hash, csr.info, csr.signatureValue)) return;
    ctx.report({
      path: 'signature',
      offset: offsetIn(csr, csr.signatureValue),
      message:
        `the self-signature (${hash === 'sha256' ? 'ecdsa-with-SHA256' : 'ecdsa-with-SHA384'} over certificationRequestInfo) does not verify with the request's own public key: ` +
        'the request does not prove possession of the private key, and the Registration Authority will reject it. Sign the request again with the key it carries',
    });
  },
});
