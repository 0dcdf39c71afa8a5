import { DerNode, Tag, decodeSmallInteger } from '../../der/index.js';
import type { DerViolation } from '../../der/index.js';
import type { BasicConstraints } from '../types.js';

/** BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL }. */
export function decodeBasicConstraints(bytes: Uint8Array, root: DerNode, violations: DerViolation[]): BasicConstraints | string {
  if (!root.is(Tag.Sequence) || root.children === null) return 'basicConstraints is not a SEQUENCE';
  const result: BasicConstraints = { cA: false };
  let i = 0;
  const kids = root.children;
  if (kids[i]?.is(Tag.Boolean)) {
    result.cA = bytes[kids[i].valueOffset] !== 0;
    if (!result.cA) violations.push({ kind: 'default-encoded', offset: kids[i].offset, message: 'basicConstraints encodes cA FALSE, its DEFAULT value; DER requires it to be omitted' });
    i++;
  }
  if (kids[i]?.is(Tag.Integer)) {
    result.pathLenConstraint = decodeSmallInteger(bytes, kids[i].valueOffset, kids[i].end);
    i++;
  }
  if (i < kids.length) return `basicConstraints holds an unexpected element at offset ${kids[i].offset}`;
  return result;
}
