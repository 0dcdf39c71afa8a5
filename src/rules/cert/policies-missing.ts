import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { findExtension } from '../../x509/index.js';
import type { PolicyInformation } from '../../x509/index.js';
import { extensionPath } from '../paths.js';

export default defineRule({
  id: 'cert.policies.missing',
  severity: 'error',
  appliesTo: SMKI_KINDS,
  citation: 'GBCS section 12; RFC 5280 4.2.1.4',
  description: 'The certificate has no certificatePolicies extension, or one that holds no policy.',
  source: 'spec',
  check({ cert }, ctx) {
    const ext = findExtension(cert, 'certificatePolicies');
    if (!ext) {
      ctx.report({ path: extensionPath('certificatePolicies'), message: 'no certificatePolicies extension; every SMKI certificate has a critical certificatePolicies with the policy OID of its environment' });
      return;
    }
    // RFC 5280 defines certificatePolicies as SEQUENCE SIZE (1..MAX): an empty one names no policy.
    const policies = ext.parsed as PolicyInformation[] | undefined;
    if (policies && policies.length === 0) {
      ctx.report({
        path: extensionPath('certificatePolicies'),
        offset: ext.valueOffset,
        message: 'certificatePolicies is an empty SEQUENCE; RFC 5280 4.2.1.4 requires at least one PolicyInformation (SIZE (1..MAX)) and SMKI requires the policy OID of the environment',
      });
    }
  },
});
