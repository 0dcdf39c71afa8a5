import { defineRule } from '../../lint/index.js';
import { pathsOf } from '../paths.js';
import { subjectOus } from '../support.js';

export default defineRule({
  id: 'org.role.multiple',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: ['organisation'],
  citation: 'SEC Appendix M, Appendix F (organizationalUnitName: the Remote Party Role Code)',
  description: 'The subject has more than one organizationalUnitName (OU); exactly one holds the Remote Party Role Code.',
  source: 'spec',
  check({ doc, document }, ctx) {
    const paths = pathsOf(document);
    const ous = subjectOus(doc);
    if (ous.length < 2) return;
    const values = ous.map((a) => `'${a.value}'`).join(', ');
    ctx.report({
      path: paths.subjectOu,
      offset: ous[1].offset,
      message:
        `Subject has ${ous.length} OUs (${values}); it must have exactly one, holding the ${document === 'csr' ? 'request' : 'certificate'}'s single Remote Party Role Code. ` +
        `Only the first ('${ous[0].value}') is read as the role; a subscriber with several roles needs one certificate per role`,
    });
  },
});
