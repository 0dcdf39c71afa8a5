// Which bytes a finding is about: the DER element that starts at its offset.
import { parseDer, Tag } from '../../src/der/index.js';
import type { DerNode } from '../../src/der/index.js';

/** A byte range [start, end) of a document's DER. */
export interface Span {
  start: number;
  end: number;
}

/**
 * The element (tag, length and content) that starts at offset; when none starts there (a
 * violation inside an element), the innermost element holding the offset. Extension values and
 * keys wrapped in OCTET and BIT STRINGs are looked into, so a finding about a keyUsage or a
 * subjectKeyIdentifier gets that value, not the whole extension.
 */
export function derSpan(der: Uint8Array, offset: number): Span {
  let node: DerNode | null | undefined = parseDer(der).root;
  let holder: DerNode | undefined;
  while (node && offset >= node.offset && offset < node.end) {
    if (node.offset === offset) return { start: node.offset, end: node.end };
    holder = node;
    node = (node.children ?? encapsulated(der, node))?.find((c) => offset >= c.offset && offset < c.end);
  }
  if (holder) return { start: holder.offset, end: holder.end };
  return { start: offset, end: Math.min(offset + 1, der.length) };
}

/** The DER element an OCTET STRING or BIT STRING wraps exactly, if it wraps one. */
function encapsulated(der: Uint8Array, node: DerNode): DerNode[] | undefined {
  if (node.tagClass !== 0 || node.constructed) return undefined;
  const start = node.is(Tag.OctetString) ? node.valueOffset : node.is(Tag.BitString) ? node.valueOffset + 1 : node.end;
  if (start >= node.end) return undefined;
  const inner = parseDer(der, start, node.end);
  return inner.root && inner.root.end === node.end && !inner.incomplete ? [inner.root] : undefined;
}
