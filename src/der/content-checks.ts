import { Tag } from './node.js';
import type { DerViolation } from './violations.js';


const hex = (b: number) => b.toString(16).padStart(2, '0');

// PrintableString: A-Z a-z 0-9 space ' ( ) + , - . / : = ?  (X.680 41.4)
const PRINTABLE = new Uint8Array(256);
for (let c = 0x41; c <= 0x5a; c++) PRINTABLE[c] = 1;
for (let c = 0x61; c <= 0x7a; c++) PRINTABLE[c] = 1;
for (let c = 0x30; c <= 0x39; c++) PRINTABLE[c] = 1;
for (const ch of " '()+,-./:=?") PRINTABLE[ch.charCodeAt(0)] = 1;

/** Checks the content octets of a primitive universal element against DER. */
export function checkPrimitive(bytes: Uint8Array, tag: number, offset: number, start: number, end: number, out: DerViolation[]): void {
  const len = end - start;
  switch (tag) {
    case Tag.Boolean:
      if (len !== 1 || (bytes[start] !== 0x00 && bytes[start] !== 0xff)) {
        out.push({
          kind: 'boolean.invalid',
          offset,
          message:
            len !== 1
              ? `BOOLEAN has ${len} content octets; DER requires exactly one`
              : `BOOLEAN encoded as 0x${hex(bytes[start])}; DER requires 0x00 (FALSE) or 0xFF (TRUE)`,
        });
      }
      return;
    case Tag.Integer:
    case Tag.Enumerated:
      checkInteger(bytes, offset, start, len, tag === Tag.Integer ? 'INTEGER' : 'ENUMERATED', out);
      return;
    case Tag.BitString:
      checkBitString(bytes, offset, start, len, out);
      return;
    case Tag.Null:
      if (len !== 0) out.push({ kind: 'null.content', offset, message: `NULL has ${len} content octets; it must have none` });
      return;
    case Tag.Oid:
      checkOid(bytes, offset, start, end, out);
      return;
    case Tag.Utf8String:
      checkUtf8(bytes, offset, start, end, out);
      return;
    case Tag.PrintableString:
      for (let i = start; i < end; i++) {
        if (PRINTABLE[bytes[i]] === 0) {
          out.push({ kind: 'string.printable', offset: i, message: `PrintableString holds ${describeChar(bytes[i])}, which is outside the PrintableString alphabet` });
          return;
        }
      }
      return;
    case Tag.Ia5String:
      for (let i = start; i < end; i++) {
        if (bytes[i] > 0x7f) {
          out.push({ kind: 'string.ia5', offset: i, message: `IA5String holds byte 0x${hex(bytes[i])}; IA5 is 7-bit ASCII` });
          return;
        }
      }
      return;
    case Tag.NumericString:
      for (let i = start; i < end; i++) {
        const b = bytes[i];
        if (b !== 0x20 && (b < 0x30 || b > 0x39)) {
          out.push({ kind: 'string.numeric', offset: i, message: `NumericString holds ${describeChar(b)}; only digits and space are allowed` });
          return;
        }
      }
      return;
    case Tag.VisibleString:
      for (let i = start; i < end; i++) {
        if (bytes[i] < 0x20 || bytes[i] > 0x7e) {
          out.push({ kind: 'string.visible', offset: i, message: `VisibleString holds ${describeChar(bytes[i])}; only printable ASCII is allowed` });
          return;
        }
      }
      return;
    case Tag.BmpString:
      checkBmp(bytes, offset, start, end, out);
      return;
    case Tag.UniversalString:
      checkUniversal(bytes, offset, start, end, out);
      return;
    case Tag.UtcTime:
      checkTime(bytes, offset, start, end, false, out);
      return;
    case Tag.GeneralizedTime:
      checkTime(bytes, offset, start, end, true, out);
      return;
  }
}

function describeChar(b: number): string {
  return b >= 0x20 && b < 0x7f ? `'${String.fromCharCode(b)}' (0x${hex(b)})` : `byte 0x${hex(b)}`;
}

function checkInteger(bytes: Uint8Array, offset: number, start: number, len: number, name: string, out: DerViolation[]): void {
  if (len === 0) {
    out.push({ kind: 'integer.empty', offset, message: `${name} has no content octets` });
    return;
  }
  if (len > 1) {
    const b0 = bytes[start];
    const b1 = bytes[start + 1];
    if ((b0 === 0x00 && b1 < 0x80) || (b0 === 0xff && b1 >= 0x80)) {
      out.push({
        kind: 'integer.non-minimal',
        offset,
        message: `${name} starts with a redundant 0x${hex(b0)} octet; DER requires the minimal two's-complement encoding`,
      });
    }
  }
}

function checkBitString(bytes: Uint8Array, offset: number, start: number, len: number, out: DerViolation[]): void {
  if (len === 0) {
    out.push({ kind: 'bitstring.empty', offset, message: 'BIT STRING has no content octets; it needs at least the unused-bits octet' });
    return;
  }
  const unused = bytes[start];
  if (unused > 7 || (len === 1 && unused !== 0)) {
    out.push({
      kind: 'bitstring.unused-bits',
      offset: start,
      message: len === 1 ? `empty BIT STRING declares ${unused} unused bits; it must declare 0` : `BIT STRING declares ${unused} unused bits; the count must be 0 to 7`,
    });
    return;
  }
  if (unused > 0 && (bytes[start + len - 1] & ((1 << unused) - 1)) !== 0) {
    out.push({ kind: 'bitstring.padding', offset: start + len - 1, message: `BIT STRING has non-zero bits in its ${unused} unused (padding) bits; DER requires them to be zero` });
  }
}

function checkOid(bytes: Uint8Array, offset: number, start: number, end: number, out: DerViolation[]): void {
  if (start === end) {
    out.push({ kind: 'oid.empty', offset, message: 'OBJECT IDENTIFIER has no content octets' });
    return;
  }
  let arcStart = true;
  for (let i = start; i < end; i++) {
    if (arcStart && bytes[i] === 0x80) {
      out.push({ kind: 'oid.non-minimal', offset: i, message: 'OBJECT IDENTIFIER arc starts with a 0x80 padding octet; arcs must be minimally encoded' });
      return;
    }
    arcStart = (bytes[i] & 0x80) === 0;
  }
  if (!arcStart) out.push({ kind: 'oid.invalid', offset: end - 1, message: 'OBJECT IDENTIFIER ends in the middle of an arc (last octet has its high bit set)' });
}

function checkUtf8(bytes: Uint8Array, offset: number, start: number, end: number, out: DerViolation[]): void {
  const bad = firstInvalidUtf8(bytes, start, end);
  if (bad >= 0) out.push({ kind: 'string.utf8', offset: bad, message: `UTF8String is not valid UTF-8 at byte 0x${hex(bytes[bad])}` });
}

/** Offset of the first octet that breaks UTF-8 (shortest form, no surrogates, at most U+10FFFF), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b & 0x07;
    } else {
      return i;
    }
    if (i + need >= end) return i; // the sequence is cut off
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

const u4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

/** BMPString is UCS-2: two octets per character, and U+D800..U+DFFF are not characters. */
function checkBmp(bytes: Uint8Array, offset: number, start: number, end: number, out: DerViolation[]): void {
  if ((end - start) % 2 !== 0) {
    out.push({ kind: 'string.bmp', offset, message: `BMPString has an odd number of octets (${end - start})` });
    return;
  }
  for (let i = start; i + 1 < end; i += 2) {
    const unit = (bytes[i] << 8) | bytes[i + 1];
    if (unit < 0xd800 || unit > 0xdfff) continue;
    const next = i + 3 < end ? (bytes[i + 2] << 8) | bytes[i + 3] : -1;
    const paired = unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    const message = paired
      ? `BMPString holds the surrogate pair ${u4(unit)} ${u4(next)} (U+${u4(0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00))}): a BMPString holds only characters of the Basic Multilingual Plane, two octets each`
      : `BMPString holds U+${u4(unit)}, a lone surrogate that is not a character; it is shown as U+FFFD`;
    out.push({ kind: 'string.bmp', offset: i, message });
    return;
  }
}

/** UniversalString is UCS-4: four octets per character, each a Unicode scalar value. */
function checkUniversal(bytes: Uint8Array, offset: number, start: number, end: number, out: DerViolation[]): void {
  if ((end - start) % 4 !== 0) {
    out.push({ kind: 'string.universal', offset, message: `UniversalString has ${end - start} octets, not a multiple of four; the last ${(end - start) % 4} were not read` });
    return;
  }
  for (let i = start; i + 3 < end; i += 4) {
    const value = ((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]) >>> 0;
    if (value <= 0x10ffff && (value < 0xd800 || value > 0xdfff)) continue;
    const what = value > 0x10ffff ? 'beyond U+10FFFF' : 'a surrogate';
    out.push({ kind: 'string.universal', offset: i, message: `UniversalString holds 0x${value.toString(16).toUpperCase().padStart(8, '0')}, which is not a character (${what}); it is shown as U+FFFD` });
    return;
  }
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function checkTime(bytes: Uint8Array, offset: number, start: number, end: number, generalized: boolean, out: DerViolation[]): void {
  const why = timeProblem(bytes, start, end, generalized);
  if (why === undefined) return;
  // The text is made only for the message: most times are fine, and building it cost more than checking them.
  let text = '';
  for (let i = start; i < end && i < start + 32; i++) text += String.fromCharCode(bytes[i]);
  const [kind, form, name] = generalized ? (['time.generalized-format', 'YYYYMMDDHHMMSSZ', 'GeneralizedTime'] as const) : (['time.utc-format', 'YYMMDDHHMMSSZ', 'UTCTime'] as const);
  out.push({ kind, offset, message: `${name} '${text}' ${why}; DER requires exactly ${form}` });
}

/** What is wrong with a UTCTime or GeneralizedTime's content, or undefined when it is DER. */
function timeProblem(bytes: Uint8Array, start: number, end: number, generalized: boolean): string | undefined {
  const expected = generalized ? 15 : 13;
  if (end - start !== expected) return `has ${end - start} characters`;
  if (bytes[end - 1] !== 0x5a) return 'does not end in Z';
  for (let i = start; i < end - 1; i++) {
    if (bytes[i] < 0x30 || bytes[i] > 0x39) return 'holds a non-digit';
  }
  const d = (i: number) => (bytes[start + i] - 0x30) * 10 + (bytes[start + i + 1] - 0x30);
  const y = generalized ? 2 : 0;
  const month = d(y + 2);
  const day = d(y + 4);
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1] || d(y + 6) > 23 || d(y + 8) > 59 || d(y + 10) > 59) return 'is not a valid date and time';
  if (month === 2 && day === 29) {
    const year = generalized ? d(0) * 100 + d(2) : (d(0) < 50 ? 2000 : 1900) + d(0);
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    if (!leap) return 'is 29 February in a year that is not a leap year';
  }
  return undefined;
}
