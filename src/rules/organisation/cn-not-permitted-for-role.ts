import { defineRule } from '../../lint/index.js';
import { pathsOf } from '../paths.js';
import { subjectCns } from '../support.js';
import { erratumNote, roleInWords, roleOu } from './role-support.js';

export default defineRule({
  id: 'org.cn.not-permitted-for-role',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: ['organisation'],
  citation: 'SEC Appendix B (OCP) Annex B, Subject X520 Common Name, as corrected in the November 2020 SEC Release (BEIS consultation of 23 October 2020, para 2.11); SEC Appendix M, Appendix F',
  description: 'The subject CN is present but the role may not populate it (only the roles in the CN role set, by default 0x02 and 0x87).',
  // The OCP text itself was not available: the {02, 87} reading comes from Appendix M and the BEIS letter.
  source: 'adopted',
  check({ doc, view, document }, ctx) {
    const paths = pathsOf(document);
    const cn = subjectCns(doc)[0];
    const found = roleOu(doc, view);
    // Without a readable role code the role rules report; whether a CN is allowed cannot be decided.
    if (!cn || !found?.reading.hex || ctx.commonNameRoles.has(found.reading.hex)) return;
    const { reading } = found;
    const role = reading.role ? roleInWords(reading.role) : `0x${reading.hex} = ${reading.code} (not in the role table)`;
    const permitted = [...ctx.commonNameRoles].sort().join(', ');
    const erratum = reading.code === 134 ? `. ${erratumNote(ctx.roles)}` : '';
    ctx.report({
      path: paths.subjectCn,
      offset: cn.offset,
      message:
        `Subject CN '${cn.value}' is present but role ${role} may not have one; only roles ${permitted || '(none configured)'} ` +
        `may populate the Subject X520 Common Name (OCP Annex B as corrected in November 2020)${erratum}. Remove the CN.`,
    });
  },
});
