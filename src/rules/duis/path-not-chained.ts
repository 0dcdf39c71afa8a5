import { verifySignature } from '../../chain/index.js';
import { defineRule } from '../../lint/index.js';
import { formatName } from '../../x509/index.js';
import { at, elementName, issuerLink, pathCertificates, replacements } from './support.js';

export default defineRule({
  id: 'duis.path.not-chained',
  severity: 'error',
  documents: ['duis-request'],
  appliesTo: 'all',
  citation: 'DUIS 5.4 XML schema: sr:CertificationPathCertificates (the certification path of the replacement certificates); RFC 5280 6.1 and GBCS section 12 (issuer name, authorityKeyIdentifier = the issuer\'s subjectKeyIdentifier, signature)',
  description: "A replacement certificate does not chain to a certificate of the request's sr:CertificationPathCertificates: no path certificate has its issuer name and key identifier, or its signature does not verify under that certificate's key.",
  source: 'spec',
  check({ certificates }, ctx) {
    const path = pathCertificates(certificates);
    for (const c of replacements(certificates)) {
      // The Root OCA certificate in the Root cell signs itself.
      if (c.view.kind === 'root') continue;
      const reasons: string[] = [];
      let chained = false;
      for (const p of path) {
        const link = issuerLink(c.cert, p.cert);
        if (!link.linked) {
          reasons.push(`${elementName(p.place.at)}: ${link.reason}`);
          continue;
        }
        // The chain stage usually verified this very signature already.
        const valid = c.chain?.issuer?.sha256 === p.sha256 ? c.chain.signatureValid : verifySignature(ctx.crypto, c.cert, p.cert.subjectPublicKeyInfo?.raw ?? new Uint8Array());
        if (valid === true) {
          chained = true;
          break;
        }
        reasons.push(`${elementName(p.place.at)}: the signature does not verify under its key`);
      }
      if (chained) continue;
      const why = path.length === 0 ? 'the request carries no certification path certificate that decodes' : reasons.join('; ');
      ctx.report({ ...at(c.place.at), message: `${elementName(c.place.at)}, issued by '${formatName(c.cert.issuer)}', does not chain to the request's certification path (${why}); the Device cannot validate it` });
    }
  },
});
