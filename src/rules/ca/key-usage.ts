import { defineRule } from '../../lint/index.js';
import { extensionValue, findExtension } from '../../x509/index.js';
import { extensionPath } from '../paths.js';
import { aKind } from './support.js';

const REQUIRED = ['keyCertSign', 'cRLSign'] as const;

export default defineRule({
  id: 'ca.key-usage',
  severity: 'error',
  appliesTo: ['root', 'issuing-oca', 'device-ca'],
  citation: 'GBCS section 12; RFC 5280 4.2.1.3; DCC test PKI (ZAZ1 Root and Issuing OCA)',
  description: 'The keyUsage of a CA certificate (Root OCA, Issuing OCA, Device CA) is exactly keyCertSign and cRLSign.',
  source: 'seen',
  check({ cert, view }, ctx) {
    // A missing or undecodable keyUsage is reported by the cert.* rules.
    const ku = extensionValue(cert, 'keyUsage');
    if (!ku) return;
    const extra = ku.names.filter((n) => !(REQUIRED as readonly string[]).includes(n));
    const missing = REQUIRED.filter((n) => !ku[n]);
    if (extra.length === 0 && missing.length === 0) return;
    const problems: string[] = [];
    if (missing.length > 0) problems.push(`${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing`);
    if (extra.length > 0) problems.push(`${extra.join(', ')} ${extra.length === 1 ? 'is' : 'are'} not allowed`);
    const has = ku.names.length > 0 ? ku.names.join(', ') : 'no bits set';
    ctx.report({
      path: extensionPath('keyUsage'),
      offset: findExtension(cert, 'keyUsage')?.valueOffset,
      message: `keyUsage is ${has}: ${problems.join('; ')}; ${aKind(view.kind)} has exactly keyCertSign and cRLSign`,
    });
  },
});
