import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { DIRECTORY_STRING_ATTRIBUTES, LEGACY_STRINGS, PREFERRED_STRINGS, attributePath, attributesIn, namesOf } from './names.js';

export default defineRule({
  id: 'cert.name.not-directory-string',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: SMKI_KINDS,
  citation:
    'RFC 5280 4.1.2.4 and 4.1.2.6 (subject and issuer attributes are DirectoryString: PrintableString or UTF8String for new names) and Appendix A (X520CommonName, X520OrganizationalUnitName...: TeletexString, PrintableString, UniversalString, UTF8String or BMPString)',
  description: 'A subject or issuer attribute of DirectoryString syntax (CN, OU, O...) is encoded as a string type that is no DirectoryString choice at all (IA5String, VisibleString, NumericString).',
  source: 'spec',
  check(target, ctx) {
    for (const field of namesOf(target)) {
      for (const a of attributesIn(field.name)) {
        const syntax = DIRECTORY_STRING_ATTRIBUTES.get(a.oid);
        // Values that are no character string at all are the role and decode rules' findings.
        if (!syntax || !a.stringType || PREFERRED_STRINGS.has(a.stringType) || LEGACY_STRINGS.has(a.stringType)) continue;
        ctx.report({
          path: attributePath(field, a),
          offset: a.offset,
          message:
            `${field.which === 'subject' ? 'Subject' : 'Issuer'} ${syntax.label} '${a.value}' is ${a.stringType === 'IA5String' ? 'an' : 'a'} ${a.stringType}, which is not a DirectoryString choice; ` +
            `RFC 5280 writes ${syntax.label} as PrintableString or UTF8String. Re-encode it${field.which === 'issuer' ? " (and the issuer's subject, if it is written the same way)" : ''}`,
        });
      }
    }
  },
});
