import { defineRule } from '../../lint/index.js';
import { KIND_TITLES } from '../../smki/index.js';
import { findExtension } from '../../x509/index.js';
import type { BasicConstraints } from '../../x509/index.js';
import { extensionPath } from '../paths.js';

export default defineRule({
  id: 'ee.basic-constraints.ca',
  severity: 'error',
  appliesTo: ['organisation', 'device'],
  citation: 'GBCS section 12 (Organisation and Device Certificates are end-entity certificates); RFC 5280 4.2.1.9 (cA TRUE marks a CA certificate)',
  description: 'basicConstraints has cA TRUE on an end-entity (Organisation or Device) certificate.',
  source: 'spec',
  check({ cert, view }, ctx) {
    const ext = findExtension(cert, 'basicConstraints');
    const bc = ext?.parsed as BasicConstraints | undefined;
    if (!ext || !bc?.cA) return;
    const pathLen = bc.pathLenConstraint !== undefined ? `, pathLenConstraint ${bc.pathLenConstraint}` : '';
    ctx.report({
      path: extensionPath('basicConstraints', 'cA'),
      offset: ext.offset,
      message:
        `basicConstraints has cA TRUE${pathLen} on a${/^[AEIOU]/.test(KIND_TITLES[view.kind]) ? 'n' : ''} ${KIND_TITLES[view.kind]}: an end-entity certificate must not be a CA. ` +
        'Remove basicConstraints; only Root OCA, Issuing OCA and Device CA certificates carry cA TRUE',
    });
  },
});
