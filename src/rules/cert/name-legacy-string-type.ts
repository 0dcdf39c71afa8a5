import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { LEGACY_STRINGS, attributePath, forEachDirectoryString, shownName } from './names.js';
import type { DirectoryStringVisitor } from './names.js';

export default defineRule({
  id: 'cert.name.legacy-string-type',
  severity: 'warning',
  documents: ['certificate', 'csr'],
  appliesTo: SMKI_KINDS,
  citation:
    'RFC 5280 4.1.2.4 and 4.1.2.6 (CAs MUST use PrintableString or UTF8String for DirectoryString, except TeletexString, BMPString and UniversalString kept for names established before)',
  description: 'A subject or issuer attribute of DirectoryString syntax (CN, OU, O...) is a TeletexString, BMPString or UniversalString: choices RFC 5280 keeps only for names established before.',
  // The exception for established names may apply, which the certificate alone cannot show: a warning.
  source: 'spec',
  check(target, ctx) {
    forEachDirectoryString(target, ctx, reportIfLegacy);
  },
});

const reportIfLegacy: DirectoryStringVisitor = (a, syntax, field, target, ctx) => {
  if (!LEGACY_STRINGS.has(a.stringType!)) return;
  ctx.report({
    path: attributePath(target, field, a),
    offset: a.offset,
    message:
      `${shownName(field, syntax)} '${a.value}' is a ${a.stringType}; RFC 5280 allows it only for a name established before, ` +
      'and new names use PrintableString or UTF8String. Software that compares names byte for byte will not match it with the same text in another type',
  });
};
