import { DerNode, Tag, oidOf } from '../der/index.js';
import type { DecodeContext } from './context.js';
import { kids } from './context.js';
import type { AlgorithmIdentifier } from './types.js';

export function decodeAlgorithm(ctx: DecodeContext, node: DerNode | undefined, path: string, parent?: DerNode): AlgorithmIdentifier | undefined {
  const seq = ctx.expect(node, Tag.Sequence, path, parent);
  if (!seq) return undefined;
  const [oidNode, params] = kids(seq);
  const oid = ctx.expectField(oidNode, Tag.Oid, path, 'algorithm', seq);
  if (!oid) return undefined;
  const result: AlgorithmIdentifier = {
    oid: oidOf(ctx.bytes, oid),
    parameters: params === undefined ? 'absent' : params.is(Tag.Null) ? 'null' : 'other',
    raw: ctx.subarray(seq),
    offset: seq.offset,
  };
  if (params !== undefined && params.is(Tag.Oid)) result.parametersOid = oidOf(ctx.bytes, params);
  if (kids(seq).length > 2) ctx.problem(path, kids(seq)[2].offset, `${path} has ${kids(seq).length} elements; an AlgorithmIdentifier has at most two`);
  return result;
}
