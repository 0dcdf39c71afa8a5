import { defineRule } from '../../lint/index.js';
import { findExtension } from '../../x509/index.js';
import type { KeyUsage } from '../../x509/index.js';
import { pathsOf } from '../paths.js';
import { describeRole } from '../support.js';
import { roleOu } from './role-support.js';

export default defineRule({
  id: 'org.role.key-usage-unusual',
  severity: 'warning',
  documents: ['certificate', 'csr'],
  appliesTo: ['organisation'],
  citation: 'DCC test PKI (the key usages seen for each Remote Party Role); no text read states which roles may hold keyAgreement',
  description: 'The certificate\'s key usage (digitalSignature or keyAgreement) is not one seen for its role, e.g. keyAgreement for 0x87 xmlSigning.',
  // The per-role usages are practice, not a stated rule: hence a warning.
  source: 'adopted',
  check({ doc, view, document }, ctx) {
    const paths = pathsOf(document);
    const role = roleOu(doc, view)?.reading.role;
    // Reserved and CA roles are reported by their own rules; an empty list means nothing is known.
    if (!role || role.status !== 'assigned' || !role.endEntity || role.keyUsages.length === 0) return;
    const ext = findExtension(doc, 'keyUsage');
    const ku = ext?.parsed as KeyUsage | undefined;
    if (!ext || !ku) return;
    // Anything but exactly one of DS/KA is ee.key-usage.not-ds-xor-ka's finding.
    if (ku.digitalSignature === ku.keyAgreement || ku.names.length !== 1) return;
    const usage = ku.digitalSignature ? 'digitalSignature' : 'keyAgreement';
    if (role.keyUsages.includes(usage)) return;
    const seen = role.keyUsages.filter((u) => u !== 'ca');
    ctx.report({
      path: paths.extension('keyUsage'),
      offset: ext.offset,
      message:
        `${usage} ${document === 'csr' ? 'requested' : 'certificate'} for role ${describeRole(role)}; certificates of this role are seen with ${seen.join(' or ')} only. ` +
        `Check the role code and the key usage ${document === 'csr' ? 'this CSR requests' : 'requested in the CSR'}`,
    });
  },
});
