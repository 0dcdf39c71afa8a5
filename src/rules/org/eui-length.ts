import { OID } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { attributesOf } from '../../x509/index.js';
import { pathsOf } from '../paths.js';

const EXPECTED = 'the Entity Identifier is an EUI-64: 64 bits with 0 unused bits';

export default defineRule({
  id: 'org.eui.length',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: ['organisation'],
  citation: 'SEC Appendix M, Appendix F (Entity Identifier, EUI-64)',
  description: 'The subject x500UniqueIdentifier BIT STRING does not hold exactly 64 bits with 0 unused bits.',
  source: 'spec',
  check({ doc, document }, ctx) {
    const paths = pathsOf(document);
    for (const uid of attributesOf(doc.subject, OID.x500UniqueIdentifier)) {
      // Other value types are org.eui.not-bit-string's finding.
      if (uid.valueType !== 'BIT STRING') continue;
      const message = lengthProblem(uid.valueBytes);
      if (message) ctx.report({ path: paths.subjectUid, offset: uid.offset, message });
    }
  },
});

function lengthProblem(content: Uint8Array): string | undefined {
  if (content.length === 0) return `x500UniqueIdentifier is an empty BIT STRING (not even its unused-bits octet); ${EXPECTED}`;
  const unused = content[0];
  const octets = content.length - 1;
  if (unused === 0 && octets === 8) return undefined;
  const bits = octets * 8 - unused;
  if (unused === 0) return `x500UniqueIdentifier holds ${bits} bits; ${EXPECTED}`;
  return `x500UniqueIdentifier holds ${Math.max(bits, 0)} bits (${octets} octets with ${unused} unused bits); ${EXPECTED}`;
}
