import { defineRule } from '../../lint/index.js';
import { pathsOf } from '../paths.js';

export default defineRule({
  id: 'org.subject.multi-valued-rdn',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: ['organisation'],
  citation: 'SEC Appendix M, Appendix F (subject: CN, OU and x500UniqueIdentifier, each its own RDN); DCC test PKI',
  description: 'A subject RDN holds more than one attribute; every attribute of an Organisation Certificate subject is its own single-valued RDN.',
  source: 'spec',
  check({ doc, document }, ctx) {
    const paths = pathsOf(document);
    const rdns = doc.subject?.rdns ?? [];
    rdns.forEach((rdn, i) => {
      if (rdn.attributes.length < 2) return;
      const names = rdn.attributes.map((a) => a.name ?? a.oid).join(' + ');
      ctx.report({
        path: `${paths.subject}.rdn[${i}]`,
        offset: rdn.offset,
        message:
          `Subject RDN ${i + 1} holds ${rdn.attributes.length} attributes in one SET (${names}); ` +
          'each attribute must be a separate single-valued RDN, e.g. CN=..., OU=02, x500UniqueIdentifier=...',
      });
    });
  },
});
