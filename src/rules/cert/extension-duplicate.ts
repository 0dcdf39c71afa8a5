import { describeOid } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { pathsOf } from '../paths.js';
import { extensionLabel } from './shared.js';

export default defineRule({
  id: 'cert.extension.duplicate',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: SMKI_KINDS,
  citation: 'RFC 5280 4.2',
  description: 'An extension appears more than once.',
  source: 'spec',
  check({ doc, document }, ctx) {
    const paths = pathsOf(document);
    const exts = doc.extensions;
    // A handful of extensions: comparing pairs costs less than building a set.
    for (let i = 1; i < exts.length; i++) {
      const oid = exts[i].oid;
      let first = -1;
      for (let j = 0; j < i; j++) {
        if (exts[j].oid === oid) {
          first = j;
          break;
        }
      }
      if (first < 0) continue;
      let count = 0;
      for (const e of exts) if (e.oid === oid) count++;
      let ordinal = 1;
      for (let j = 0; j < i; j++) if (exts[j].oid === oid) ordinal++;
      ctx.report({
        path: paths.extension(extensionLabel(exts[i])),
        offset: exts[i].offset,
        message: `extension ${describeOid(oid)} appears ${count} times (this is instance ${ordinal}; the first is at offset ${exts[first].offset}); RFC 5280 4.2 allows one instance of each extension`,
      });
    }
  },
});
