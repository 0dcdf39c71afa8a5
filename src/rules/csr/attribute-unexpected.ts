import { OID } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { REQUEST_PATH } from '../paths.js';

export default defineRule({
  id: 'csr.attribute.unexpected',
  severity: 'error',
  documents: ['csr'],
  appliesTo: SMKI_KINDS,
  citation: 'SEC Appendix M, Appendix F (the only attribute is the extension request); RFC 2985 5.4.2',
  description: 'The request has an attribute other than extensionRequest (1.2.840.113549.1.9.14), or more than one extensionRequest.',
  source: 'spec',
  check({ csr }, ctx) {
    let requests = 0;
    for (const a of csr.attributes) {
      const isRequest = a.oid === OID.extensionRequest;
      if (isRequest && ++requests === 1) continue;
      const what = isRequest ? `a second extensionRequest attribute (only the first is read)` : `attribute ${a.name ? `${a.name} (${a.oid})` : a.oid}`;
      ctx.report({
        path: `${REQUEST_PATH.attributes}.${isRequest ? 'extensionRequest' : (a.name ?? a.oid)}`,
        offset: a.offset,
        message: `the request carries ${what}; an SMKI request's only attribute is one extensionRequest (${OID.extensionRequest}) holding the extensions it asks for. Remove it`,
      });
    }
  },
});
