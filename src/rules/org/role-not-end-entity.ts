import { defineRule } from '../../lint/index.js';
import { withArticle } from '../support.js';
import { documentTitle } from '../../smki/index.js';
import { pathsOf } from '../paths.js';
import { roleOu } from './role-support.js';

export default defineRule({
  id: 'org.role.not-end-entity',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: ['organisation'],
  citation: "GBCS Remote Party Role Codes (root 0x00 and issuingAuthority 0x07 are the CAs' codes); SEC Appendix M, Appendix F (organizationalUnitName: the subscriber's Remote Party Role Code)",
  description: 'The subject OU is a CA role (0x00 root, 0x07 issuingAuthority) on an end-entity Organisation Certificate.',
  source: 'spec',
  check({ doc, view, document }, ctx) {
    const paths = pathsOf(document);
    const found = roleOu(doc, view);
    const role = found?.reading.role;
    // Reserved codes are org.role.reserved's business.
    if (!found || !role || found.reading.status !== 'assigned' || role.endEntity) return;
    const what = role.keyUsages.includes('ca') ? `a CA role (the ${role.title})` : 'a role that holds no end-entity certificate';
    ctx.report({
      path: paths.subjectOu,
      offset: found.attribute.offset,
      message:
        `OU '${found.reading.ou}' is role ${role.code} (${role.name}), ${what}; ${withArticle(documentTitle(document, 'organisation'))} cannot carry it. ` +
        "Use the subscriber's own role code; a CA certificate of this role would need basicConstraints cA TRUE and keyCertSign",
    });
  },
});
