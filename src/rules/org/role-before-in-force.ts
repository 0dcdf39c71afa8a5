import { defineRule } from '../../lint/index.js';
import { PATH } from '../paths.js';
import { ISO_DAY, describeRole } from '../support.js';
import { roleOu } from './role-support.js';

export default defineRule({
  id: 'org.role.before-in-force',
  severity: 'warning',
  appliesTo: ['organisation'],
  citation:
    'SEC Section L3.18 and Section L Annex A; BEIS, November 2020 SEC Release consultation (23 October 2020) paras 2.11 and 2.14 (L3.18 proposed to take effect on 29 November 2020 "or as soon as practicable within one month after this date")',
  description: "The certificate's notBefore is earlier than the date its role came into force (0x87 = 135, XML signing: 2020-11-29, the date BEIS proposed).",
  source: 'spec',
  check({ cert, view }, ctx) {
    const role = roleOu(cert, view)?.reading.role;
    const notBefore = cert.validity?.notBefore;
    if (!role?.inForceFrom || !notBefore || notBefore.ms === null) return;
    const inForce = Date.parse(role.inForceFrom);
    if (Number.isNaN(inForce) || notBefore.ms >= inForce) return;
    const source = role.notes ? ` (${role.notes})` : '';
    ctx.report({
      path: PATH.notBefore,
      offset: notBefore.offset,
      message:
        `notBefore ${ISO_DAY(notBefore.ms)} is before role ${describeRole(role)} came into force on ${role.inForceFrom}${source}; ` +
        'no certificate of this role could be issued then. Check the validity dates, or whether this is a test certificate issued ahead of the release',
    });
  },
});
