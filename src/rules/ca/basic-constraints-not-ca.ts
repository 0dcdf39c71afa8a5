import { defineRule } from '../../lint/index.js';
import { extensionValue, findExtension } from '../../x509/index.js';
import { extensionPath } from '../paths.js';
import { aKind } from './support.js';

export default defineRule({
  id: 'ca.basic-constraints.not-ca',
  severity: 'error',
  appliesTo: ['root', 'issuing-oca', 'device-ca'],
  citation: 'RFC 5280 4.2.1.9; DCC test PKI (ZAZ1 Root and Issuing OCA)',
  description: 'The basicConstraints of a CA certificate does not assert cA TRUE.',
  source: 'spec',
  check({ cert, view }, ctx) {
    // Missing or undecodable basicConstraints is another rule's finding.
    const bc = extensionValue(cert, 'basicConstraints');
    if (!bc || bc.cA) return;
    const pathLen = bc.pathLenConstraint !== undefined ? `, yet it sets pathLenConstraint ${bc.pathLenConstraint}, which RFC 5280 allows only with cA TRUE` : '';
    ctx.report({
      path: extensionPath('basicConstraints', 'cA'),
      offset: findExtension(cert, 'basicConstraints')?.valueOffset,
      message: `basicConstraints has cA FALSE${pathLen}; ${aKind(view.kind)} asserts cA TRUE, without which its key may not verify certificate signatures`,
    });
  },
});
