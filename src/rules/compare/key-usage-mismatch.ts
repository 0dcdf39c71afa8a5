import { defineRule } from '../../lint/index.js';
import { extensionValue, findExtension } from '../../x509/index.js';
import { extensionPath } from '../paths.js';

export default defineRule({
  id: 'compare.key-usage.mismatch',
  severity: 'error',
  appliesTo: 'all',
  needsRequest: true,
  citation: 'SEC Appendix M, Appendix F (the CSR requests the keyUsage of the certificate)',
  description: 'The certificate\'s keyUsage is not the keyUsage the request asked for.',
  source: 'spec',
  check({ cert, request }, ctx) {
    const asked = extensionValue(request!.csr, 'keyUsage');
    // A request without a readable keyUsage gets its own findings when it is checked.
    if (!asked) return;
    const mine = extensionValue(cert, 'keyUsage');
    const shown = (names: string[] | undefined) => (names === undefined ? 'no keyUsage' : names.length ? names.join(', ') : 'no bit');
    if (mine && mine.names.join() === asked.names.join()) return;
    ctx.report({
      path: extensionPath('keyUsage'),
      offset: findExtension(cert, 'keyUsage')?.offset,
      message: `the certificate has ${shown(mine?.names)} where the request asked for ${shown(asked.names)}; the certificate does not give the key the use requested`,
    });
  },
});
