import { OID, describeOid } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import type { Name } from '../../x509/index.js';
import { formatName } from '../../x509/index.js';
import { offsetIn } from '../cert/shared.js';
import { PATH } from '../paths.js';

/** The hash an ECDSA signature algorithm names (RFC 5758 3.2), for the two the adapter verifies. */
const HASHES: Record<string, 'sha256' | 'sha384'> = {
  [OID.ecdsaWithSha256]: 'sha256',
  [OID.ecdsaWithSha384]: 'sha384',
};

/** Where two names that read alike differ: usually the string type of an attribute. */
function encodingDifference(issuer: Name, subject: Name): string {
  const a = issuer.rdns.flatMap((r) => r.attributes);
  const b = subject.rdns.flatMap((r) => r.attributes);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i].valueType !== b[i].valueType) return `; ${a[i].name ?? a[i].oid} is a ${a[i].valueType} in the issuer and a ${b[i].valueType} in the subject`;
  }
  return '';
}

export default defineRule({
  id: 'root.not-self-signed',
  severity: 'error',
  appliesTo: ['root'],
  citation: 'GBCS section 12; RFC 5280 3.2 and 6.1; DCC test PKI (ZAZ1 Root OCA)',
  description: 'A Root OCA is not self-signed: its issuer differs from its subject, or its signature does not verify under its own public key.',
  source: 'spec',
  check({ cert, view }, ctx) {
    const { issuer, subject } = cert;
    if (issuer && subject && !view.selfIssued) {
      const shownIssuer = formatName(issuer);
      const shownSubject = formatName(subject);
      const detail =
        shownIssuer === shownSubject
          ? `issuer and subject both read '${shownSubject}' but their encodings differ${encodingDifference(issuer, subject)}`
          : `issuer is '${shownIssuer}' but subject is '${shownSubject}'`;
      ctx.report({ path: PATH.issuer, offset: issuer.offset, message: `${detail}; a Root OCA is self-signed, so its issuer equals its subject byte for byte` });
    }

    const { tbs, signatureValue, subjectPublicKeyInfo: spki, signatureAlgorithm: alg } = cert;
    if (!tbs || !signatureValue || !spki || !alg) return;
    const hash = HASHES[alg.oid];
    if (!hash) {
      ctx.report({
        path: PATH.signatureAlgorithm,
        offset: alg.offset,
        message: `the signature, by ${describeOid(alg.oid)}, could not be verified under the certificate's own key (only ecdsa-with-SHA256 and ecdsa-with-SHA384 can be), so the Root OCA is not shown to be self-signed`,
      });
      return;
    }
    if (ctx.crypto.verifyEcdsa(spki.raw, hash, tbs, signatureValue)) return;
    ctx.report({
      path: 'signatureValue',
      offset: offsetIn(cert, signatureValue),
      message: `the signature does not verify under the certificate's own subjectPublicKeyInfo (${describeOid(alg.oid)}); a Root OCA is signed with its own key, so this one was signed by another key or its contents changed after signing`,
    });
  },
});
