import { defineRule } from '../../lint/index.js';
import { pathsOf } from '../paths.js';
import { UNPUBLISHED_CODES, roleOu, tableCodes } from './role-support.js';

export default defineRule({
  id: 'org.role.unknown',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: ['organisation'],
  citation: 'GBCS Remote Party Role Codes; SEC Section L Annex A (codes 128 and above)',
  description: 'The subject OU is a well-formed role code that is not in the role table (e.g. 0x81 = 129).',
  source: 'spec',
  check({ doc, view, document }, ctx) {
    const paths = pathsOf(document);
    const found = roleOu(doc, view);
    if (!found || found.reading.status !== 'unknown' || found.reading.code === undefined) return;
    const { reading, attribute } = found;
    const code = reading.code!;
    const why = UNPUBLISHED_CODES.has(code)
      ? 'codes 128-133 and 136 appear in no published source'
      : `the table holds ${tableCodes(ctx.roles)}`;
    ctx.report({
      path: paths.subjectOu,
      offset: attribute.offset,
      message: `OU '${reading.ou}' is role 0x${reading.hex} = ${code}, which is not in the role table (${why}); check the role code`,
    });
  },
});
