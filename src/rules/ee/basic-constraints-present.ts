import { defineRule } from '../../lint/index.js';
import { KIND_TITLES } from '../../smki/index.js';
import { findExtension } from '../../x509/index.js';
import type { BasicConstraints } from '../../x509/index.js';
import { extensionPath } from '../paths.js';

export default defineRule({
  id: 'ee.basic-constraints.present',
  severity: 'warning',
  appliesTo: ['organisation', 'device'],
  citation: 'GBCS section 12 (the end-entity profiles list no basicConstraints); DCC test PKI (some test certificates carry a critical cA FALSE)',
  description: 'basicConstraints is present, without cA TRUE, on an end-entity certificate; the SMKI end-entity profiles do not have it.',
  // Some DCC test certificates carry a critical cA FALSE basicConstraints: practice, so a warning.
  source: 'seen',
  check({ cert, view }, ctx) {
    const ext = findExtension(cert, 'basicConstraints');
    if (!ext) return;
    const bc = ext.parsed as BasicConstraints | undefined;
    // cA TRUE is ee.basic-constraints.ca's error; one finding is enough.
    if (bc?.cA) return;
    const content = bc ? 'cA FALSE' : `a value that does not decode${ext.error ? ` (${ext.error})` : ''}`;
    ctx.report({
      path: extensionPath('basicConstraints'),
      offset: ext.offset,
      message:
        `basicConstraints (${ext.critical ? 'critical' : 'non-critical'}, ${content}) is present on a${/^[AEIOU]/.test(KIND_TITLES[view.kind]) ? 'n' : ''} ${KIND_TITLES[view.kind]}; ` +
        'the SMKI end-entity profile has no basicConstraints. It does no harm as cA FALSE, but remove it to match the profile',
    });
  },
});
