import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { extensionValue } from '../../x509/index.js';
import { extensionPath } from '../paths.js';
import { describeIssuer, otherIssuer } from './support.js';

/** anyPolicy in a CA certificate admits every policy below it (RFC 5280 4.2.1.4). */
const ANY_POLICY = '2.5.29.32.0';

export default defineRule({
  id: 'chain.policy.inconsistent',
  severity: 'warning',
  appliesTo: SMKI_KINDS,
  citation: 'RFC 5280 4.2.1.4 and 6.1.3 (d); GBCS section 12 ("the OID applicable to the environment")',
  description: "A policy OID of the certificate is not among the policies of the certificate that issued it.",
  source: 'spec',
  needsChain: true,
  check({ cert, chain }, ctx) {
    const issuer = otherIssuer(chain);
    if (!issuer || !chain) return;
    const policies = extensionValue(cert, 'certificatePolicies');
    // No policies at all is cert.policies.missing's finding.
    if (!policies || policies.length === 0) return;
    const allowed = issuer.view.policies;
    if (allowed.includes(ANY_POLICY)) return;
    const theirs = allowed.length === 0 ? 'which asserts no policies' : `whose ${allowed.length === 1 ? 'policy is' : 'policies are'} ${allowed.join(', ')}`;
    for (const p of policies) {
      if (allowed.includes(p.oid)) continue;
      ctx.report({
        path: extensionPath('certificatePolicies', 'policyIdentifier'),
        offset: p.offset,
        message: `policy ${p.oid} is not a policy of the ${describeIssuer(issuer, chain)}, ${theirs}; a certificate's policies come from its issuer's, so the path does not carry this policy`,
      });
    }
  },
});
