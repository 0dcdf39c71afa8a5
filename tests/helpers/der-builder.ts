/**
 * A tiny DER writer for building test inputs byte by byte. It writes exactly what it is told
 * (no validation), so tests can also build deliberately broken encodings with `tlv` + `raw`.
 */

export type Part = Uint8Array | readonly number[] | number;

/** Concatenates byte arrays, number arrays and single octets. */
export function cat(...parts: Part[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += typeof p === 'number' ? 1 : p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    if (typeof p === 'number') out[o++] = p;
    else {
      out.set(p, o);
      o += p.length;
    }
  }
  return out;
}

/** Bytes from hex text; spaces, newlines and colons are ignored ("30 03 02 01 05"). */
export function hex(text: string): Uint8Array {
  const clean = text.replace(/[\s:]/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) throw new Error(`bad hex: ${text}`);
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function toHexString(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** DER length octets: short form below 128, otherwise the minimal long form. */
export function encodeLength(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  const octets: number[] = [];
  while (n > 0) {
    octets.unshift(n & 0xff);
    n = Math.floor(n / 256);
  }
  return Uint8Array.of(0x80 | octets.length, ...octets);
}

/** Identifier octet(s) + DER length + content. `tag` is the full identifier (e.g. 0x30) or several octets. */
export function tlv(tag: number | readonly number[], ...content: Part[]): Uint8Array {
  const body = cat(...content);
  return cat(typeof tag === 'number' ? [tag] : tag, encodeLength(body.length), body);
}

/** Identifier + the given length octets verbatim + content (for non-minimal / invalid lengths). */
export function tlvRawLength(tag: number, lengthOctets: readonly number[], ...content: Part[]): Uint8Array {
  return cat([tag], lengthOctets, ...content);
}

/** Indefinite-length constructed element: tag 0x80 content 00 00. */
export function indefinite(tag: number, ...content: Part[]): Uint8Array {
  return cat([tag, 0x80], ...content, [0x00, 0x00]);
}

export const seq = (...children: Part[]) => tlv(0x30, ...children);
export const set = (...children: Part[]) => tlv(0x31, ...children);
export const bool = (v: boolean) => tlv(0x01, [v ? 0xff : 0x00]);
export const nul = () => Uint8Array.of(0x05, 0x00);
export const octets = (...content: Part[]) => tlv(0x04, ...content);
export const bitString = (content: Part, unused = 0) => tlv(0x03, [unused], content);

/** Minimal two's-complement INTEGER. */
export function int(value: number | bigint): Uint8Array {
  return tlv(0x02, intContent(BigInt(value)));
}

export function intContent(v: bigint): Uint8Array {
  const out: number[] = [];
  if (v >= 0n) {
    do {
      out.unshift(Number(v & 0xffn));
      v >>= 8n;
    } while (v > 0n);
    if (out[0] & 0x80) out.unshift(0);
  } else {
    do {
      out.unshift(Number(v & 0xffn));
      v >>= 8n;
    } while (v < -1n);
    if ((out[0] & 0x80) === 0) out.unshift(0xff);
  }
  return Uint8Array.from(out);
}

/** OBJECT IDENTIFIER content octets for dotted text (arcs of any size). */
export function oidContent(text: string): Uint8Array {
  const arcs = text.split('.').map((a) => BigInt(a));
  if (arcs.length < 2) throw new Error(`bad OID ${text}`);
  const subids = [arcs[0] * 40n + arcs[1], ...arcs.slice(2)];
  const out: number[] = [];
  for (let v of subids) {
    const septets = [Number(v & 0x7fn)];
    v >>= 7n;
    while (v > 0n) {
      septets.unshift(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    out.push(...septets);
  }
  return Uint8Array.from(out);
}

export const oid = (text: string) => tlv(0x06, oidContent(text));

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
export const utf8 = (s: string) => tlv(0x0c, new TextEncoder().encode(s));
export const printable = (s: string) => tlv(0x13, ascii(s));
export const ia5 = (s: string) => tlv(0x16, ascii(s));
export const numeric = (s: string) => tlv(0x12, ascii(s));
export const visible = (s: string) => tlv(0x1a, ascii(s));
export const teletex = (s: string) => tlv(0x14, ascii(s));
export const utcTime = (s: string) => tlv(0x17, ascii(s));
export const genTime = (s: string) => tlv(0x18, ascii(s));
export function bmp(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i) >> 8, s.charCodeAt(i) & 0xff);
  return tlv(0x1e, out);
}
export function universal(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out.push((cp >>> 24) & 0xff, (cp >> 16) & 0xff, (cp >> 8) & 0xff, cp & 0xff);
  }
  return tlv(0x1c, out);
}

/** Context-specific constructed [n] (EXPLICIT tagging, or IMPLICIT over a constructed type). */
export const ctx = (n: number, ...children: Part[]) => tlv(0xa0 | n, ...children);
/** Context-specific primitive [n] (IMPLICIT over a primitive type). */
export const ctxPrim = (n: number, ...content: Part[]) => tlv(0x80 | n, ...content);

/** An AlgorithmIdentifier with absent, NULL or OID parameters. */
export function algId(algorithm: string, params?: 'null' | string): Uint8Array {
  if (params === undefined) return seq(oid(algorithm));
  return seq(oid(algorithm), params === 'null' ? nul() : oid(params));
}

/** Name ::= SEQUENCE OF SET OF { type, value } with one attribute per RDN. */
export function name(...attrs: Array<[string, Uint8Array]>): Uint8Array {
  return seq(...attrs.map(([type, value]) => set(seq(oid(type), value))));
}

/** Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }. */
export function extension(extnId: string, value: Uint8Array, critical?: boolean): Uint8Array {
  return critical === undefined ? seq(oid(extnId), octets(value)) : seq(oid(extnId), bool(critical), octets(value));
}

export interface TbsParts {
  version?: Uint8Array | null;
  serial?: Uint8Array | null;
  signature?: Uint8Array | null;
  issuer?: Uint8Array | null;
  validity?: Uint8Array | null;
  subject?: Uint8Array | null;
  spki?: Uint8Array | null;
  extensions?: Uint8Array[] | null;
  /** Replaces the whole [3] wrapper. */
  extensionsRaw?: Uint8Array;
}

export const EC_POINT = cat([0x04], Array.from({ length: 64 }, (_, i) => i + 1));

/** A syntactically complete tbsCertificate; any part can be replaced or removed (null). */
export function tbsCertificate(parts: TbsParts = {}): Uint8Array {
  const pick = (v: Uint8Array | null | undefined, dflt: Uint8Array) => (v === null ? [] : (v ?? dflt));
  const exts = parts.extensions === undefined ? [extension('2.5.29.19', seq(bool(true)), true)] : parts.extensions;
  const extPart = parts.extensionsRaw ?? (exts === null ? [] : ctx(3, seq(...exts)));
  return seq(
    pick(parts.version, ctx(0, int(2))),
    pick(parts.serial, int(0x1234)),
    pick(parts.signature, algId('1.2.840.10045.4.3.2')),
    pick(parts.issuer, name(['2.5.4.3', utf8('Issuer')])),
    pick(parts.validity, seq(utcTime('240101000000Z'), genTime('20991231235959Z'))),
    pick(parts.subject, name(['2.5.4.3', utf8('Subject')])),
    pick(parts.spki, seq(algId('1.2.840.10045.2.1', '1.2.840.10045.3.1.7'), bitString(EC_POINT))),
    extPart,
  );
}

/** Certificate ::= SEQUENCE { tbs, signatureAlgorithm, signatureValue } (signature is dummy bytes). */
export function certificate(tbs: Uint8Array = tbsCertificate(), extra: Part[] = []): Uint8Array {
  return seq(tbs, algId('1.2.840.10045.4.3.2'), bitString(seq(int(1), int(2))), ...extra);
}
