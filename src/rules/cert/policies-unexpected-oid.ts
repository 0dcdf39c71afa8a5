import { defineRule } from '../../lint/index.js';
import { KIND_TITLES, SMKI_KINDS } from '../../smki/index.js';
import { findExtension } from '../../x509/index.js';
import type { PolicyInformation } from '../../x509/index.js';
import { extensionPath } from '../paths.js';

export default defineRule({
  id: 'cert.policies.unexpected-oid',
  severity: 'error',
  appliesTo: SMKI_KINDS,
  citation: 'GBCS section 12 ("the OID applicable to the environment"); RFC 5280 4.2.1.4',
  description: "A certificatePolicies policy OID is not one of the environment's OIDs for this kind of certificate.",
  source: 'spec',
  check({ cert, view }, ctx) {
    const policies = findExtension(cert, 'certificatePolicies')?.parsed as PolicyInformation[] | undefined;
    if (!policies || policies.length === 0) return;
    const env = ctx.environment;
    const expected = env.policies[view.kind];
    // An environment that lists no OIDs for a kind does not constrain it.
    if (!expected || expected.length === 0) return;
    for (const p of policies) {
      if (expected.includes(p.oid)) continue;
      const list = expected.length === 1 ? expected[0] : `one of ${expected.join(', ')}`;
      ctx.report({
        path: extensionPath('certificatePolicies', 'policyIdentifier'),
        offset: p.offset,
        message: `policy ${p.oid} is not a policy of the '${env.name}' environment for ${view.kind === 'unknown' ? 'certificates of unknown kind' : KIND_TITLES[view.kind] + 's'}; expected ${list}`,
      });
    }
  },
});
