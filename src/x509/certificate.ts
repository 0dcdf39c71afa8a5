import { DerNode, Tag, asBytes, decodeInteger, decodeSmallInteger, decodeTime, nodeName, oidName, oidOf, parseDer } from '../der/index.js';
import type { BytesLike, DerParseResult } from '../der/index.js';
import { decodeAlgorithm } from './algorithm.js';
import { DecodeContext, kids } from './context.js';
import { decodeExtensionValue } from './extensions/index.js';
import { decodeName } from './name.js';
import { decodeSigned } from './signed.js';
import { decodeSubjectPublicKeyInfo } from './public-key.js';
import type { Certificate, Extension, TimeField, Validity } from './types.js';

const CERTIFICATE_NAMES = { outer: 'certificate', inner: 'tbsCertificate', signature: 'signatureValue' };

/**
 * Decodes an X.509 certificate from DER. Never throws on bad bytes (only on an argument that is
 * not bytes at all): the model is as complete as the bytes
 * allow, with every DER violation and structural problem recorded with its offset.
 */
export function decodeCertificate(input: BytesLike): Certificate {
  const der = asBytes(input, 'decodeCertificate: der');
  return decodeCertificateTree(der, parseDer(der));
}

/** The certificate model from an already parsed DER tree of `der`. */
export function decodeCertificateTree(der: Uint8Array, parsed: DerParseResult): Certificate {
  const ctx = new DecodeContext(der, parsed.violations);
  const cert: Certificate = {
    der,
    issuerUniqueIdPresent: false,
    subjectUniqueIdPresent: false,
    extensions: [],
    violations: parsed.violations,
    problems: ctx.problems,
  };
  decodeSigned(ctx, parsed.root, cert, CERTIFICATE_NAMES, (tbs) => decodeTbs(ctx, tbs, cert));
  return cert;
}

function decodeTbs(ctx: DecodeContext, tbs: DerNode, cert: Certificate): void {
  const bytes = ctx.bytes;
  const k = kids(tbs);
  cert.tbs = ctx.subarray(tbs);
  let i = 0;
  const p = 'tbsCertificate';

  if (k[i]?.isContext(0)) {
    const v = k[i].children?.[0];
    if (v?.is(Tag.Integer)) {
      const n = decodeSmallInteger(bytes, v.valueOffset, v.end);
      cert.version = Number.isNaN(n) ? undefined : n + 1;
      if (n === 0) ctx.violations.push({ kind: 'default-encoded', offset: k[i].offset, message: 'version v1 is encoded explicitly; it is the DEFAULT and DER requires it to be omitted' });
    } else {
      ctx.problem(`${p}.version`, k[i].offset, 'version [0] does not hold an INTEGER');
    }
    i++;
  } else {
    cert.version = 1;
  }

  const serial = ctx.expectField(k[i], Tag.Integer, p, 'serialNumber', tbs);
  if (serial) cert.serialNumber = { bytes: ctx.content(serial), value: decodeInteger(bytes, serial.valueOffset, serial.end), offset: serial.offset };
  i++;
  cert.signature = decodeAlgorithm(ctx, k[i++], `${p}.signature`, tbs);
  cert.issuer = decodeName(ctx, k[i++], `${p}.issuer`, tbs);
  cert.validity = decodeValidity(ctx, k[i++], tbs);
  cert.subject = decodeName(ctx, k[i++], `${p}.subject`, tbs);
  cert.subjectPublicKeyInfo = decodeSubjectPublicKeyInfo(ctx, k[i++], `${p}.subjectPublicKeyInfo`, tbs);

  if (k[i]?.isContext(1)) {
    cert.issuerUniqueIdPresent = true;
    cert.issuerUniqueIdOffset = k[i].offset;
    i++;
  }
  if (k[i]?.isContext(2)) {
    cert.subjectUniqueIdPresent = true;
    cert.subjectUniqueIdOffset = k[i].offset;
    i++;
  }
  if (k[i]?.isContext(3)) {
    decodeExtensions(ctx, k[i].children?.[0], k[i], 'tbsCertificate.extensions', cert.extensions);
    i++;
  }
  if (i < k.length) ctx.problem(p, k[i].offset, `tbsCertificate holds an unexpected ${nodeName(k[i])} at offset ${k[i].offset}`);
}

function decodeValidity(ctx: DecodeContext, node: DerNode | undefined, parent: DerNode): Validity | undefined {
  const path = 'tbsCertificate.validity';
  const seq = ctx.expect(node, Tag.Sequence, path, parent);
  if (!seq) return undefined;
  const [nb, na] = kids(seq);
  return { notBefore: decodeTimeField(ctx, nb, `${path}.notBefore`, seq), notAfter: decodeTimeField(ctx, na, `${path}.notAfter`, seq), offset: seq.offset };
}

function decodeTimeField(ctx: DecodeContext, node: DerNode | undefined, path: string, parent: DerNode): TimeField | undefined {
  if (node === undefined || !(node.is(Tag.UtcTime) || node.is(Tag.GeneralizedTime)) || node.children !== null) {
    ctx.problem(path, node?.offset ?? parent.end, `${path} is ${node ? nodeName(node) : 'missing'}; expected UTCTime or GeneralizedTime`);
    return undefined;
  }
  const t = decodeTime(ctx.bytes, node) as TimeField;
  t.offset = node.offset;
  if (t.ms === null) ctx.problem(path, node.offset, `${path} '${t.text}' is not a readable time`);
  return t;
}

/** Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension, as a certificate holds them or a request asks for them. */
export function decodeExtensions(ctx: DecodeContext, node: DerNode | undefined, parent: DerNode, path: string, into: Extension[]): void {
  const seq = ctx.expect(node, Tag.Sequence, path, parent);
  if (!seq) return;
  if (kids(seq).length === 0) ctx.problem(path, seq.offset, 'extensions is an empty SEQUENCE; when present it must hold at least one extension');
  for (const e of kids(seq)) {
    const ext = decodeExtension(ctx, e, path);
    if (ext) into.push(ext);
  }
}

function decodeExtension(ctx: DecodeContext, node: DerNode, path: string): Extension | undefined {
  const seq = ctx.expect(node, Tag.Sequence, path);
  if (!seq) return undefined;
  const k = kids(seq);
  const oidNode = ctx.expectField(k[0], Tag.Oid, path, 'extnID', seq);
  if (!oidNode) return undefined;
  let i = 1;
  let critical = false;
  let criticalEncoded = false;
  if (k[i]?.is(Tag.Boolean)) {
    criticalEncoded = true;
    critical = ctx.bytes[k[i].valueOffset] !== 0;
    if (!critical) ctx.violations.push({ kind: 'default-encoded', offset: k[i].offset, message: 'extension critical FALSE is encoded explicitly; it is the DEFAULT and DER requires it to be omitted' });
    i++;
  }
  const value = ctx.expectField(k[i], Tag.OctetString, path, 'extnValue', seq);
  if (!value || value.children !== null) return undefined;
  const oid = oidOf(ctx.bytes, oidNode);
  const ext: Extension = {
    oid,
    name: oidName(oid),
    critical,
    criticalEncoded,
    value: ctx.content(value),
    offset: seq.offset,
    valueOffset: value.valueOffset,
  };
  decodeExtensionValue(ctx.bytes, ext, ctx.violations);
  return ext;
}
