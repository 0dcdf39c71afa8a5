import { defineRule } from '../../lint/index.js';
import { pathsOf } from '../paths.js';
import { describeRole } from '../support.js';
import { roleOu } from './role-support.js';

export default defineRule({
  id: 'org.role.reserved',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: ['organisation'],
  citation: 'SEC Section L Annex A; BEIS, November 2020 SEC Release consultation (23 October 2020) para 2.11',
  description: 'The subject OU holds a Remote Party Role Code that is reserved, not assigned (0x86 = 134 is reserved for the Centralised Switching Service).',
  source: 'spec',
  check({ view, doc, document }, ctx) {
    const paths = pathsOf(document);
    const found = roleOu(doc, view);
    const role = found?.reading.role;
    if (found?.reading.status !== 'reserved' || !role) return;
    const offset = found.attribute.offset;
    if (role.code === 134) {
      const xml = ctx.roles.get(135);
      ctx.report({
        path: paths.subjectOu,
        offset,
        message:
          `OU '${found.reading.ou}' is role 134, reserved for the Centralised Switching Service; ` +
          `XML signing is ${xml ? describeRole(xml) : '135'}, OU '87'. The June 2020 draft of the OCP wrote "86" where "87" was meant; ` +
          'BEIS corrected it for the November 2020 SEC Release.',
      });
      return;
    }
    ctx.report({ path: paths.subjectOu, offset, message: `OU '${found.reading.ou}' is role ${role.code}, which is reserved (${role.title}) and not assigned to any party` });
  },
});
