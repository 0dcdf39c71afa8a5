import { defineRule } from '../../lint/index.js';
import type { RoleDefinition } from '../../smki/index.js';
import { pathsOf } from '../paths.js';
import { firstSubjectCn } from '../support.js';
import { erratumNote, roleOu } from './role-support.js';

const HEX2 = /^[0-9A-Fa-f]{2}$/;

export default defineRule({
  id: 'org.cn.looks-like-role-code',
  severity: 'warning',
  documents: ['certificate', 'csr'],
  appliesTo: ['organisation'],
  citation: 'SEC Appendix M, Appendix F (organizationalUnitName holds the role code)',
  description: 'The subject CN is two hex characters naming a role of the role table (e.g. "87"): a role code put in the CN instead of the OU.',
  source: 'adopted',
  check({ doc, view, document }, ctx) {
    const paths = pathsOf(document);
    const cn = firstSubjectCn(doc);
    if (!cn?.stringType || !HEX2.test(cn.value)) return;
    // Only codes the table knows: a two-letter name such as "CA" or "BE" is not a role code.
    const role = ctx.roles.get(parseInt(cn.value, 16));
    if (!role) return;
    const ou = roleOu(doc, view)?.reading;
    const where =
      ou?.hex === role.hex
        ? ' (the OU already holds it: the CN should be the organisation\'s name, or absent)'
        : ou?.role
          ? ` (this ${document === 'csr' ? 'request' : 'certificate'}'s OU says ${inline(ou.role)})`
          : '';
    const message =
      role.code === 134
        ? `Subject CN '${cn.value}' looks like a Remote Party Role Code: 0x86 = 134 is reserved for the Centralised Switching Service. ` +
          `${erratumNote(ctx.roles)}. The role code belongs in the OU, not the CN${where}`
        : `Subject CN '${cn.value}' looks like a Remote Party Role Code (${inline(role)}); the role code belongs in the OU, not the CN${where}`;
    ctx.report({ path: paths.subjectCn, offset: cn.offset, message });
  },
});

/** "0x87 = 135, xmlSigning": no nested brackets inside the message's own. */
function inline(role: RoleDefinition): string {
  return `0x${role.hex} = ${role.code}, ${role.name}`;
}
