import { defineRule } from '../../lint/index.js';
import { withArticle } from '../support.js';
import { documentTitle } from '../../smki/index.js';
import { pathsOf } from '../paths.js';
import { firstSubjectOu } from '../support.js';

export default defineRule({
  id: 'org.role.missing',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: ['organisation'],
  citation: 'SEC Appendix M, Appendix F (organizationalUnitName: the Remote Party Role Code)',
  description: 'The subject has no organizationalUnitName (OU), so no Remote Party Role Code.',
  source: 'spec',
  check({ doc, document }, ctx) {
    const paths = pathsOf(document);
    // An unreadable subject is a decode finding, not a missing role.
    if (!doc.subject || firstSubjectOu(doc) !== undefined) return;
    ctx.report({
      path: paths.subjectOu,
      offset: doc.subject.offset,
      message:
        `Subject has no OU: ${withArticle(documentTitle(document, 'organisation'))} carries its Remote Party Role Code as OU, two hex characters (e.g. '02' for supplier); ` +
        'add an organizationalUnitName with the role code',
    });
  },
});
