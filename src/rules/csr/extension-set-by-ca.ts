import { OID, describeOid } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { extensionLabel } from '../cert/shared.js';
import { pathsOf } from '../paths.js';

/** Extensions the SMKI CAs write themselves (spec sections 3 and 4): a request has no say in them. */
export const SET_BY_CA: ReadonlyMap<string, string> = new Map([
  [OID.subjectKeyIdentifier, 'the CA computes it from the key (method 2)'],
  [OID.authorityKeyIdentifier, "the CA writes its own key identifier"],
  [OID.certificatePolicies, "the CA writes the environment's policy OID"],
  [OID.basicConstraints, 'end-entity certificates carry none'],
  [OID.extKeyUsage, 'SMKI certificates carry none'],
]);

export default defineRule({
  id: 'csr.extension.set-by-ca',
  severity: 'warning',
  documents: ['csr'],
  appliesTo: SMKI_KINDS,
  citation: 'SEC Appendix M, Appendix F (a CSR requests keyUsage, and for a Device subjectAltName); GBCS section 12',
  description: 'The request asks for an extension the CA sets itself (subjectKeyIdentifier, authorityKeyIdentifier, certificatePolicies, basicConstraints, extKeyUsage).',
  // The CA ignores or overrides these; asking for them is harmless but shows a request not built for SMKI.
  source: 'adopted',
  check({ doc }, ctx) {
    for (const ext of doc.extensions) {
      const why = SET_BY_CA.get(ext.oid);
      if (!why) continue;
      ctx.report({
        path: pathsOf('csr').extension(extensionLabel(ext)),
        offset: ext.offset,
        message: `the request asks for ${describeOid(ext.oid)}, which the SMKI CA sets itself (${why}); drop it from the extensionRequest, as the certificate will not take it from the request`,
      });
    }
  },
});
