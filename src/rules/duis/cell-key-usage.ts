import { defineRule } from '../../lint/index.js';
import { at, elementName, expectationOf, partyOf } from './support.js';

export default defineRule({
  id: 'duis.cell.key-usage',
  severity: 'error',
  documents: ['duis-request'],
  appliesTo: 'all',
  citation: 'DUIS 5.4 XML schema: sr:DigitalSigningCertificate, sr:KeyAgreementCertificate, sr:KeyAgreementTopUpCertificate, sr:KAPublicSecurityCredentials; GBCS section 12 (a certificate has exactly one of digitalSignature or keyAgreement)',
  description: 'A certificate element holds a certificate without the key usage it is named for: digitalSignature in a DigitalSigningCertificate, keyAgreement in a KeyAgreement(TopUp)Certificate or KA credentials, keyCertSign in the Root cell.',
  source: 'spec',
  check({ request, certificates }, ctx) {
    const party = partyOf(request);
    for (const c of certificates) {
      if (!c.view || c.place.spec.purpose === 'path') continue;
      const expected = expectationOf(c, party);
      // No keyUsage at all is cert.ku.missing's finding on the certificate itself.
      if (!expected || c.view.keyUsage.length === 0 || c.view.keyUsage.includes(expected.usage)) continue;
      const swapped = c.view.keyUsage.includes('keyAgreement') && expected.usage === 'digitalSignature' ? ' (a key agreement certificate where the signing one belongs: are the two swapped?)' : c.view.keyUsage.includes('digitalSignature') && expected.usage === 'keyAgreement' ? ' (a signing certificate where the key agreement one belongs: are the two swapped?)' : '';
      ctx.report({ ...at(c.place.at), message: `${elementName(c.place.at)} takes a certificate with keyUsage ${expected.usage}, but this one has ${c.view.keyUsage.join(', ')}${swapped}` });
    }
  },
});
