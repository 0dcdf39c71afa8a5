import { describeOid } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { pathsOf } from '../paths.js';
import { extensionLabel } from './shared.js';

export default defineRule({
  id: 'cert.extension.undecodable',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: SMKI_KINDS,
  citation: 'RFC 5280 4.2.1',
  description: 'The value of a known extension (keyUsage, basicConstraints, subjectKeyIdentifier, authorityKeyIdentifier, certificatePolicies, subjectAltName, extKeyUsage) does not decode as its ASN.1 type.',
  source: 'spec',
  check({ doc, document }, ctx) {
    const paths = pathsOf(document);
    for (const ext of doc.extensions) {
      if (ext.error === undefined) continue;
      ctx.report({
        path: paths.extension(extensionLabel(ext)),
        offset: ext.valueOffset,
        message: `the ${describeOid(ext.oid)} value does not decode: ${ext.error}; the rules on its content could not be checked`,
      });
    }
  },
});
