import { DerNode, Tag, viewOf } from '../../der/index.js';
import type { AuthorityKeyIdentifier } from '../types.js';

/** SubjectKeyIdentifier ::= KeyIdentifier (OCTET STRING). */
export function decodeSubjectKeyIdentifier(bytes: Uint8Array, root: DerNode): Uint8Array | string {
  if (!root.is(Tag.OctetString) || root.children !== null) return 'subjectKeyIdentifier is not an OCTET STRING';
  return viewOf(bytes, root.valueOffset, root.end);
}

/** AuthorityKeyIdentifier ::= SEQUENCE { [0] keyIdentifier, [1] authorityCertIssuer, [2] authorityCertSerialNumber }. */
export function decodeAuthorityKeyIdentifier(bytes: Uint8Array, root: DerNode): AuthorityKeyIdentifier | string {
  if (!root.is(Tag.Sequence) || root.children === null) return 'authorityKeyIdentifier is not a SEQUENCE';
  const result: AuthorityKeyIdentifier = { hasAuthorityCertIssuer: false };
  let last = -1;
  for (const k of root.children) {
    if (k.tagClass !== 2 || k.tagNumber > 2 || k.tagNumber <= last) return `authorityKeyIdentifier holds an unexpected element at offset ${k.offset}`;
    last = k.tagNumber;
    if (k.tagNumber === 0) {
      if (k.constructed) return 'authorityKeyIdentifier keyIdentifier [0] must be primitive';
      result.keyIdentifier = viewOf(bytes, k.valueOffset, k.end);
    } else if (k.tagNumber === 1) {
      result.hasAuthorityCertIssuer = true;
    } else {
      result.authorityCertSerialNumber = viewOf(bytes, k.valueOffset, k.end);
    }
  }
  return result;
}
