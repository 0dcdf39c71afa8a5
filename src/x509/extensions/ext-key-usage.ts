import { DerNode, Tag, oidOf } from '../../der/index.js';

/** ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF KeyPurposeId. */
export function decodeExtKeyUsage(bytes: Uint8Array, root: DerNode): string[] | string {
  if (!root.is(Tag.Sequence) || root.children === null) return 'extKeyUsage is not a SEQUENCE';
  const out: string[] = [];
  for (const k of root.children) {
    if (!k.is(Tag.Oid)) return `extKeyUsage holds a non-OID element at offset ${k.offset}`;
    out.push(oidOf(bytes, k));
  }
  return out;
}
