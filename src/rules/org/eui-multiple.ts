import { OID } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { formatEui64 } from '../../smki/index.js';
import { attributesOf } from '../../x509/index.js';
import type { AttributeTypeAndValue } from '../../x509/index.js';
import { pathsOf } from '../paths.js';

export default defineRule({
  id: 'org.eui.multiple',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: ['organisation'],
  citation: 'SEC Appendix M, Appendix F (id-at-uniqueIdentifier: the Entity Identifier)',
  description: 'The subject has more than one x500UniqueIdentifier; exactly one holds the Entity Identifier.',
  source: 'spec',
  check({ doc, document }, ctx) {
    const paths = pathsOf(document);
    const uids = attributesOf(doc.subject, OID.x500UniqueIdentifier);
    if (uids.length < 2) return;
    ctx.report({
      path: paths.subjectUid,
      offset: uids[1].offset,
      message:
        `Subject has ${uids.length} x500UniqueIdentifiers (${uids.map(shown).join(', ')}); it must have exactly one, ` +
        `the subscriber's Entity Identifier. Only the first is read as the EUI-64`,
    });
  },
});

function shown(a: AttributeTypeAndValue): string {
  if (a.valueType === 'BIT STRING' && a.valueBytes.length > 1) return formatEui64(a.valueBytes.subarray(1));
  return a.stringType ? `'${a.value}'` : a.valueType;
}
