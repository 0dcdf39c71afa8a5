import { OID } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { attributesOf } from '../../x509/index.js';
import { PATH } from '../paths.js';

export default defineRule({
  id: 'org.eui.missing',
  severity: 'error',
  appliesTo: ['organisation'],
  citation: 'SEC Appendix M, Appendix F (id-at-uniqueIdentifier: the Entity Identifier); SEC Appendix B (OCP) Annex B',
  description: 'The subject has no x500UniqueIdentifier (2.5.4.45), so no Entity Identifier (EUI-64).',
  source: 'spec',
  check({ cert }, ctx) {
    if (!cert.subject || attributesOf(cert.subject, OID.x500UniqueIdentifier).length > 0) return;
    ctx.report({
      path: PATH.subjectUid,
      offset: cert.subject.offset,
      message:
        "Subject has no x500UniqueIdentifier (2.5.4.45): an Organisation Certificate names its subscriber by the subscriber's " +
        'Entity Identifier, an EUI-64 held as a BIT STRING of 64 bits; add it',
    });
  },
});
