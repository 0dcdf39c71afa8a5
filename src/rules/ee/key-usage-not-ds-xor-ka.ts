import { defineRule } from '../../lint/index.js';
import { documentTitle } from '../../smki/index.js';
import { findExtension } from '../../x509/index.js';
import type { KeyUsage } from '../../x509/index.js';
import { pathsOf } from '../paths.js';
import { withArticle } from '../support.js';

export default defineRule({
  id: 'ee.key-usage.not-ds-xor-ka',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: ['organisation', 'device'],
  citation: 'GBCS section 12 (keyUsage: exactly one of digitalSignature or keyAgreement); SEC Appendix M, Appendix F',
  description: 'keyUsage does not hold exactly one of digitalSignature or keyAgreement and no other bit.',
  source: 'spec',
  check({ doc, view, document }, ctx) {
    const paths = pathsOf(document);
    const ext = findExtension(doc, 'keyUsage');
    // A missing or undecodable keyUsage is reported by cert.ku.* and the decoder.
    const ku = ext?.parsed as KeyUsage | undefined;
    if (!ext || !ku || ext.error) return;
    // The common case, one of the two alone, without building the lists the message needs.
    if (ku.names.length === 1 && (ku.names[0] === 'digitalSignature' || ku.names[0] === 'keyAgreement')) return;
    const main = ku.names.filter((n) => n === 'digitalSignature' || n === 'keyAgreement');
    const other = ku.names.filter((n) => n !== 'digitalSignature' && n !== 'keyAgreement');
    if (main.length === 1 && other.length === 0) return;
    const what = documentTitle(document, view.kind);
    let found: string;
    if (ku.names.length === 0) found = 'keyUsage has no bit set';
    else if (main.length === 2) found = `keyUsage has both digitalSignature and keyAgreement${other.length ? ` (and ${other.join(', ')})` : ''}`;
    else if (main.length === 0) found = `keyUsage has ${other.join(', ')}${other.length === 1 ? ' only' : ''}: neither digitalSignature nor keyAgreement`;
    else found = `keyUsage has ${main[0]} plus ${other.join(', ')}`;
    const split = main.length === 2 ? '; signing and key agreement need separate keys, each in its own certificate' : '';
    ctx.report({
      path: paths.extension('keyUsage'),
      offset: ext.offset,
      message: `${found}; ${withArticle(what)} has exactly one of digitalSignature or keyAgreement and no other bit${split}`,
    });
  },
});
