import { defineRule } from '../../lint/index.js';
import { extensionValue, findExtension } from '../../x509/index.js';
import { extensionPath } from '../paths.js';

export default defineRule({
  id: 'ica.path-len',
  severity: 'warning',
  appliesTo: ['issuing-oca'],
  citation: 'DCC test PKI (ZAZ1 Issuing OCA Z1: pathLenConstraint 0); RFC 5280 4.2.1.9 (what pathLenConstraint limits)',
  description: 'The basicConstraints of an Issuing OCA has no pathLenConstraint 0 (absent or larger), so CA certificates below it would validate, though it issues only Organisation Certificates.',
  // The reference Issuing OCA has pathLenConstraint 0; no text read requires it.
  source: 'seen',
  check({ cert }, ctx) {
    // Without basicConstraints there is no pathLenConstraint to judge: ca.basic-constraints.missing says so.
    const bc = extensionValue(cert, 'basicConstraints');
    if (!bc || bc.pathLenConstraint === 0) return;
    const found =
      bc.pathLenConstraint === undefined
        ? `pathLenConstraint is absent${bc.cA ? ', unlimited: CA certificates below it would be accepted' : ''}`
        : `pathLenConstraint is ${bc.pathLenConstraint}`;
    ctx.report({
      path: extensionPath('basicConstraints', 'pathLenConstraint'),
      offset: findExtension(cert, 'basicConstraints')?.valueOffset,
      message: `${found}; an Issuing OCA issues only Organisation Certificates, so its pathLenConstraint is 0`,
    });
  },
});
