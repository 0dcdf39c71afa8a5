import { DerNode, Tag, decodeString, nodeName, oidName, oidOf, stringTypeOf, toHex } from '../der/index.js';
import type { DecodeContext } from './context.js';
import { kids } from './context.js';
import type { AttributeTypeAndValue, Name, RelativeDistinguishedName } from './types.js';

export function decodeName(ctx: DecodeContext, node: DerNode | undefined, path: string, parent?: DerNode): Name | undefined {
  const seq = ctx.expect(node, Tag.Sequence, path, parent);
  if (!seq) return undefined;
  const sets = kids(seq);
  // Lists made at their size, not grown from []: a first push makes room for seventeen, and a
  // name's lists mostly hold one to five.
  const rdns: RelativeDistinguishedName[] = sets.length <= PRESIZED ? new Array(sets.length) : [];
  let count = 0;
  for (let i = 0; i < sets.length; i++) {
    // An RDN's path ("...rdn[2]") is only made for a problem: most RDNs have none.
    const node = sets[i];
    const set = node.is(Tag.Set) && node.children !== null ? node : ctx.expect(node, Tag.Set, `${path}.rdn[${i}]`, seq);
    if (!set) continue;
    const attributes = decodeAttributes(ctx, kids(set), path, i);
    if (attributes.length === 0) ctx.problem(`${path}.rdn[${i}]`, set.offset, `${path}.rdn[${i}] is an empty SET; an RDN holds at least one attribute`);
    rdns[count++] = { attributes, offset: set.offset };
  }
  // Only when an RDN was left out: setting length calls into the runtime even when it changes nothing.
  if (count < rdns.length) rdns.length = count;
  return { rdns, raw: ctx.subarray(seq), offset: seq.offset };
}

/** Longer lists (a hostile name's) are grown instead: a very long new Array is a slow kind of array. */
const PRESIZED = 64;

/** The attributes of one RDN, in a list of their count (almost always one). */
function decodeAttributes(ctx: DecodeContext, atvs: DerNode[], namePath: string, rdn: number): AttributeTypeAndValue[] {
  if (atvs.length === 1) {
    const a = decodeAttribute(ctx, atvs[0], namePath, rdn);
    return a ? [a] : [];
  }
  const attributes: AttributeTypeAndValue[] = [];
  for (const atv of atvs) {
    const a = decodeAttribute(ctx, atv, namePath, rdn);
    if (a) attributes.push(a);
  }
  return attributes;
}

/** One AttributeTypeAndValue of RDN number `rdn` of the name at `namePath`. */
function decodeAttribute(ctx: DecodeContext, node: DerNode, namePath: string, rdn: number): AttributeTypeAndValue | undefined {
  const [typeNode, valueNode] = kids(node);
  if (!node.is(Tag.Sequence) || node.children === null || typeNode === undefined || !typeNode.is(Tag.Oid) || valueNode === undefined) return attributeProblem(ctx, node, `${namePath}.rdn[${rdn}]`);
  const oid = oidOf(ctx.bytes, typeNode);
  const stringType = stringTypeOf(valueNode);
  const valueBytes = ctx.content(valueNode);
  return {
    oid,
    name: oidName(oid),
    valueType: nodeName(valueNode),
    stringType,
    value: stringType ? decodeString(ctx.bytes, valueNode) : toHex(valueBytes),
    valueBytes,
    valueRaw: ctx.subarray(valueNode),
    offset: valueNode.offset,
  };
}

/** Reports what is wrong with an attribute that is not SEQUENCE { OID, value }. */
function attributeProblem(ctx: DecodeContext, node: DerNode, path: string): undefined {
  const seq = ctx.expect(node, Tag.Sequence, path);
  if (!seq) return undefined;
  const [typeNode, valueNode] = kids(seq);
  if (!ctx.expect(typeNode, Tag.Oid, `${path}.type`, seq)) return undefined;
  if (valueNode === undefined) ctx.problem(path, seq.offset, `${path} has an attribute type but no value`);
  return undefined;
}

/** Every attribute of a name with the given OID, in order. */
export function attributesOf(name: Name | undefined, oid: string): readonly AttributeTypeAndValue[] {
  // Rules ask a dozen times per certificate, mostly for an attribute that is there once or not
  // at all: no list is made for none.
  let out: AttributeTypeAndValue[] | undefined;
  if (name) {
    for (const rdn of name.rdns) {
      for (const a of rdn.attributes) {
        if (a.oid !== oid) continue;
        // An exact-size list: a first push onto [] would make room for seventeen.
        if (out === undefined) out = [a];
        else out.push(a);
      }
    }
  }
  return out ?? NONE;
}

const NONE: readonly AttributeTypeAndValue[] = Object.freeze([]);

/** attributesOf(name, oid)[0], without making the list: what most callers want. */
export function firstAttribute(name: Name | undefined, oid: string): AttributeTypeAndValue | undefined {
  if (name) for (const rdn of name.rdns) for (const a of rdn.attributes) if (a.oid === oid) return a;
  return undefined;
}

/** "OU=07, CN=Z1" in encoding order; non-string values as #hex. */
export function formatName(name: Name | undefined): string {
  if (!name) return '(unreadable)';
  if (name.rdns.length === 0) return '(empty)';
  return name.rdns
    .map((rdn) => rdn.attributes.map((a) => `${a.name ?? a.oid}=${a.stringType ? a.value : '#' + toHex(a.valueRaw)}`).join(' + '))
    .join(', ');
}
