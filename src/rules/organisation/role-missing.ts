import { defineRule } from '../../lint/index.js';
import { PATH } from '../paths.js';
import { subjectOus } from '../support.js';

export default defineRule({
  id: 'org.role.missing',
  severity: 'error',
  appliesTo: ['organisation'],
  citation: 'SEC Appendix B (OCP) Annex B, Organisation Certificate Profile; SEC Appendix M, Appendix F (organizationalUnitName)',
  description: 'The subject has no organizationalUnitName (OU), so no Remote Party Role Code.',
  source: 'spec',
  check({ cert }, ctx) {
    // An unreadable subject is a decode finding, not a missing role.
    if (!cert.subject || subjectOus(cert).length > 0) return;
    ctx.report({
      path: PATH.subjectOu,
      offset: cert.subject.offset,
      message:
        "Subject has no OU: an Organisation Certificate carries its Remote Party Role Code as OU, two hex characters (e.g. '02' for supplier); " +
        'add an organizationalUnitName with the role code',
    });
  },
});
