import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { attributePath, forEachDirectoryString, shownName } from './names.js';
import type { DirectoryStringVisitor } from './names.js';

export default defineRule({
  id: 'cert.name.too-long',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: SMKI_KINDS,
  citation: 'RFC 5280 Appendix A (X520CommonName SIZE (1..ub-common-name), X520OrganizationalUnitName SIZE (1..ub-organizational-unit-name); both bounds 64)',
  description: 'A subject or issuer CN or OU is longer than its upper bound of 64 characters.',
  source: 'spec',
  check(target, ctx) {
    forEachDirectoryString(target, ctx, reportIfTooLong);
  },
});

const reportIfTooLong: DirectoryStringVisitor = (a, syntax, field, target, ctx) => {
  const bound = syntax.upperBound;
  // A string has no more code points than UTF-16 units: most values end here without counting.
  if (!bound || a.value.length <= bound.value) return;
  // SIZE counts characters, not octets: a UTF-8 or BMP value is counted by code point.
  const length = [...a.value].length;
  if (length <= bound.value) return;
  ctx.report({ path: attributePath(target, field, a), offset: a.offset, message: `${shownName(field, syntax)} is ${length} characters long; RFC 5280 bounds it at ${bound.value} (${bound.name})` });
};
