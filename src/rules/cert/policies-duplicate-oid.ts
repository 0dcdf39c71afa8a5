import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { extensionValue } from '../../x509/index.js';
import { extensionPath } from '../paths.js';

export default defineRule({
  id: 'cert.policies.duplicate-oid',
  severity: 'error',
  appliesTo: SMKI_KINDS,
  citation: 'RFC 5280 4.2.1.4 (a certificate policy OID MUST NOT appear more than once in a certificate policies extension)',
  description: 'A policy OID appears more than once in certificatePolicies.',
  source: 'spec',
  check({ cert }, ctx) {
    const policies = extensionValue(cert, 'certificatePolicies');
    if (!policies || policies.length < 2) return;
    // Where each OID first appears, found in one pass: linear however many policies a hostile certificate holds.
    const firsts = new Map<string, number>();
    policies.forEach((p, i) => {
      const first = firsts.get(p.oid);
      if (first === undefined) {
        firsts.set(p.oid, i);
        return;
      }
      ctx.report({
        path: extensionPath('certificatePolicies', 'policyIdentifier'),
        offset: p.offset,
        message: `policy ${p.oid} appears again (PolicyInformation ${i + 1}; the first is number ${first + 1}, at offset ${policies[first].offset}); RFC 5280 4.2.1.4 allows each policy OID once`,
      });
    });
  },
});
