import { DerNode, Tag } from '../der/index.js';
import { decodeAlgorithm } from './algorithm.js';
import type { DecodeContext } from './context.js';
import { kids } from './context.js';
import type { DocumentModel } from './types.js';

/** Field names of a signed document's outer SEQUENCE, as its standard names them. */
export interface SignedNames {
  outer: string;
  inner: string;
  signature: string;
}

/**
 * The shape certificates and requests share: SEQUENCE { toBeSigned SEQUENCE, signatureAlgorithm
 * AlgorithmIdentifier, signature BIT STRING }. Reads the outer fields into doc and hands the signed
 * SEQUENCE to decodeInner; every missing or mistyped field is a problem.
 */
export function decodeSigned(ctx: DecodeContext, root: DerNode | null, doc: DocumentModel, names: SignedNames, decodeInner: (inner: DerNode) => void): void {
  if (root === null) {
    ctx.problem(names.outer, 0, 'no DER element could be read');
    return;
  }
  const outer = ctx.expect(root, Tag.Sequence, names.outer);
  if (!outer) return;
  const [innerNode, algNode, sigNode] = kids(outer);
  const inner = ctx.expect(innerNode, Tag.Sequence, names.inner, outer);
  if (inner) decodeInner(inner);
  doc.signatureAlgorithm = decodeAlgorithm(ctx, algNode, 'signatureAlgorithm', outer);
  const sig = ctx.expect(sigNode, Tag.BitString, names.signature, outer);
  if (sig && sig.length >= 1) doc.signatureValue = ctx.view(sig.valueOffset + 1, sig.end);
  const count = kids(outer).length;
  if (count > 3) ctx.problem(names.outer, kids(outer)[3].offset, `${names.outer} has ${count} elements; expected 3`);
}
