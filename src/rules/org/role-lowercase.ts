import { defineRule } from '../../lint/index.js';
import { pathsOf } from '../paths.js';
import { roleOu } from './role-support.js';

export default defineRule({
  id: 'org.role.lowercase',
  severity: 'warning',
  documents: ['certificate', 'csr'],
  appliesTo: ['organisation'],
  citation: 'SEC Appendix M, Appendix F (organizationalUnitName, e.g. "02"); DCC test PKI (role codes in upper case, e.g. OU=7F)',
  description: 'The subject OU role code is written with lower-case hex digits (e.g. "7f"), where issued certificates write it in upper case ("7F").',
  // Appendix M's example has no letters; upper case is what every issued certificate shows.
  source: 'seen',
  check({ doc, view, document }, ctx) {
    const paths = pathsOf(document);
    const found = roleOu(doc, view);
    if (!found?.reading.lowercase || !found.reading.hex) return;
    const { reading, attribute } = found;
    const role = reading.role ? ` (role 0x${reading.hex} = ${reading.role.code}, ${reading.role.name})` : '';
    ctx.report({
      path: paths.subjectOu,
      offset: attribute.offset,
      message: `OU '${reading.ou}' is in lower case; write it as '${reading.hex}'${role}. Issued certificates write role codes in upper case, and software comparing the OU as text will not match '${reading.ou}'`,
    });
  },
});
