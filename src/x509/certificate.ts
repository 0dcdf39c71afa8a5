import { DerNode, Tag, asBytes, decodeInteger, decodeSmallInteger, decodeTime, nodeName, oidName, oidOf, parseDer } from '../der/index.js';
import type { BytesLike } from '../der/index.js';
import { decodeAlgorithm } from './algorithm.js';
import { DecodeContext, kids } from './context.js';
import { decodeExtensionValue } from './extensions/index.js';
import { decodeName } from './name.js';
import { decodeSubjectPublicKeyInfo } from './public-key.js';
import type { Certificate, Extension, TimeField, Validity } from './types.js';

/**
 * Decodes an X.509 certificate from DER. Never throws on bad bytes (only on an argument that is
 * not bytes at all): the model is as complete as the bytes
 * allow, with every DER violation and structural problem recorded with its offset.
 */
export function decodeCertificate(input: BytesLike): Certificate {
  const der = asBytes(input, 'decodeCertificate: der');
  const parsed = parseDer(der);
  const ctx = new DecodeContext(der, parsed.violations);
  const cert: Certificate = {
    der,
    issuerUniqueIdPresent: false,
    subjectUniqueIdPresent: false,
    extensions: [],
    violations: parsed.violations,
    problems: ctx.problems,
  };
  const root = parsed.root;
  if (root === null) {
    ctx.problem('certificate', 0, 'no DER element could be read');
    return cert;
  }
  const certSeq = ctx.expect(root, Tag.Sequence, 'certificate');
  if (!certSeq) return cert;
  const [tbsNode, sigAlgNode, sigNode] = kids(certSeq);
  const tbs = ctx.expect(tbsNode, Tag.Sequence, 'tbsCertificate', certSeq);
  if (tbs) decodeTbs(ctx, tbs, cert);
  cert.signatureAlgorithm = decodeAlgorithm(ctx, sigAlgNode, 'signatureAlgorithm', certSeq);
  const sig = ctx.expect(sigNode, Tag.BitString, 'signatureValue', certSeq);
  if (sig && sig.length >= 1) cert.signatureValue = der.subarray(sig.valueOffset + 1, sig.end);
  if (kids(certSeq).length > 3) ctx.problem('certificate', kids(certSeq)[3].offset, `certificate has ${kids(certSeq).length} elements; expected 3`);
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

  const serial = ctx.expect(k[i], Tag.Integer, `${p}.serialNumber`, tbs);
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
    decodeExtensions(ctx, k[i], cert);
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

function decodeExtensions(ctx: DecodeContext, wrapper: DerNode, cert: Certificate): void {
  const path = 'tbsCertificate.extensions';
  const seq = ctx.expect(wrapper.children?.[0], Tag.Sequence, path, wrapper);
  if (!seq) return;
  if (kids(seq).length === 0) ctx.problem(path, seq.offset, 'extensions is an empty SEQUENCE; when present it must hold at least one extension');
  for (const e of kids(seq)) {
    const ext = decodeExtension(ctx, e, path);
    if (ext) cert.extensions.push(ext);
  }
}

function decodeExtension(ctx: DecodeContext, node: DerNode, path: string): Extension | undefined {
  const seq = ctx.expect(node, Tag.Sequence, path);
  if (!seq) return undefined;
  const k = kids(seq);
  const oidNode = ctx.expect(k[0], Tag.Oid, `${path}.extnID`, seq);
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
  const value = ctx.expect(k[i], Tag.OctetString, `${path}.extnValue`, seq);
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
