import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { findExtension } from '../../x509/index.js';
import { namedBitsProblem } from '../checks/named-bits.js';
import { pathsOf } from '../paths.js';

export default defineRule({
  id: 'cert.ku.not-der-minimal',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: SMKI_KINDS,
  citation: 'X.690 11.2.2 (a named bit list in DER has its trailing 0 bits removed); RFC 5280 4.2.1.3 (KeyUsage is a named bit list)',
  description: 'The keyUsage BIT STRING keeps trailing zero bits (e.g. 03 02 00 80 for digitalSignature, where DER writes 03 02 07 80).',
  source: 'spec',
  check({ doc, document }, ctx) {
    const ext = findExtension(doc, 'keyUsage');
    // An undecodable value is cert.extension.undecodable's finding.
    if (!ext?.parsed) return;
    // A decoded keyUsage is one primitive BIT STRING: its content follows a one- or multi-octet length.
    const v = ext.value;
    const problem = namedBitsProblem(v.subarray(v[1] < 0x80 ? 2 : 2 + (v[1] & 0x7f)));
    if (!problem) return;
    ctx.report({ path: pathsOf(document).extension('keyUsage'), offset: ext.valueOffset, message: `keyUsage is not DER: ${problem}` });
  },
});
