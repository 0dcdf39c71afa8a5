import { OID, describeOid } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { extensionLabel } from '../cert/shared.js';
import { pathsOf } from '../paths.js';
import { SET_BY_CA } from './extension-set-by-ca.js';

/** What each kind of request asks for (SEC Appendix M, Appendix F). */
const REQUESTED: Record<'organisation' | 'device', readonly string[]> = {
  organisation: [OID.keyUsage],
  device: [OID.keyUsage, OID.subjectAltName],
};

export default defineRule({
  id: 'csr.extension.unexpected',
  severity: 'error',
  documents: ['csr'],
  appliesTo: ['organisation', 'device'],
  citation: 'SEC Appendix M, Appendix F (an Organisation CSR requests keyUsage; a Device CSR keyUsage and subjectAltName)',
  description: 'The request asks for an extension its profile does not have (not keyUsage, not subjectAltName for a Device CSR, and not one the CA sets itself).',
  source: 'spec',
  check({ doc, view }, ctx) {
    const expected = REQUESTED[view.kind as 'organisation' | 'device'];
    for (const ext of doc.extensions) {
      if (expected.includes(ext.oid) || SET_BY_CA.has(ext.oid)) continue;
      ctx.report({
        path: pathsOf('csr').extension(extensionLabel(ext)),
        offset: ext.offset,
        message: `the request asks for ${describeOid(ext.oid) || 'an extension with an empty extnID'}; ${view.kind === 'device' ? 'a Device CSR requests only keyUsage and subjectAltName' : 'an Organisation CSR requests only keyUsage'}. Remove it`,
      });
    }
  },
});
