import { defineRule } from '../../lint/index.js';
import { NOVEMBER_2020_RELEASE } from '../../smki/index.js';
import { pathsOf } from '../paths.js';
import { firstSubjectCn } from '../support.js';
import { erratumNote, roleInWords, roleOu } from './role-support.js';

export default defineRule({
  id: 'org.cn.not-permitted-for-role',
  severity: 'warning',
  documents: ['certificate', 'csr'],
  appliesTo: ['organisation'],
  citation:
    'SEC Appendix M, Appendix F (a CN only where the OCP\'s Subject X520 Common Name rule allows one); that rule as the BEIS consultation of 23 October 2020 describes it (para 2.11: "02" or "86", the "86" corrected to "87"). The OCP (SEC Appendix B) itself was not available',
  description: 'The subject CN is present but the role may not populate it (only the roles in the CN role set, by default 0x02 and 0x87).',
  // The OCP text was not available: the {02, 87} reading of Appendix M and the BEIS letter is the project's, so a warning.
  source: 'adopted',
  // The rule as read dates from the OCP re-designated with the November 2020 SEC Release (proposed for
  // 2020-11-29, or within a month after); what the OCP said of CNs before is not known.
  effective: { from: NOVEMBER_2020_RELEASE },
  check({ doc, view, document }, ctx) {
    const paths = pathsOf(document);
    const cn = firstSubjectCn(doc);
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
        `may populate the Subject X520 Common Name (the OCP rule as corrected in November 2020, as the BEIS consultation describes it)${erratum}. Remove the CN.`,
    });
  },
});
