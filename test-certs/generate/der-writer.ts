// A tiny DER writer: every byte of a sample certificate is chosen here, so a defect can be exactly
// one wrong byte. Library encoders would silently fix (or refuse) the defects we need.

export function concat(...parts: Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function bytes(...values: number[]): Uint8Array {
  return Uint8Array.from(values);
}

export function hex(text: string): Uint8Array {
  const clean = text.replace(/[\s:-]/g, '');
  return Uint8Array.from(clean.match(/../g) ?? [], (h) => parseInt(h, 16));
}

export function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
}

/** Minimal (DER) length octets. */
export function encodeLength(n: number): Uint8Array {
  if (n < 0x80) return bytes(n);
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v % 256);
  return bytes(0x80 | out.length, ...out);
}

/** One TLV with a single-octet identifier and a minimal length. */
export function tlv(tag: number, content: Uint8Array): Uint8Array {
  return concat(bytes(tag), encodeLength(content.length), content);
}

export const seq = (...items: Uint8Array[]) => tlv(0x30, concat(...items));

/** SET OF in DER order (X.690 11.6: ascending encodings, shorter padded with zeros). */
export function setOf(...items: Uint8Array[]): Uint8Array {
  return tlv(0x31, concat(...[...items].sort(compareEncodings)));
}

/** A SET with its elements in the order given, DER or not. */
export const setAsGiven = (...items: Uint8Array[]) => tlv(0x31, concat(...items));

export function compareEncodings(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x - y;
  }
  return 0;
}

/** INTEGER content: minimal two's complement. */
export function integerContent(value: bigint): Uint8Array {
  const out: number[] = [];
  let v = value;
  for (;;) {
    const byte = Number(BigInt.asUintN(8, v));
    out.unshift(byte);
    v >>= 8n;
    if ((v === 0n && (byte & 0x80) === 0) || (v === -1n && (byte & 0x80) !== 0)) break;
  }
  return Uint8Array.from(out);
}

export const integer = (value: bigint) => tlv(0x02, integerContent(value));

export function oidContent(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map((a) => BigInt(a));
  const values = [arcs[0] * 40n + arcs[1], ...arcs.slice(2)];
  const out: number[] = [];
  for (const value of values) {
    const group: number[] = [Number(value & 0x7fn)];
    for (let v = value >> 7n; v > 0n; v >>= 7n) group.unshift(Number(v & 0x7fn) | 0x80);
    out.push(...group);
  }
  return Uint8Array.from(out);
}

export const oid = (dotted: string) => tlv(0x06, oidContent(dotted));
export const bitString = (content: Uint8Array, unusedBits = 0) => tlv(0x03, concat(bytes(unusedBits), content));
export const octetString = (content: Uint8Array) => tlv(0x04, content);
export const boolean = (value: boolean) => tlv(0x01, bytes(value ? 0xff : 0x00));
export const nullValue = () => tlv(0x05, new Uint8Array(0));
export const utf8String = (text: string) => tlv(0x0c, new TextEncoder().encode(text));
export const printableString = (text: string) => tlv(0x13, ascii(text));
export const ia5String = (text: string) => tlv(0x16, ascii(text));
/** Time types take the exact characters, so malformed times can be written too. */
export const utcTime = (text: string) => tlv(0x17, ascii(text));
export const generalizedTime = (text: string) => tlv(0x18, ascii(text));

/** [n] EXPLICIT / IMPLICIT constructed context tag. */
export const contextConstructed = (n: number, content: Uint8Array) => tlv(0xa0 | n, content);
/** [n] IMPLICIT primitive context tag. */
export const contextPrimitive = (n: number, content: Uint8Array) => tlv(0x80 | n, content);

/** Header length and content of a TLV that starts at offset 0 (definite length only). */
export function splitTlv(der: Uint8Array): { header: Uint8Array; content: Uint8Array } {
  const first = der[1];
  const headerLength = first < 0x80 ? 2 : 2 + (first & 0x7f);
  return { header: der.subarray(0, headerLength), content: der.subarray(headerLength) };
}

export const teletexString = (text: string) => tlv(0x14, ascii(text));
/** BMPString: UTF-16 big-endian code units. */
export const bmpString = (text: string) => tlv(0x1e, Uint8Array.from([...text].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])));
