import { describeOid } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { extensionPath } from '../paths.js';
import { extensionLabel } from './shared.js';

export default defineRule({
  id: 'cert.extension.undecodable',
  severity: 'error',
  appliesTo: 'all',
  citation: 'RFC 5280 4.2.1',
  description: 'The value of a known extension (keyUsage, basicConstraints, subjectKeyIdentifier, authorityKeyIdentifier, certificatePolicies, subjectAltName, extKeyUsage) does not decode as its ASN.1 type.',
  source: 'spec',
  check({ cert }, ctx) {
    for (const ext of cert.extensions) {
      if (ext.error === undefined) continue;
      ctx.report({
        path: extensionPath(extensionLabel(ext)),
        offset: ext.valueOffset,
        message: `the ${describeOid(ext.oid)} value does not decode: ${ext.error}; the rules on its content could not be checked`,
      });
    }
  },
});
