import { OID, oidName } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { PATH, extensionPath } from '../paths.js';

/** The profile's extensions; basicConstraints is left to the end-entity rules. */
const EXPECTED: ReadonlySet<string> = new Set([
  OID.keyUsage,
  OID.certificatePolicies,
  OID.subjectKeyIdentifier,
  OID.authorityKeyIdentifier,
  OID.basicConstraints,
]);

export default defineRule({
  id: 'org.extension.unexpected',
  severity: 'error',
  appliesTo: ['organisation'],
  citation: 'SEC Appendix B (OCP) Annex B, Organisation Certificate Profile; GBCS section 12; DCC test PKI',
  description: 'An extension other than keyUsage, certificatePolicies, subjectKeyIdentifier and authorityKeyIdentifier (basicConstraints is reported by the ee.basic-constraints rules).',
  source: 'seen',
  check({ cert }, ctx) {
    cert.extensions.forEach((ext, i) => {
      if (EXPECTED.has(ext.oid)) return;
      const name = ext.name ?? oidName(ext.oid);
      const shown = name ? `${name} (${ext.oid})` : ext.oid || 'with an empty extnID';
      ctx.report({
        path: ext.oid ? extensionPath(name ?? ext.oid) : `${PATH.extensions}[${i}]`,
        offset: ext.offset,
        message:
          `Extension ${shown}${ext.critical ? ', critical,' : ''} is not part of the Organisation Certificate profile, which has only ` +
          'keyUsage, certificatePolicies, subjectKeyIdentifier and authorityKeyIdentifier; remove it',
      });
    });
  },
});
