import { defineRule } from '../../lint/index.js';
import { extensionValue, findExtension } from '../../x509/index.js';
import { extensionPath } from '../paths.js';

export default defineRule({
  id: 'ica.path-len',
  severity: 'error',
  appliesTo: ['issuing-oca'],
  citation: 'RFC 5280 4.2.1.9; DCC test PKI (ZAZ1 Issuing OCA Z1)',
  description: 'The basicConstraints of an Issuing OCA has pathLenConstraint 0: it issues only end-entity (Organisation) certificates.',
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
