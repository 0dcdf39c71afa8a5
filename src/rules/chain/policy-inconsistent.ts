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
    const allowed = new Set(issuer.view.policies);
    if (allowed.has(ANY_POLICY)) return;
    const theirs = allowed.size === 0 ? 'which asserts no policies' : `whose ${allowed.size === 1 ? 'policy is' : 'policies are'} ${listed(issuer.view.policies)}`;
    for (const p of policies) {
      if (allowed.has(p.oid)) continue;
      ctx.report({
        path: extensionPath('certificatePolicies', 'policyIdentifier'),
        offset: p.offset,
        message: `policy ${p.oid} is not a policy of the ${describeIssuer(issuer, chain)}, ${theirs}; a certificate's policies come from its issuer's, so the path does not carry this policy`,
      });
    }
  },
});

/** The issuer's policies as a message shows them: a hostile issuer's thousands would repeat in every finding. */
function listed(policies: readonly string[]): string {
  const shown = policies.slice(0, LISTED_POLICIES).join(', ');
  return policies.length > LISTED_POLICIES ? `${shown} and ${policies.length - LISTED_POLICIES} more` : shown;
}

const LISTED_POLICIES = 8;
