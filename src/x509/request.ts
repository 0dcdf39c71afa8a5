import { DerNode, OID, Tag, decodeSmallInteger, nodeName, oidName, oidOf, parseDer } from '../der/index.js';
import type { DerParseResult } from '../der/index.js';
import { decodeExtensions } from './certificate.js';
import { DecodeContext, kids } from './context.js';
import { decodeName } from './name.js';
import { decodeSigned } from './signed.js';
import { decodeSubjectPublicKeyInfo } from './public-key.js';
import type { CertificationRequest } from './types.js';

const INFO = 'certificationRequestInfo';
const REQUEST_NAMES = { outer: 'certificationRequest', inner: INFO, signature: 'signature' };

/**
 * Decodes a PKCS#10 certification request (RFC 2986) from DER. Never throws: like a certificate,
 * the model is as complete as the bytes allow, with every violation and problem recorded.
 */
export function decodeRequest(der: Uint8Array): CertificationRequest {
  return decodeRequestTree(der, parseDer(der));
}

/** The request model from an already parsed DER tree of `der`. */
export function decodeRequestTree(der: Uint8Array, parsed: DerParseResult): CertificationRequest {
  const ctx = new DecodeContext(der, parsed.violations);
  const csr: CertificationRequest = { der, attributes: [], extensions: [], violations: parsed.violations, problems: ctx.problems };
  decodeSigned(ctx, parsed.root, csr, REQUEST_NAMES, (info) => decodeInfo(ctx, info, csr));
  return csr;
}

function decodeInfo(ctx: DecodeContext, info: DerNode, csr: CertificationRequest): void {
  csr.info = ctx.subarray(info);
  const [versionNode, subjectNode, spkiNode, attributesNode, ...rest] = kids(info);
  const version = ctx.expectField(versionNode, Tag.Integer, INFO, 'version', info);
  if (version) {
    const n = decodeSmallInteger(ctx.bytes, version.valueOffset, version.end);
    if (!Number.isNaN(n)) csr.version = n;
    csr.versionOffset = version.offset;
  }
  csr.subject = decodeName(ctx, subjectNode, `${INFO}.subject`, info);
  csr.subjectPublicKeyInfo = decodeSubjectPublicKeyInfo(ctx, spkiNode, `${INFO}.subjectPKInfo`, info);
  // attributes [0] IMPLICIT SET OF Attribute is not OPTIONAL: an empty set is written as A0 00.
  if (attributesNode === undefined || !attributesNode.isContext(0) || attributesNode.children === null) {
    const found = attributesNode ? `${nodeName(attributesNode)}${attributesNode.isContext(0) ? ' (primitive)' : ''}` : 'missing';
    ctx.problem(`${INFO}.attributes`, attributesNode?.offset ?? info.end, `${INFO}.attributes is ${found}; expected [0] SET OF Attribute (empty when nothing is requested)`);
  } else {
    csr.attributesOffset = attributesNode.offset;
    for (const a of attributesNode.children) decodeAttribute(ctx, a, csr);
  }
  if (rest.length > 0) ctx.problem(INFO, rest[0].offset, `${INFO} holds an unexpected ${nodeName(rest[0])} at offset ${rest[0].offset}`);
}

function decodeAttribute(ctx: DecodeContext, node: DerNode, csr: CertificationRequest): void {
  const path = `${INFO}.attributes`;
  const seq = ctx.expect(node, Tag.Sequence, path);
  if (!seq) return;
  const [typeNode, valuesNode] = kids(seq);
  const type = ctx.expectField(typeNode, Tag.Oid, path, 'type', seq);
  const values = ctx.expectField(valuesNode, Tag.Set, path, 'values', seq);
  if (!type || !values) return;
  const oid = oidOf(ctx.bytes, type);
  const name = oidName(oid);
  csr.attributes.push({ oid, name, valueCount: kids(values).length, offset: seq.offset });
  // Only the first extensionRequest is read; a second one is reported by the attribute rules.
  if (oid === OID.extensionRequest && csr.attributes.filter((a) => a.oid === oid).length === 1) {
    decodeExtensions(ctx, kids(values)[0], values, `${path}.extensionRequest`, csr.extensions);
  }
}
