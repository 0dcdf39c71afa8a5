import { defineRule } from '../../lint/index.js';
import { KIND_TITLES } from '../../smki/index.js';
import { withArticle } from '../support.js';
import { at, elementName, expectationOf, partyOf } from './support.js';

export default defineRule({
  id: 'duis.cell.kind',
  severity: 'error',
  documents: ['duis-request'],
  appliesTo: 'all',
  citation: 'DUIS 5.4 XML schema: sr:DeviceCertificate (a Device\'s own certificate), the replacement certificates of a party (Organisation Certificates; the Root cell: the Root OCA certificate), sr:KAPublicSecurityCredentials; GBCS section 12',
  description: 'A certificate element holds a certificate of a kind it does not take (a Device Certificate in an Organisation cell, an Organisation Certificate in sr:DeviceCertificate, a CSR anywhere).',
  source: 'spec',
  check({ request, certificates }, ctx) {
    const party = partyOf(request);
    for (const c of certificates) {
      if (c.place.spec.purpose === 'path') continue;
      const kinds = c.place.spec.purpose === 'device' ? c.place.spec.kinds : expectationOf(c, party)?.kinds;
      if (!kinds) continue;
      const wanted = withArticle(kinds.map((k) => KIND_TITLES[k]).join(' or '));
      if (c.document === 'csr') ctx.report({ ...at(c.place.at), message: `${elementName(c.place.at)} holds a certification request (CSR), not a certificate: it takes ${wanted}` });
      else if (c.view && !kinds.includes(c.view.kind)) ctx.report({ ...at(c.place.at), message: `${elementName(c.place.at)} takes ${wanted}, but holds ${withArticle(KIND_TITLES[c.view.kind])} (${c.view.kindReason})` });
    }
  },
});
