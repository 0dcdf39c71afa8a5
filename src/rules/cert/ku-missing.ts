import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { findExtension } from '../../x509/index.js';
import { pathsOf } from '../paths.js';

export default defineRule({
  id: 'cert.ku.missing',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: SMKI_KINDS,
  citation: 'GBCS section 12; RFC 5280 4.2.1.3',
  description: 'The certificate has no keyUsage extension.',
  source: 'spec',
  check({ doc, document }, ctx) {
    const paths = pathsOf(document);
    if (findExtension(doc, 'keyUsage')) return;
    ctx.report({ path: paths.extension('keyUsage'), message: document === 'csr' ? 'no keyUsage in the extensionRequest; an SMKI CSR requests a critical keyUsage (SEC Appendix M, Appendix F)' : 'no keyUsage extension; every SMKI certificate has a critical keyUsage' });
  },
});
