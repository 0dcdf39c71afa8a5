import { defineRule } from '../../lint/index.js';
import { extensionValue, findExtension } from '../../x509/index.js';
import { extensionPath } from '../paths.js';
import { aKind } from './support.js';

const SEEN = ['keyCertSign', 'cRLSign'] as const;

export default defineRule({
  id: 'ca.key-usage',
  severity: 'warning',
  appliesTo: ['root', 'issuing-oca', 'device-ca'],
  citation: 'DCC test PKI (ZAZ1 Root and Issuing OCA: keyCertSign and cRLSign); RFC 5280 4.2.1.3 (cRLSign for a key that verifies CRLs)',
  description: 'The keyUsage of a CA certificate (Root OCA, Issuing OCA, Device CA) is not exactly keyCertSign and cRLSign: cRLSign is missing, or another bit is set.',
  // The reference CAs carry exactly these two bits; no text read forbids others. A missing keyCertSign is ca.key-cert-sign.missing.
  source: 'seen',
  check({ cert, view }, ctx) {
    // A missing or undecodable keyUsage is reported by the cert.* rules.
    const ku = extensionValue(cert, 'keyUsage');
    if (!ku) return;
    const extra = ku.names.filter((n) => !(SEEN as readonly string[]).includes(n));
    const missing = ku.cRLSign ? [] : ['cRLSign'];
    if (extra.length === 0 && missing.length === 0) return;
    const problems: string[] = [];
    if (missing.length > 0) problems.push('cRLSign is missing');
    if (extra.length > 0) problems.push(`${extra.join(', ')} ${extra.length === 1 ? 'is' : 'are'} set as well`);
    const has = ku.names.length > 0 ? ku.names.join(', ') : 'no bits set';
    ctx.report({
      path: extensionPath('keyUsage'),
      offset: findExtension(cert, 'keyUsage')?.valueOffset,
      message: `keyUsage is ${has}: ${problems.join('; ')}; ${aKind(view.kind)} of the reference PKI has exactly keyCertSign and cRLSign`,
    });
  },
});
