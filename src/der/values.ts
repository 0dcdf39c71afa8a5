import { DerNode, Tag } from './node.js';

/**
 * Dotted-decimal text of an OBJECT IDENTIFIER's content octets (lenient: never throws).
 * Certificates repeat a few dozen OIDs, so short ones are cached in a direct-mapped table by a
 * hash of their octets (verified on every hit), which also hands out the same string object for
 * fast table lookups. A slot holds the last OID that hashed to it: the table never grows, however
 * many distinct OIDs a hostile input holds.
 */
export function decodeOid(bytes: Uint8Array, start: number, end: number): string {
  const len = end - start;
  if (len > 32) return oidText(bytes, start, end);
  let h = 0x811c9dc5 ^ len;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  const slot = (h ^ (h >>> 15)) & (OID_SLOTS - 1);
  const octets = OID_OCTETS[slot];
  if (octets !== undefined && octets.length === len) {
    let i = 0;
    while (i < len && octets[i] === bytes[start + i]) i++;
    if (i === len) return OID_TEXTS[slot];
  }
  const text = internalized(oidText(bytes, start, end));
  OID_OCTETS[slot] = bytes.slice(start, end);
  OID_TEXTS[slot] = text;
  return text;
}

/**
 * The text as V8's one shared copy of it (an internalized string, as every property key is): the
 * tables that look OIDs up (oidName's, the known extensions, the rules') hold the same copy of the
 * OIDs they know, so a lookup matches by identity rather than by comparing characters. Made once
 * per cached OID.
 */
function internalized(text: string): string {
  return Object.keys({ [text]: 0 })[0];
}

const OID_SLOTS = 1024;
const OID_OCTETS: (Uint8Array | undefined)[] = new Array(OID_SLOTS).fill(undefined);
const OID_TEXTS: string[] = new Array(OID_SLOTS).fill('');

/**
 * Arcs longer than this many octets (over 140 bits: past any real arc, a 128-bit UUID arc takes
 * 19) are written in hex, as 0x...: a decimal form costs time that grows faster than the arc's
 * length, and a hostile certificate may hold an arc of megabytes.
 */
const LONG_ARC_OCTETS = 20;

function oidText(bytes: Uint8Array, start: number, end: number): string {
  let out = '';
  let arcStart = start;
  for (let i = start; i < end; i++) {
    if ((bytes[i] & 0x80) !== 0) continue;
    out += arcStart === start ? firstArcsText(bytes, arcStart, i + 1) : `.${arcText(bytes, arcStart, i + 1)}`;
    arcStart = i + 1;
  }
  return out;
}

/** The base-128 arc in bytes[start, end), in decimal, or in hex beyond LONG_ARC_OCTETS. */
function arcText(bytes: Uint8Array, start: number, end: number): string {
  return end - start > LONG_ARC_OCTETS ? `0x${arcHex(bytes, start, end)}` : String(arcValue(bytes, start, end));
}

/** The value of a short arc: a number while it fits, else a bigint. */
function arcValue(bytes: Uint8Array, start: number, end: number): number | bigint {
  let value = 0;
  let big: bigint | null = null;
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (big !== null) big = (big << 7n) | BigInt(b & 0x7f);
    else if (value > 0x3fffffffffff) big = (BigInt(value) << 7n) | BigInt(b & 0x7f);
    else value = value * 128 + (b & 0x7f);
  }
  return big ?? value;
}

/** A long arc's value in hex, its septets regrouped into nibbles from the low end: one pass. */
function arcHex(bytes: Uint8Array, start: number, end: number): string {
  const digits: string[] = [];
  let acc = 0;
  let bits = 0;
  for (let i = end - 1; i >= start; i--) {
    acc |= (bytes[i] & 0x7f) << bits;
    bits += 7;
    while (bits >= 4) {
      digits.push(HEX_DIGITS[acc & 0xf]);
      acc >>>= 4;
      bits -= 4;
    }
  }
  if (bits > 0) digits.push(HEX_DIGITS[acc]);
  let top = digits.length - 1;
  while (top > 0 && digits[top] === '0') top--;
  digits.length = top + 1;
  return digits.reverse().join('');
}

const HEX_DIGITS = '0123456789abcdef';

/** The first octets encode two arcs: X * 40 + Y, where X is 0, 1 or 2 (and Y unbounded for 2). */
function firstArcsText(bytes: Uint8Array, start: number, end: number): string {
  if (end - start > LONG_ARC_OCTETS) return `2.0x${(BigInt(`0x${arcHex(bytes, start, end)}`) - 80n).toString(16)}`;
  const v = arcValue(bytes, start, end);
  if (typeof v === 'number') return v < 40 ? `0.${v}` : v < 80 ? `1.${v - 40}` : `2.${v - 80}`;
  return `2.${v - 80n}`;
}

export function oidOf(bytes: Uint8Array, node: DerNode): string {
  return decodeOid(bytes, node.valueOffset, node.end);
}

/**
 * Two's-complement INTEGER content as a bigint. Six octets at a time fit a number exactly, so a
 * 20-octet serial takes four bigint steps rather than a hex string to parse (half the time). Each
 * step copies the bigint built so far, so a long value (a hostile megabyte serial) is parsed from
 * hex instead, in time linear in its length.
 */
export function decodeInteger(bytes: Uint8Array, start: number, end: number): bigint {
  if (start >= end) return 0n;
  const length = end - start;
  if (length > STEPWISE_OCTETS) {
    const unsigned = BigInt(`0x${toHex(bytes.subarray(start, end))}`);
    return bytes[start] & 0x80 ? unsigned - (1n << BigInt(length * 8)) : unsigned;
  }
  let i = start;
  let chunk = 0;
  for (const first = start + (length % 6 || 6); i < first; i++) chunk = chunk * 256 + bytes[i];
  let v = BigInt(chunk);
  while (i < end) {
    chunk = 0;
    for (const next = i + 6; i < next; i++) chunk = chunk * 256 + bytes[i];
    v = (v << 48n) | BigInt(chunk);
  }
  if (bytes[start] & 0x80) v -= 1n << BigInt(length * 8);
  return v;
}

/** Longer INTEGERs are read from hex: stepwise, the copies grow with the square of the length. */
const STEPWISE_OCTETS = 64;

/** Small non-negative INTEGER (version, pathLen) as a number; NaN when it does not fit. */
export function decodeSmallInteger(bytes: Uint8Array, start: number, end: number): number {
  if (start >= end || end - start > 6) return Number.NaN;
  let v = 0;
  for (let i = start; i < end; i++) v = v * 256 + bytes[i];
  if (bytes[start] & 0x80) v -= 2 ** ((end - start) * 8);
  return v;
}

export const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/** Every octet as two upper-case hex digits, as SMKI writes role codes and EUI-64s. */
export const HEX_UPPER: readonly string[] = HEX.map((hex) => hex.toUpperCase());

export function toHex(bytes: Uint8Array, separator = ''): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    if (i > 0 && separator) out += separator;
    out += HEX[bytes[i]];
  }
  return out;
}

export type StringType =
  | 'UTF8String'
  | 'PrintableString'
  | 'IA5String'
  | 'TeletexString'
  | 'BMPString'
  | 'UniversalString'
  | 'NumericString'
  | 'VisibleString';

const STRING_TYPES: Partial<Record<number, StringType>> = {
  [Tag.Utf8String]: 'UTF8String',
  [Tag.PrintableString]: 'PrintableString',
  [Tag.Ia5String]: 'IA5String',
  [Tag.TeletexString]: 'TeletexString',
  [Tag.BmpString]: 'BMPString',
  [Tag.UniversalString]: 'UniversalString',
  [Tag.NumericString]: 'NumericString',
  [Tag.VisibleString]: 'VisibleString',
};

export function stringTypeOf(node: DerNode): StringType | undefined {
  return node.tagClass === 0 && !node.constructed ? STRING_TYPES[node.tagNumber] : undefined;
}

/** Text of a string element (lenient: invalid UTF-8 becomes U+FFFD, 8-bit types read as Latin-1). */
export function decodeString(bytes: Uint8Array, node: DerNode): string {
  const start = node.valueOffset;
  const end = node.end;
  switch (node.tagNumber) {
    case Tag.Utf8String:
      return decodeUtf8(bytes, start, end);
    case Tag.BmpString: {
      let s = '';
      for (let i = start; i + 1 < end; i += 2) s += String.fromCharCode((bytes[i] << 8) | bytes[i + 1]);
      // Pairs are kept (read as UTF-16); a lone surrogate is no character and would make the
      // JSON and text output invalid, so it becomes U+FFFD (der.string.bmp says so).
      return s.replace(LONE_SURROGATE, '\ufffd');
    }
    case Tag.UniversalString: {
      let s = '';
      for (let i = start; i + 3 < end; i += 4) {
        const cp = ((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]) >>> 0;
        s += cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '\ufffd';
      }
      return s;
    }
    default:
      return latin1(bytes, start, end);
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function latin1(bytes: Uint8Array, start: number, end: number): string {
  // Eight characters per step: below 13 characters every += copies the string made so far, so a
  // character at a time costs twice as much for a 13-character time.
  let s = '';
  let i = start;
  for (; i + 8 <= end; i += 8) s += String.fromCharCode(bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3], bytes[i + 4], bytes[i + 5], bytes[i + 6], bytes[i + 7]);
  for (; i + 2 <= end; i += 2) s += String.fromCharCode(bytes[i], bytes[i + 1]);
  if (i < end) s += String.fromCharCode(bytes[i]);
  return s;
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: false });

function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  // Short ASCII values (role codes, names) are the common case: avoid TextDecoder's call cost.
  let ascii = true;
  for (let i = start; i < end; i++) {
    if (bytes[i] > 0x7f) {
      ascii = false;
      break;
    }
  }
  return ascii ? latin1(bytes, start, end) : utf8Decoder.decode(bytes.subarray(start, end));
}

export type TimeEncoding = 'UTCTime' | 'GeneralizedTime';

export interface DecodedTime {
  encoding: TimeEncoding;
  /** The characters as encoded. */
  text: string;
  /** Milliseconds since the epoch, or null when the text is not a readable time. */
  ms: number | null;
}

/**
 * Reads UTCTime / GeneralizedTime leniently (so a model is still built from BER-ish times):
 * seconds optional, fractions and Z or +hhmm offsets accepted. DER conformance is the reader's job.
 */
export function decodeTime(bytes: Uint8Array, node: DerNode): DecodedTime {
  const generalized = node.tagNumber === Tag.GeneralizedTime;
  const encoding: TimeEncoding = generalized ? 'GeneralizedTime' : 'UTCTime';
  const start = node.valueOffset;
  const text = latin1(bytes, start, node.end);
  const ms = derTime(bytes, start, node.end, generalized);
  return { encoding, text, ms: ms ?? lenientTime(text, generalized) };
}

/** Fast path for the DER forms YYMMDDHHMMSSZ / YYYYMMDDHHMMSSZ; null for anything else. */
function derTime(bytes: Uint8Array, start: number, end: number, generalized: boolean): number | null {
  if (end - start !== (generalized ? 15 : 13) || bytes[end - 1] !== 0x5a) return null;
  for (let i = start; i < end - 1; i++) if (bytes[i] < 0x30 || bytes[i] > 0x39) return null;
  const d = (i: number) => (bytes[start + i] - 0x30) * 10 + (bytes[start + i + 1] - 0x30);
  let year: number;
  let i = 2;
  if (generalized) {
    year = d(0) * 100 + d(2);
    i = 4;
  } else {
    year = d(0);
    year += year < 50 ? 2000 : 1900;
  }
  const month = d(i);
  const day = d(i + 2);
  const hour = d(i + 4);
  const minute = d(i + 6);
  const second = d(i + 8);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
  return utcMs(year, month, day, hour, minute, second, 0);
}

/**
 * Milliseconds since the epoch of a proleptic Gregorian UTC time (days from the civil date, as in
 * Howard Hinnant's days_from_civil). Not Date.UTC: it reads years 0 to 99 as 1900 to 1999, which a
 * GeneralizedTime year 0050 is not, and it is a call into the runtime on every certificate.
 */
function utcMs(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  const days = era * 146097 + dayOfEra - 719468;
  return days * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Reads BER-style times: seconds optional, fractions, Z or +hhmm offsets. */
function lenientTime(text: string, generalized: boolean): number | null {
  const m = (generalized ? GENERALIZED_RE : UTC_RE).exec(text);
  if (!m) return null;
  let year = Number(m[1]);
  if (!generalized) year += year < 50 ? 2000 : 1900;
  const [month, day, hour, minute] = [m[2], m[3], m[4], m[5]].map(Number);
  const second = m[6] ? Number(m[6]) : 0;
  const fraction = m[7] ? Number('0.' + m[7]) * 1000 : 0;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 60) return null;
  let ms = utcMs(year, month, day, hour, minute, second, Math.trunc(fraction));
  if (m[8] && m[8] !== 'Z') {
    const sign = m[8][0] === '-' ? -1 : 1;
    ms -= sign * (Number(m[8].slice(1, 3)) * 60 + Number(m[8].slice(3, 5))) * 60_000;
  }
  return ms;
}

const UTC_RE = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?()(Z|[+-]\d{4})$/;
const GENERALIZED_RE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?(Z|[+-]\d{4})?$/;
