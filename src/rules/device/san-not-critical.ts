import { defineRule } from '../../lint/index.js';
import { withArticle } from '../support.js';
import { documentTitle } from '../../smki/index.js';
import { findExtension } from '../../x509/index.js';
import { pathsOf } from '../paths.js';

export default defineRule({
  id: 'device.san.not-critical',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: ['device'],
  citation: 'GBCS section 12 (Device Certificates); RFC 5280 4.2.1.6',
  description: 'The subjectAltName of a Device Certificate (or Device CSR) is not marked critical, though it carries the only name (the subject is empty).',
  source: 'spec',
  check({ doc, document }, ctx) {
    const paths = pathsOf(document);
    const ext = findExtension(doc, 'subjectAltName');
    if (!ext || ext.critical) return;
    ctx.report({
      path: paths.extension('subjectAltName', 'critical'),
      offset: ext.offset,
      message:
        `subjectAltName is not critical; ${withArticle(documentTitle(document, 'device'))} has an empty subject, so its subjectAltName carries the only name ` +
        'and must be marked critical (RFC 5280 4.2.1.6, GBCS)',
    });
  },
});
