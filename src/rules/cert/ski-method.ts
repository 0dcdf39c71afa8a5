import { bytesEqual } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { findExtension } from '../../x509/index.js';
import { extensionPath } from '../paths.js';
import { hexUpper, keyIdMethod2 } from './shared.js';

export default defineRule({
  id: 'cert.ski.method',
  severity: 'error',
  appliesTo: SMKI_KINDS,
  citation: 'GBCS section 12; RFC 5280 4.2.1.2 method 2',
  description: 'The 8-octet subjectKeyIdentifier is not 0100 followed by the least significant 60 bits of the SHA-1 of the subjectPublicKey bits.',
  source: 'spec',
  check({ cert }, ctx) {
    const ext = findExtension(cert, 'subjectKeyIdentifier');
    const ski = ext?.parsed as Uint8Array | undefined;
    const spki = cert.subjectPublicKeyInfo;
    // Another length is cert.ski.length's finding, which shows the expected value itself.
    if (!ext || !ski || ski.length !== 8 || !spki) return;
    const sha1 = ctx.crypto.sha1(spki.publicKey);
    // Compare in place: 0100 then the low 60 bits of the hash, without building the expected value.
    const tail = sha1.length - 8;
    let same = ski[0] === (0x40 | (sha1[tail] & 0x0f));
    for (let i = 1; same && i < 8; i++) same = ski[i] === sha1[tail + i];
    if (same) return;
    const expected = keyIdMethod2(sha1);
    ctx.report({
      path: extensionPath('subjectKeyIdentifier'),
      offset: ext.valueOffset,
      message: `subjectKeyIdentifier ${hexUpper(ski)} is not the RFC 5280 4.2.1.2 method-2 value of the subject key${diagnose(ski, sha1, spki.raw, ctx.crypto.sha1)}; expected ${hexUpper(expected)}`,
    });
  },
});

/** Names the usual ways of getting method 2 wrong, when the identifier matches one of them. */
function diagnose(ski: Uint8Array, sha1: Uint8Array, spki: Uint8Array, hash: (data: Uint8Array) => Uint8Array): string {
  if (bytesEqual(ski, sha1.subarray(sha1.length - 8))) return ' (it is the low 64 bits of the SHA-1 without the 0100 type field)';
  if (bytesEqual(ski, sha1.subarray(0, 8))) return ' (it is the first 64 bits of the SHA-1 of the key)';
  if (bytesEqual(ski, keyIdMethod2(hash(spki)))) return ' (it is computed over the whole SubjectPublicKeyInfo, not the subjectPublicKey bits)';
  return '';
}
