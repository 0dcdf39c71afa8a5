import { defineRule } from '../../lint/index.js';
import { extensionValue, findExtension } from '../../x509/index.js';
import { extensionPath } from '../paths.js';

export default defineRule({
  id: 'device.policies.count',
  severity: 'error',
  appliesTo: ['device'],
  citation: 'GBCS section 12 (Device Certificates)',
  description: 'A Device Certificate\'s certificatePolicies holds more than one policy OID; it carries only the one of the environment it was issued in.',
  source: 'spec',
  check({ cert }, ctx) {
    const policies = extensionValue(cert, 'certificatePolicies');
    // No extension, or an empty one, is cert.policies.missing's finding.
    if (!policies || policies.length <= 1) return;
    const oids = policies.map((p) => p.oid);
    ctx.report({
      path: extensionPath('certificatePolicies'),
      offset: findExtension(cert, 'certificatePolicies')?.offset,
      message: `certificatePolicies holds ${oids.length} policies (${oids.join(', ')}); a Device Certificate carries exactly one policy OID, the one of the environment it was issued in`,
    });
  },
});
