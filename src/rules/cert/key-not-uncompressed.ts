import { OID } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { pathsOf } from '../paths.js';

const POINT_OCTETS = 65;

export default defineRule({
  id: 'cert.key.not-uncompressed',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: SMKI_KINDS,
  citation: 'GBCS section 12; RFC 5480 2.2; SEC 1 2.3.3',
  description: 'The EC public key is not a 65-octet uncompressed point (0x04 || X || Y).',
  source: 'spec',
  check({ doc, document }, ctx) {
    const paths = pathsOf(document);
    const spki = doc.subjectPublicKeyInfo;
    // Only an EC key is a point; another algorithm is cert.key.algorithm's finding.
    if (!spki || spki.algorithm.oid !== OID.ecPublicKey) return;
    const key = spki.publicKey;
    if (key.length === POINT_OCTETS && key[0] === 0x04) return;
    // On another curve the length follows the curve (cert.key.curve reports it): only the form matters.
    if (spki.algorithm.parametersOid !== OID.prime256v1 && spki.pointFormat === 'uncompressed') return;
    const n = key.length;
    const first = n > 0 ? `0x${key[0].toString(16).padStart(2, '0').toUpperCase()}` : '';
    let found: string;
    switch (spki.pointFormat) {
      case 'compressed':
        found = `a compressed point (${n} octets, first octet ${first})`;
        break;
      case 'hybrid':
        found = `a hybrid point (${n} octets, first octet ${first})`;
        break;
      case 'uncompressed':
        found = `an uncompressed point of ${n} octets`;
        break;
      case 'infinity':
        found = 'the point at infinity (a single 0x00 octet)';
        break;
      default:
        found = n === 0 ? 'empty' : `${n} octets starting ${first}, which is no SEC 1 point form`;
    }
    ctx.report({ path: paths.publicKey, offset: spki.keyOffset, message: `subjectPublicKey is ${found}; SMKI requires the 65-octet uncompressed form 04 || X || Y` });
  },
});
