import { DerNode, Tag } from '../der/index.js';
import { decodeAlgorithm } from './algorithm.js';
import type { DecodeContext } from './context.js';
import { kids } from './context.js';
import type { PointFormat, SubjectPublicKeyInfo } from './types.js';

export function decodeSubjectPublicKeyInfo(ctx: DecodeContext, node: DerNode | undefined, path: string, parent: DerNode): SubjectPublicKeyInfo | undefined {
  const seq = ctx.expect(node, Tag.Sequence, path, parent);
  if (!seq) return undefined;
  const [algNode, keyNode] = kids(seq);
  const algorithm = decodeAlgorithm(ctx, algNode, `${path}.algorithm`, seq);
  const key = ctx.expectField(keyNode, Tag.BitString, path, 'subjectPublicKey', seq);
  if (!algorithm || !key || key.length < 1) return undefined;
  const publicKey = ctx.view(key.valueOffset + 1, key.end);
  return {
    algorithm,
    publicKey,
    unusedBits: ctx.bytes[key.valueOffset],
    pointFormat: pointFormatOf(publicKey),
    raw: ctx.subarray(seq),
    offset: seq.offset,
    keyOffset: key.offset,
  };
}

/** SEC 1 2.3.3: the first octet of an encoded EC point says its form. */
function pointFormatOf(point: Uint8Array): PointFormat {
  if (point.length === 0) return 'unknown';
  switch (point[0]) {
    case 0x00:
      return point.length === 1 ? 'infinity' : 'unknown';
    case 0x02:
    case 0x03:
      return 'compressed';
    case 0x04:
      return 'uncompressed';
    case 0x06:
    case 0x07:
      return 'hybrid';
    default:
      return 'unknown';
  }
}
