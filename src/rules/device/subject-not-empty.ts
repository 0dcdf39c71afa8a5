import { defineRule } from '../../lint/index.js';
import { formatName } from '../../x509/index.js';
import { PATH } from '../paths.js';

export default defineRule({
  id: 'device.subject.not-empty',
  severity: 'error',
  appliesTo: ['device'],
  citation: 'GBCS section 12 (Device Certificates); SEC Appendix M, Appendix F',
  description: 'A Device Certificate has an empty subject; the Device is named by the hardwareModuleName in subjectAltName.',
  source: 'spec',
  check({ cert }, ctx) {
    const subject = cert.subject;
    if (!subject || subject.rdns.length === 0) return;
    const count = subject.rdns.length;
    ctx.report({
      path: PATH.subject,
      offset: subject.offset,
      message:
        `subject is '${formatName(subject)}' (${count} RDN${count === 1 ? '' : 's'}); a Device Certificate has an empty subject, ` +
        "and the Device's Entity Identifier belongs in the subjectAltName hardwareModuleName (hwSerialNum)",
    });
  },
});
