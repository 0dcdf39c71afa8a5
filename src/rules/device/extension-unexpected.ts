import { OID, oidName } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { extensionPath } from '../paths.js';

/** The Device Certificate profile's extensions; basicConstraints is left to the end-entity rules. */
const EXPECTED: ReadonlySet<string> = new Set([
  OID.keyUsage,
  OID.subjectKeyIdentifier,
  OID.subjectAltName,
  OID.certificatePolicies,
  OID.authorityKeyIdentifier,
  OID.basicConstraints,
]);

export default defineRule({
  id: 'device.extension.unexpected',
  severity: 'error',
  appliesTo: ['device'],
  citation: 'GBCS section 12 (Device Certificates); SEC Appendix M, Appendix F',
  description:
    'An extension other than keyUsage, subjectKeyIdentifier, subjectAltName, certificatePolicies and authorityKeyIdentifier (basicConstraints is reported by the ee.basic-constraints rules).',
  source: 'spec',
  check({ cert }, ctx) {
    for (const ext of cert.extensions) {
      if (EXPECTED.has(ext.oid)) continue;
      const name = ext.name ?? oidName(ext.oid);
      const shown = name ? `${name} (${ext.oid})` : ext.oid;
      ctx.report({
        path: extensionPath(name ?? ext.oid),
        offset: ext.offset,
        message:
          `extension ${shown}${ext.critical ? ', critical,' : ''} is not part of the Device Certificate profile, which has only ` +
          'keyUsage, subjectKeyIdentifier, subjectAltName, certificatePolicies and authorityKeyIdentifier; remove it',
      });
    }
  },
});
