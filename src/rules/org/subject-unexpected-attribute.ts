import { OID } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { withArticle } from '../support.js';
import { documentTitle } from '../../smki/index.js';
import { pathsOf } from '../paths.js';

const EXPECTED: ReadonlySet<string> = new Set([OID.commonName, OID.organizationalUnitName, OID.x500UniqueIdentifier]);

export default defineRule({
  id: 'org.subject.unexpected-attribute',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: ['organisation'],
  citation: 'SEC Appendix M, Appendix F (the Organisation CSR subject: CN, OU and x500UniqueIdentifier)',
  description: 'The subject holds an attribute other than CN, OU (role code) and x500UniqueIdentifier (Entity Identifier).',
  source: 'spec',
  check({ doc, document }, ctx) {
    const paths = pathsOf(document);
    for (const rdn of doc.subject?.rdns ?? []) {
      for (const a of rdn.attributes) {
        if (EXPECTED.has(a.oid)) continue;
        const shown = `${a.name ?? a.oid}=${a.stringType ? `'${a.value}'` : `(${a.valueType})`}${a.name ? ` (OID ${a.oid})` : ''}`;
        ctx.report({
          path: `${paths.subject}.${a.name ?? a.oid}`,
          offset: a.offset,
          message:
            `Subject holds ${shown}; ${withArticle(documentTitle(document, 'organisation'))} subject holds only ` +
            'CN (where the role permits one), OU (the role code) and x500UniqueIdentifier (the Entity Identifier). Remove it',
        });
      }
    }
  },
});
