import { defineRule } from '../../lint/index.js';
import { KIND_TITLES } from '../../smki/index.js';
import { withArticle } from '../support.js';
import { at, elementName } from './support.js';

export default defineRule({
  id: 'duis.path.not-ca',
  severity: 'error',
  documents: ['duis-request'],
  appliesTo: 'all',
  citation: 'DUIS 5.4 XML schema: sr:CertificationPathCertificates/sr:Certificate; RFC 5280 6.1 (a certification path consists of CA certificates); spec section 4 (Issuing OCA and Root OCA)',
  description: 'A certificate of sr:CertificationPathCertificates is not an Issuing OCA or Root OCA certificate.',
  source: 'spec',
  check({ certificates }, ctx) {
    for (const c of certificates) {
      if (c.place.spec.purpose !== 'path') continue;
      if (c.document === 'csr') ctx.report({ ...at(c.place.at), message: `${elementName(c.place.at)} holds a certification request (CSR); a certification path holds Issuing OCA or Root OCA certificates` });
      else if (c.view && !c.place.spec.kinds!.includes(c.view.kind)) ctx.report({ ...at(c.place.at), message: `${elementName(c.place.at)} holds ${withArticle(KIND_TITLES[c.view.kind])} (${c.view.kindReason}); a certification path holds Issuing OCA or Root OCA certificates` });
    }
  },
});
