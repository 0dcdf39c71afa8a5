import { OID } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { documentTitle } from '../../smki/index.js';
import { pathsOf } from '../paths.js';
import { withArticle } from '../support.js';

const DIRECTORY_STRINGS: ReadonlySet<string> = new Set(['PrintableString', 'UTF8String']);

export default defineRule({
  id: 'org.subject.string-type',
  severity: 'error',
  // Written for both documents; certificates join once the issuer's string types are checked alongside.
  documents: ['csr'],
  appliesTo: ['organisation'],
  citation: 'RFC 5280 4.1.2.4 (new names MUST use PrintableString or UTF8String for DirectoryString); SEC Appendix M, Appendix F',
  description: 'A subject CN or OU is a string type other than PrintableString or UTF8String (TeletexString, BMPString, UniversalString, IA5String...).',
  source: 'spec',
  check({ doc, document }, ctx) {
    const paths = pathsOf(document);
    for (const rdn of doc.subject?.rdns ?? []) {
      for (const a of rdn.attributes) {
        const cn = a.oid === OID.commonName;
        // An OU that is not a string at all is org.role.not-hex's finding.
        if ((!cn && a.oid !== OID.organizationalUnitName) || !a.stringType || DIRECTORY_STRINGS.has(a.valueType)) continue;
        ctx.report({
          path: cn ? paths.subjectCn : paths.subjectOu,
          offset: a.offset,
          message:
            `Subject ${cn ? 'CN' : 'OU'} '${a.value}' is a ${a.valueType}; ${withArticle(documentTitle(document, 'organisation'))} writes its subject attributes ` +
            'as PrintableString or UTF8String, the only DirectoryString choices RFC 5280 allows for new names. Re-encode it',
        });
      }
    }
  },
});
