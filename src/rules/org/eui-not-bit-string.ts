import { OID } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { attributesOf } from '../../x509/index.js';
import { pathsOf } from '../paths.js';

export default defineRule({
  id: 'org.eui.not-bit-string',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: ['organisation'],
  citation: 'X.520 (x500UniqueIdentifier is a UniqueIdentifier, a BIT STRING); SEC Appendix M, Appendix F',
  description: 'The subject x500UniqueIdentifier is not a BIT STRING.',
  source: 'spec',
  check({ doc, document }, ctx) {
    const paths = pathsOf(document);
    for (const uid of attributesOf(doc.subject, OID.x500UniqueIdentifier)) {
      if (uid.valueType === 'BIT STRING') continue;
      const shown = uid.stringType ? ` '${uid.value}'` : '';
      const hint =
        uid.valueType === 'OCTET STRING' && uid.valueBytes.length === 8
          ? '; encode the same 8 octets as a BIT STRING (03 09 00 followed by the octets)'
          : uid.stringType
            ? '; write the EUI-64 as its 8 octets in a BIT STRING, not as text'
            : '';
      ctx.report({
        path: paths.subjectUid,
        offset: uid.offset,
        message: `x500UniqueIdentifier is a${/^[AEIOU]/.test(uid.valueType) ? 'n' : ''} ${uid.valueType}${shown}; it must be a BIT STRING of 64 bits with 0 unused bits holding the Entity Identifier (EUI-64)${hint}`,
      });
    }
  },
});
