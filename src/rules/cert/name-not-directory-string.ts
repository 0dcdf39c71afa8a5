import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { LEGACY_STRINGS, PREFERRED_STRINGS, attributePath, forEachDirectoryString, shownName } from './names.js';
import type { DirectoryStringVisitor } from './names.js';

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
    forEachDirectoryString(target, ctx, reportIfNotDirectoryString);
  },
});

const reportIfNotDirectoryString: DirectoryStringVisitor = (a, syntax, field, target, ctx) => {
  const type = a.stringType!;
  if (PREFERRED_STRINGS.has(type) || LEGACY_STRINGS.has(type)) return;
  ctx.report({
    path: attributePath(target, field, a),
    offset: a.offset,
    message:
      `${shownName(field, syntax)} '${a.value}' is ${type === 'IA5String' ? 'an' : 'a'} ${type}, which is not a DirectoryString choice; ` +
      `RFC 5280 writes ${syntax.label} as PrintableString or UTF8String. Re-encode it${field === 'issuer' ? " (and the issuer's subject, if it is written the same way)" : ''}`,
  });
};
