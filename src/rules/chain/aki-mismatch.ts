import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { bytesEqual } from '../../der/index.js';
import { extensionValue, findExtension } from '../../x509/index.js';
import { extensionPath } from '../paths.js';
import { describeIssuer, keyIdHex, otherIssuer } from './support.js';

export default defineRule({
  id: 'chain.aki.mismatch',
  severity: 'error',
  appliesTo: SMKI_KINDS,
  citation: 'GBCS section 12; RFC 5280 4.2.1.1',
  description: "The authorityKeyIdentifier keyIdentifier differs from the issuer's subjectKeyIdentifier.",
  source: 'spec',
  needsChain: true,
  check({ cert, chain }, ctx) {
    const issuer = otherIssuer(chain);
    if (!issuer || !chain) return;
    const ext = findExtension(cert, 'authorityKeyIdentifier');
    const aki = extensionValue(cert, 'authorityKeyIdentifier')?.keyIdentifier;
    // A missing AKI or keyIdentifier is cert.aki.missing's and cert.aki.fields' finding.
    if (!ext || !aki) return;
    const ski = extensionValue(issuer.cert, 'subjectKeyIdentifier');
    if (bytesEqual(aki, ski)) return;
    const theirs = ski ? `subjectKeyIdentifier ${keyIdHex(ski)}` : 'no subjectKeyIdentifier';
    ctx.report({
      path: extensionPath('authorityKeyIdentifier', 'keyIdentifier'),
      offset: ext.valueOffset,
      message: `authorityKeyIdentifier keyIdentifier ${keyIdHex(aki)} differs from the ${describeIssuer(issuer, chain)}, which has ${theirs}; the keyIdentifier must equal the issuer's subjectKeyIdentifier`,
    });
  },
});
