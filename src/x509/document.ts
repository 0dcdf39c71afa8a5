import { DerNode, Tag, parseDer } from '../der/index.js';
import { decodeCertificateTree } from './certificate.js';
import { decodeRequestTree } from './request.js';
import type { Certificate, CertificationRequest, DerDocumentKind } from './types.js';

/** A decoded document: which kind it is, with its model. */
export type DecodedDocument = { kind: 'certificate'; model: Certificate } | { kind: 'csr'; model: CertificationRequest };

/**
 * What the structure says the bytes are. Both are SEQUENCE { SEQUENCE { ... }, AlgorithmIdentifier,
 * BIT STRING }; inside, a certificate's TBS starts with [0] version (or, for v1, a serial INTEGER then
 * an AlgorithmIdentifier), a request's info with a version INTEGER then a Name (a SEQUENCE of SETs)
 * and a SubjectPublicKeyInfo. Undefined when neither shape is there.
 */
export function documentKindOf(root: DerNode | null): DerDocumentKind | undefined {
  const inner = root?.is(Tag.Sequence) ? root.children?.[0] : undefined;
  const k = inner?.is(Tag.Sequence) ? inner.children : undefined;
  if (!k || k.length === 0) return undefined;
  if (k[0].isContext(0) && k[0].constructed) return 'certificate';
  if (!k[0].is(Tag.Integer) || !k[1]?.is(Tag.Sequence) || !k[1].children) return undefined;
  const second = k[1].children;
  if (second[0]?.is(Tag.Oid)) return 'certificate';
  if (second.every((c) => c.is(Tag.Set)) && k[2]?.is(Tag.Sequence) && k[2].children?.[0]?.is(Tag.Sequence)) return 'csr';
  return undefined;
}

/**
 * Decodes bytes as the document they are. `declared` is what the armour said (a PEM label); the
 * structure wins when it clearly says otherwise, and the declared kind (else a certificate) is
 * used when the structure says nothing. Never throws.
 */
export function decodeDocument(der: Uint8Array, declared?: DerDocumentKind): DecodedDocument {
  const parsed = parseDer(der);
  const kind = documentKindOf(parsed.root) ?? declared ?? 'certificate';
  return kind === 'csr' ? { kind, model: decodeRequestTree(der, parsed) } : { kind, model: decodeCertificateTree(der, parsed) };
}
