import { OID } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { REQUEST_PATH } from '../paths.js';

export default defineRule({
  id: 'csr.attribute.extension-request-values',
  severity: 'error',
  documents: ['csr'],
  appliesTo: SMKI_KINDS,
  citation: 'RFC 2985 5.4.2 (extensionRequest is SINGLE VALUE TRUE); RFC 2986 section 4.1',
  description: 'The extensionRequest attribute does not hold exactly one value (one Extensions SEQUENCE).',
  source: 'spec',
  check({ csr }, ctx) {
    const request = csr.attributes.find((a) => a.oid === OID.extensionRequest);
    if (!request || request.valueCount === 1) return;
    ctx.report({
      path: REQUEST_PATH.extensionRequest,
      offset: request.offset,
      message:
        `extensionRequest holds ${request.valueCount === 0 ? 'no value' : `${request.valueCount} values`}; it is single-valued: its SET holds exactly one Extensions SEQUENCE` +
        (request.valueCount > 1 ? '. Only the first was read; put every requested extension in it' : ', with the extensions requested'),
    });
  },
});
