import { describeOid } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import type { Extension } from '../../x509/index.js';
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
    const exts = doc.extensions;
    if (exts.length < 2 || (exts.length <= FEW && allDistinct(exts))) return;
    // One pass to count, one to report: linear however many copies a hostile document holds.
    const seen = new Map<string, { first: Extension; count: number; reported: number }>();
    for (const ext of exts) {
      const entry = seen.get(ext.oid);
      if (entry) entry.count++;
      else seen.set(ext.oid, { first: ext, count: 1, reported: 1 });
    }
    if (seen.size === exts.length) return;
    const paths = pathsOf(document);
    for (const ext of exts) {
      const entry = seen.get(ext.oid)!;
      if (entry.first === ext) continue;
      const ordinal = ++entry.reported;
      ctx.report({
        path: paths.extension(extensionLabel(ext)),
        offset: ext.offset,
        message: `extension ${describeOid(ext.oid)} appears ${entry.count} times (this is instance ${ordinal}; the first is at offset ${entry.first.offset}); RFC 5280 4.2 allows one instance of each extension`,
      });
    }
  },
});

/** Up to this many extensions, comparing every pair costs less than building a map of them. */
const FEW = 16;

function allDistinct(exts: readonly Extension[]): boolean {
  for (let i = 1; i < exts.length; i++) for (let j = 0; j < i; j++) if (exts[i].oid === exts[j].oid) return false;
  return true;
}
