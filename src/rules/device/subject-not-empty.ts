import { defineRule } from '../../lint/index.js';
import { withArticle } from '../support.js';
import { documentTitle } from '../../smki/index.js';
import { formatName } from '../../x509/index.js';
import { pathsOf } from '../paths.js';

export default defineRule({
  id: 'device.subject.not-empty',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: ['device'],
  citation: 'GBCS section 12 (Device Certificates); SEC Appendix M, Appendix F',
  description: 'The subject of a Device Certificate (or Device CSR) is not empty; the Device is named by the hardwareModuleName in subjectAltName alone.',
  source: 'spec',
  check({ doc, document }, ctx) {
    const paths = pathsOf(document);
    const subject = doc.subject;
    if (!subject || subject.rdns.length === 0) return;
    const count = subject.rdns.length;
    ctx.report({
      path: paths.subject,
      offset: subject.offset,
      message:
        `subject is '${formatName(subject)}' (${count} RDN${count === 1 ? '' : 's'}); ${withArticle(documentTitle(document, 'device'))} has an empty subject, ` +
        "and the Device's Entity Identifier belongs in the subjectAltName hardwareModuleName (hwSerialNum)",
    });
  },
});
