import { OID } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { withArticle } from '../support.js';
import { documentTitle } from '../../smki/index.js';
import { firstAttribute } from '../../x509/index.js';
import { pathsOf } from '../paths.js';

export default defineRule({
  id: 'org.eui.missing',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: ['organisation'],
  citation: 'SEC Appendix M, Appendix F (id-at-uniqueIdentifier: the Entity Identifier)',
  description: 'The subject has no x500UniqueIdentifier (2.5.4.45), so no Entity Identifier (EUI-64).',
  source: 'spec',
  check({ doc, document }, ctx) {
    const paths = pathsOf(document);
    if (!doc.subject || firstAttribute(doc.subject, OID.x500UniqueIdentifier) !== undefined) return;
    ctx.report({
      path: paths.subjectUid,
      offset: doc.subject.offset,
      message:
        `Subject has no x500UniqueIdentifier (2.5.4.45): ${withArticle(documentTitle(document, 'organisation'))} names its subscriber by the subscriber's ` +
        'Entity Identifier, an EUI-64 held as a BIT STRING of 64 bits; add it',
    });
  },
});
