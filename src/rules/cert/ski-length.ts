import { bytesEqual } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { findExtension } from '../../x509/index.js';
import { extensionPath } from '../paths.js';
import { hexUpper, keyIdMethod2, keySha1 } from './shared.js';

const KEY_ID_OCTETS = 8;

export default defineRule({
  id: 'cert.ski.length',
  severity: 'error',
  appliesTo: SMKI_KINDS,
  citation: 'GBCS section 12; RFC 5280 4.2.1.2',
  description: 'The subjectKeyIdentifier is not 8 octets (RFC 5280 4.2.1.2 method 2).',
  source: 'spec',
  check({ cert }, ctx) {
    const ext = findExtension(cert, 'subjectKeyIdentifier');
    const ski = ext?.parsed as Uint8Array | undefined;
    if (!ext || !ski || ski.length === KEY_ID_OCTETS) return;
    const sha1 = keySha1(cert, ctx.crypto);
    let found = `${ski.length} octets`;
    if (ski.length === 20 && sha1) {
      found += bytesEqual(ski, sha1) ? ' (the full SHA-1 of the key, RFC 5280 method 1)' : ' (not the SHA-1 of the key either)';
    }
    const expected = sha1 ? `: ${hexUpper(keyIdMethod2(sha1))}` : '';
    ctx.report({
      path: extensionPath('subjectKeyIdentifier'),
      offset: ext.valueOffset,
      message: `subjectKeyIdentifier is ${found}; SMKI requires 8 octets by method 2${expected}`,
    });
  },
});
