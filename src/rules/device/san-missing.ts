import { defineRule } from '../../lint/index.js';
import { withArticle } from '../support.js';
import { documentTitle } from '../../smki/index.js';
import { findExtension } from '../../x509/index.js';
import { pathsOf } from '../paths.js';

export default defineRule({
  id: 'device.san.missing',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: ['device'],
  citation: 'GBCS section 12 (Device Certificates); RFC 4108 5',
  description: "A Device Certificate (or Device CSR) has no subjectAltName, so no hardwareModuleName names the Device's Entity Identifier.",
  source: 'spec',
  check({ doc, document }, ctx) {
    const paths = pathsOf(document);
    if (findExtension(doc, 'subjectAltName')) return;
    ctx.report({
      path: paths.extension('subjectAltName'),
      message:
        `no subjectAltName ${document === 'csr' ? 'in the extensionRequest' : 'extension'}; ${withArticle(documentTitle(document, 'device'))} names its Device only there: a critical subjectAltName with one otherName ` +
        "hardwareModuleName (1.3.6.1.5.5.7.8.4) whose hwSerialNum is the Device's 8-octet Entity Identifier (EUI-64)",
    });
  },
});
