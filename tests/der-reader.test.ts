import { describe, expect, it } from 'vitest';
import { DER_VIOLATION_KINDS, parseDer } from '../src/der/index.js';
import type { DerNode, DerViolation, DerViolationKind } from '../src/der/index.js';
import { decodeCertificate } from '../src/x509/index.js';
import {
  bool,
  cat,
  certificate,
  ctx,
  extension,
  genTime,
  hex,
  int,
  oid,
  seq,
  tbsCertificate,
  tlv,
  utcTime,
} from './helpers/der-builder.js';

type Expected = Array<[DerViolationKind, number]>;

interface Case {
  name: string;
  input: Uint8Array;
  expected: Expected;
  /** Decode as a certificate (for rules the certificate model reports) instead of parsing. */
  cert?: boolean;
}

const pairs = (vs: DerViolation[]) => vs.map((v) => [v.kind, v.offset] as [DerViolationKind, number]);

function violationsOf(c: Case): DerViolation[] {
  return c.cert ? decodeCertificate(c.input).violations : parseDer(c.input).violations;
}

const ascii = (s: string) => Array.from(s, (ch) => ch.charCodeAt(0));
const str = (tag: number, s: string) => tlv(tag, ascii(s));
const bytesTlv = (tag: number, content: number[]) => tlv(tag, content);

/** `levels` nested definite-length SEQUENCEs around an INTEGER, with the offset of each level. */
function nestDefinite(levels: number): { bytes: Uint8Array; offsets: number[] } {
  let inner = int(7);
  const sizes = [inner.length];
  for (let i = 0; i < levels; i++) {
    inner = seq(inner);
    sizes.push(inner.length);
  }
  const offsets: number[] = [];
  let off = 0;
  for (let d = 0; d < levels; d++) {
    offsets.push(off);
    off += sizes[levels - d] - sizes[levels - d - 1];
  }
  return { bytes: inner, offsets };
}

/** Index of `needle` inside `hay` (first occurrence). */
function indexOfBytes(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

// Certificates for the rule the certificate model (not the reader) reports.
const extCriticalFalse = extension('2.5.29.19', seq(bool(true)), false);
const certCriticalFalse = certificate(tbsCertificate({ extensions: [extCriticalFalse] }));
const bcFalseValue = seq(bool(false));
const certBcFalse = certificate(tbsCertificate({ extensions: [extension('2.5.29.19', bcFalseValue, true)] }));
const versionZero = ctx(0, int(0));
const certV1Explicit = certificate(tbsCertificate({ version: versionZero, extensions: null }));

const LONG_133 = cat([0x30, 0x82, 0x00, 0x85], [0x04, 0x81, 0x82], new Uint8Array(130));
const VALID_128 = cat([0x30, 0x81, 0x80], [0x04, 0x7e], new Uint8Array(126));
const VALID_256 = cat([0x04, 0x82, 0x01, 0x00], new Uint8Array(256));

const CASES: Record<DerViolationKind, { bad: Case[]; good: Case[] }> = {
  'length.indefinite': {
    bad: [
      { name: 'indefinite SEQUENCE with EOC', input: hex('30 80 02 01 05 00 00'), expected: [['length.indefinite', 0]] },
      { name: 'indefinite SEQUENCE nested in a definite one', input: hex('30 07 30 80 02 01 05 00 00'), expected: [['length.indefinite', 2]] },
    ],
    good: [{ name: 'definite SEQUENCE', input: hex('30 03 02 01 05'), expected: [] }],
  },
  'length.non-minimal': {
    bad: [
      { name: 'long form where short fits (30 81 03)', input: hex('30 81 03 02 01 05'), expected: [['length.non-minimal', 0]] },
      { name: 'length with a leading 0x00 octet (30 82 00 85)', input: LONG_133, expected: [['length.non-minimal', 0]] },
      { name: 'nested long form', input: hex('30 04 04 81 01 00'), expected: [['length.non-minimal', 2]] },
      { name: 'four length octets of zero', input: hex('04 84 00 00 00 00'), expected: [['length.non-minimal', 0]] },
    ],
    good: [
      { name: 'length 128 as 81 80', input: VALID_128, expected: [] },
      { name: 'length 256 as 82 01 00', input: VALID_256, expected: [] },
      { name: 'length 127 in short form', input: cat([0x04, 0x7f], new Uint8Array(127)), expected: [] },
    ],
  },
  'length.invalid': {
    bad: [
      { name: 'indefinite length on a primitive', input: hex('04 80 01 00 00'), expected: [['length.indefinite', 0], ['length.invalid', 0]] },
      { name: 'length octet 0xFF', input: hex('30 ff 00'), expected: [['length.invalid', 0]] },
      { name: 'five length octets', input: hex('04 85 00 00 00 00 01 00'), expected: [['length.invalid', 0]] },
      { name: 'nested five length octets', input: hex('30 07 04 85 00 00 00 00 01'), expected: [['length.invalid', 2]] },
      { name: 'tag number longer than four octets', input: hex('1f 81 81 81 81 01 00'), expected: [['length.invalid', 0]] },
    ],
    good: [
      { name: 'three length octets (65536)', input: cat([0x04, 0x83, 0x01, 0x00, 0x00], new Uint8Array(65536)), expected: [] },
      { name: 'indefinite length on a constructed element is not invalid', input: hex('24 80 04 01 00 00 00'), expected: [['length.indefinite', 0], ['form', 0]] },
    ],
  },
  'tag.non-minimal': {
    bad: [
      { name: 'high-tag form for INTEGER (tag 2)', input: hex('1f 02 01 05'), expected: [['tag.non-minimal', 0]] },
      { name: 'high-tag form for [30]', input: hex('9f 1e 00'), expected: [['tag.non-minimal', 0]] },
      { name: 'high tag starting with 0x80', input: hex('9f 80 21 00'), expected: [['tag.non-minimal', 0]] },
      { name: 'high tag 0x80 padding and below 31', input: hex('9f 80 05 00'), expected: [['tag.non-minimal', 0], ['tag.non-minimal', 0]] },
      { name: 'nested', input: hex('30 04 9f 02 01 00'), expected: [['tag.non-minimal', 2]] },
    ],
    good: [
      { name: '[31] in high-tag form', input: hex('9f 1f 00'), expected: [] },
      { name: '[128] in two tag octets', input: hex('9f 81 00 00'), expected: [] },
      { name: '[30] in low-tag form', input: hex('9e 00'), expected: [] },
    ],
  },
  truncated: {
    bad: [
      { name: 'declared length beyond the end', input: hex('30 06 04 05 01 02'), expected: [['truncated', 0]] },
      { name: 'empty input', input: new Uint8Array(0), expected: [['truncated', 0]] },
      { name: 'identifier only', input: hex('30'), expected: [['truncated', 0]] },
      { name: 'length octets cut off', input: hex('30 82 01'), expected: [['truncated', 0]] },
      { name: 'high tag cut off', input: hex('1f 81'), expected: [['truncated', 0]] },
      { name: 'indefinite without EOC', input: hex('30 80 02 01 05'), expected: [['length.indefinite', 0], ['truncated', 0]] },
      { name: 'indefinite without EOC inside a definite SEQUENCE', input: hex('30 05 30 80 02 01 05'), expected: [['length.indefinite', 2], ['truncated', 2]] },
      { name: 'child runs past its parent', input: hex('30 03 04 05 01 02 03 04 05'), expected: [['truncated', 2], ['trailing-bytes', 5]] },
    ],
    good: [{ name: 'complete', input: hex('30 07 04 05 01 02 03 04 05'), expected: [] }],
  },
  'boolean.invalid': {
    bad: [
      { name: 'TRUE as 0x01', input: hex('01 01 01'), expected: [['boolean.invalid', 0]] },
      { name: 'two octets', input: hex('01 02 00 00'), expected: [['boolean.invalid', 0]] },
      { name: 'no octets', input: hex('01 00'), expected: [['boolean.invalid', 0]] },
      { name: 'nested 0x7F', input: hex('30 03 01 01 7f'), expected: [['boolean.invalid', 2]] },
    ],
    good: [
      { name: 'TRUE 0xFF', input: hex('01 01 ff'), expected: [] },
      { name: 'FALSE 0x00', input: hex('01 01 00'), expected: [] },
    ],
  },
  'integer.empty': {
    bad: [
      { name: 'INTEGER with no content', input: hex('02 00'), expected: [['integer.empty', 0]] },
      { name: 'ENUMERATED with no content', input: hex('30 02 0a 00'), expected: [['integer.empty', 2]] },
    ],
    good: [{ name: 'INTEGER 0', input: hex('02 01 00'), expected: [] }],
  },
  'integer.non-minimal': {
    bad: [
      { name: '00 7F', input: hex('02 02 00 7f'), expected: [['integer.non-minimal', 0]] },
      { name: 'FF 80', input: hex('02 02 ff 80'), expected: [['integer.non-minimal', 0]] },
      { name: '00 00', input: hex('02 02 00 00'), expected: [['integer.non-minimal', 0]] },
      { name: 'FF FF', input: hex('02 02 ff ff'), expected: [['integer.non-minimal', 0]] },
      { name: 'ENUMERATED 00 01', input: hex('0a 02 00 01'), expected: [['integer.non-minimal', 0]] },
    ],
    good: [
      { name: '00 80', input: hex('02 02 00 80'), expected: [] },
      { name: 'FF 7F', input: hex('02 02 ff 7f'), expected: [] },
      { name: '80', input: hex('02 01 80'), expected: [] },
      { name: 'FF', input: hex('02 01 ff'), expected: [] },
      { name: '20-octet serial', input: cat([0x02, 0x14, 0x7f], new Uint8Array(19).fill(0xab)), expected: [] },
    ],
  },
  'null.content': {
    bad: [{ name: 'NULL with a content octet', input: hex('05 01 00'), expected: [['null.content', 0]] }],
    good: [{ name: 'NULL', input: hex('05 00'), expected: [] }],
  },
  'bitstring.empty': {
    bad: [{ name: 'no content octets', input: hex('03 00'), expected: [['bitstring.empty', 0]] }],
    good: [{ name: 'empty bit string (unused 0)', input: hex('03 01 00'), expected: [] }],
  },
  'bitstring.unused-bits': {
    bad: [
      { name: 'unused 8', input: hex('03 02 08 00'), expected: [['bitstring.unused-bits', 2]] },
      { name: 'unused 1 with no data', input: hex('03 01 01'), expected: [['bitstring.unused-bits', 2]] },
      { name: 'nested unused 0xFF', input: hex('30 04 03 02 ff 00'), expected: [['bitstring.unused-bits', 4]] },
    ],
    good: [{ name: 'unused 7', input: hex('03 02 07 80'), expected: [] }],
  },
  'bitstring.padding': {
    bad: [
      { name: 'unused 1 with the low bit set', input: hex('03 02 01 01'), expected: [['bitstring.padding', 3]] },
      { name: 'unused 4 with padding bits set in the last octet', input: hex('03 03 04 ff f1'), expected: [['bitstring.padding', 4]] },
    ],
    good: [
      { name: 'unused 4 with zero padding', input: hex('03 03 04 ff f0'), expected: [] },
      { name: 'unused 0 with any bits', input: hex('03 02 00 ff'), expected: [] },
    ],
  },
  'oid.empty': {
    bad: [{ name: 'no content octets', input: hex('06 00'), expected: [['oid.empty', 0]] }],
    good: [{ name: '1.2', input: hex('06 01 2a'), expected: [] }],
  },
  'oid.non-minimal': {
    bad: [
      { name: 'second arc starts with 0x80', input: hex('06 03 2a 80 01'), expected: [['oid.non-minimal', 3]] },
      { name: 'first arc starts with 0x80', input: hex('06 02 80 01'), expected: [['oid.non-minimal', 2]] },
    ],
    good: [
      { name: '1.2.840 (86 48)', input: hex('06 03 2a 86 48'), expected: [] },
      { name: 'arc 128 (81 00)', input: hex('06 03 2a 81 00'), expected: [] },
    ],
  },
  'oid.invalid': {
    bad: [
      { name: 'last octet with the high bit set', input: hex('06 02 2a 86'), expected: [['oid.invalid', 3]] },
      { name: 'single octet with the high bit set', input: hex('30 03 06 01 81'), expected: [['oid.invalid', 4]] },
    ],
    good: [{ name: 'ecPublicKey', input: oid('1.2.840.10045.2.1'), expected: [] }],
  },
  'time.utc-format': {
    bad: [
      { name: 'no seconds', input: utcTime('2301010000Z'), expected: [['time.utc-format', 0]] },
      { name: '+0000 offset', input: utcTime('230101000000+0000'), expected: [['time.utc-format', 0]] },
      { name: '14 characters', input: utcTime('2301010000000Z'), expected: [['time.utc-format', 0]] },
      { name: '13 characters without Z', input: utcTime('2301010000001'), expected: [['time.utc-format', 0]] },
      { name: 'month 13', input: utcTime('231301000000Z'), expected: [['time.utc-format', 0]] },
      { name: 'month 00', input: utcTime('230001000000Z'), expected: [['time.utc-format', 0]] },
      { name: 'day 32', input: utcTime('230132000000Z'), expected: [['time.utc-format', 0]] },
      { name: 'April 31', input: utcTime('230431000000Z'), expected: [['time.utc-format', 0]] },
      { name: 'hour 24', input: utcTime('230101240000Z'), expected: [['time.utc-format', 0]] },
      { name: 'second 60', input: utcTime('230101235960Z'), expected: [['time.utc-format', 0]] },
      { name: '29 February 2023', input: utcTime('230229000000Z'), expected: [['time.utc-format', 0]] },
      { name: 'non-digit', input: utcTime('23010100000aZ'), expected: [['time.utc-format', 0]] },
      { name: 'nested', input: seq(utcTime('2301010000Z')), expected: [['time.utc-format', 2]] },
    ],
    good: [
      { name: 'plain', input: utcTime('231231235959Z'), expected: [] },
      { name: '29 February 2024', input: utcTime('240229000000Z'), expected: [] },
      { name: '29 February 2000', input: utcTime('000229120000Z'), expected: [] },
    ],
  },
  'time.generalized-format': {
    bad: [
      { name: 'fraction', input: genTime('20230101000000.5Z'), expected: [['time.generalized-format', 0]] },
      { name: 'no Z (14 characters)', input: genTime('20230101000000'), expected: [['time.generalized-format', 0]] },
      { name: '14 characters with Z', input: genTime('2023010100000Z'), expected: [['time.generalized-format', 0]] },
      { name: 'offset', input: genTime('20230101000000+0100'), expected: [['time.generalized-format', 0]] },
      { name: '29 February 2100', input: genTime('21000229000000Z'), expected: [['time.generalized-format', 0]] },
      { name: '29 February 1900', input: genTime('19000229000000Z'), expected: [['time.generalized-format', 0]] },
      { name: 'month 13', input: genTime('20231301000000Z'), expected: [['time.generalized-format', 0]] },
    ],
    good: [
      { name: '9999', input: genTime('99991231235959Z'), expected: [] },
      { name: '29 February 2000', input: genTime('20000229000000Z'), expected: [] },
      { name: '29 February 2024', input: genTime('20240229000000Z'), expected: [] },
    ],
  },
  'string.printable': {
    bad: [
      ...['@', '_', '*', '&'].map((ch) => ({ name: `PrintableString with '${ch}'`, input: str(0x13, `AB${ch}C`), expected: [['string.printable', 4]] as Expected })),
      { name: 'PrintableString with a control octet', input: bytesTlv(0x13, [0x41, 0x0a]), expected: [['string.printable', 3]] },
      { name: 'PrintableString with an 8-bit octet', input: bytesTlv(0x13, [0xe9]), expected: [['string.printable', 2]] },
    ],
    good: [
      { name: "every special: ' ( ) + , - . / : = ? and space", input: str(0x13, " '()+,-./:=?"), expected: [] },
      { name: 'letters and digits', input: str(0x13, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'), expected: [] },
    ],
  },
  'string.ia5': {
    bad: [{ name: 'IA5String with 0x80', input: bytesTlv(0x16, [0x41, 0x80, 0x42]), expected: [['string.ia5', 3]] }],
    good: [{ name: 'every 7-bit octet', input: bytesTlv(0x16, Array.from({ length: 128 }, (_, i) => i)), expected: [] }],
  },
  'string.numeric': {
    bad: [{ name: 'NumericString with a letter', input: str(0x12, '1A2'), expected: [['string.numeric', 3]] }],
    good: [{ name: 'digits and space', input: str(0x12, '0123 456789'), expected: [] }],
  },
  'string.visible': {
    bad: [
      { name: 'VisibleString with 0x7F', input: bytesTlv(0x1a, [0x41, 0x7f]), expected: [['string.visible', 3]] },
      { name: 'VisibleString with 0x1F', input: bytesTlv(0x1a, [0x1f]), expected: [['string.visible', 2]] },
    ],
    good: [{ name: '0x20..0x7E', input: bytesTlv(0x1a, Array.from({ length: 95 }, (_, i) => i + 0x20)), expected: [] }],
  },
  'string.utf8': {
    bad: [
      { name: 'C3 28', input: bytesTlv(0x0c, [0xc3, 0x28]), expected: [['string.utf8', 2]] },
      { name: 'overlong C0 80', input: bytesTlv(0x0c, [0xc0, 0x80]), expected: [['string.utf8', 2]] },
      { name: 'overlong C1 BF', input: bytesTlv(0x0c, [0x41, 0xc1, 0xbf]), expected: [['string.utf8', 3]] },
      { name: 'overlong E0 80 80', input: bytesTlv(0x0c, [0xe0, 0x80, 0x80]), expected: [['string.utf8', 2]] },
      { name: 'overlong F0 80 80 80', input: bytesTlv(0x0c, [0xf0, 0x80, 0x80, 0x80]), expected: [['string.utf8', 2]] },
      { name: 'surrogate ED A0 80', input: bytesTlv(0x0c, [0xed, 0xa0, 0x80]), expected: [['string.utf8', 2]] },
      { name: 'F5 lead octet', input: bytesTlv(0x0c, [0xf5, 0x80, 0x80, 0x80]), expected: [['string.utf8', 2]] },
      { name: 'above U+10FFFF (F4 90 80 80)', input: bytesTlv(0x0c, [0xf4, 0x90, 0x80, 0x80]), expected: [['string.utf8', 2]] },
      { name: 'truncated E2 82 at the end', input: bytesTlv(0x0c, [0x41, 0x41, 0xe2, 0x82]), expected: [['string.utf8', 4]] },
      { name: 'lone continuation octet', input: bytesTlv(0x0c, [0x41, 0x80]), expected: [['string.utf8', 3]] },
      { name: '0xFF', input: bytesTlv(0x0c, [0xff]), expected: [['string.utf8', 2]] },
    ],
    good: [
      { name: 'é € 😀 (2, 3 and 4 octets)', input: tlv(0x0c, new TextEncoder().encode('é€😀')), expected: [] },
      { name: 'U+10FFFF, U+FFFF, U+E000', input: bytesTlv(0x0c, [0xf4, 0x8f, 0xbf, 0xbf, 0xef, 0xbf, 0xbf, 0xee, 0x80, 0x80]), expected: [] },
      { name: 'U+0080 and U+07FF', input: bytesTlv(0x0c, [0xc2, 0x80, 0xdf, 0xbf]), expected: [] },
    ],
  },
  'string.bmp': {
    bad: [
      { name: 'odd length', input: bytesTlv(0x1e, [0x00, 0x41, 0x00]), expected: [['string.bmp', 0]] },
      { name: 'lone high surrogate D800', input: bytesTlv(0x1e, [0x00, 0x41, 0xd8, 0x00, 0x00, 0x42]), expected: [['string.bmp', 4]] },
      { name: 'lone low surrogate DC00 at the end', input: bytesTlv(0x1e, [0x00, 0x41, 0xdc, 0x00]), expected: [['string.bmp', 4]] },
      { name: 'a surrogate pair (UTF-16, not UCS-2)', input: bytesTlv(0x1e, [0xd8, 0x3d, 0xde, 0x00]), expected: [['string.bmp', 2]] },
    ],
    good: [
      { name: 'even length', input: bytesTlv(0x1e, [0x00, 0x41, 0x20, 0xac]), expected: [] },
      { name: 'U+D7FF and U+E000 either side of the surrogates', input: bytesTlv(0x1e, [0xd7, 0xff, 0xe0, 0x00]), expected: [] },
    ],
  },
  'string.universal': {
    bad: [
      { name: 'length not a multiple of four', input: bytesTlv(0x1c, [0x00, 0x00, 0x00, 0x41, 0x00, 0x00]), expected: [['string.universal', 0]] },
      { name: 'a surrogate D800', input: bytesTlv(0x1c, [0x00, 0x00, 0x00, 0x41, 0x00, 0x00, 0xd8, 0x00]), expected: [['string.universal', 6]] },
      { name: 'beyond U+10FFFF', input: bytesTlv(0x1c, [0x00, 0x11, 0x00, 0x00]), expected: [['string.universal', 2]] },
    ],
    good: [{ name: 'A and U+1F600', input: bytesTlv(0x1c, [0x00, 0x00, 0x00, 0x41, 0x00, 0x01, 0xf6, 0x00]), expected: [] }],
  },
  'set.order': {
    bad: [
      { name: 'two INTEGERs out of order', input: hex('31 06 02 01 02 02 01 01'), expected: [['set.order', 5]] },
      { name: 'third element out of order', input: hex('31 09 02 01 01 02 01 03 02 01 02'), expected: [['set.order', 8]] },
      { name: 'longer encoding first (length octet decides)', input: hex('31 07 02 02 00 80 02 01 05'), expected: [['set.order', 6]] },
      { name: 'PrintableString before UTF8String (tag decides)', input: hex('31 06 13 01 41 0c 01 41'), expected: [['set.order', 5]] },
      { name: 'indefinite SET', input: hex('31 80 02 01 02 02 01 01 00 00'), expected: [['length.indefinite', 0], ['set.order', 5]] },
    ],
    good: [
      { name: 'sorted', input: hex('31 06 02 01 01 02 01 02'), expected: [] },
      { name: 'shorter encoding first even with a larger value octet', input: hex('31 07 02 01 ff 02 02 00 80'), expected: [] },
      { name: 'equal elements', input: hex('31 06 02 01 01 02 01 01'), expected: [] },
      { name: 'SEQUENCE is not sorted', input: hex('30 06 02 01 02 02 01 01'), expected: [] },
      { name: 'context [17] constructed is not a SET', input: hex('b1 06 02 01 02 02 01 01'), expected: [] },
      {
        // 04 02 00 00 against the clamped 04 02 00: the shorter one padded with a zero is equal, so
        // no order violation (a "shorter sorts first" rule would report one).
        name: 'shorter encoding padded with zeros compares equal',
        input: hex('31 07 04 02 00 00 04 02 00'),
        expected: [['truncated', 6]],
      },
    ],
  },
  form: {
    bad: [
      { name: 'constructed OCTET STRING', input: hex('24 03 04 01 00'), expected: [['form', 0]] },
      { name: 'constructed INTEGER', input: hex('22 03 02 01 00'), expected: [['form', 0]] },
      { name: 'constructed UTF8String', input: hex('2c 03 0c 01 41'), expected: [['form', 0]] },
      { name: 'primitive SEQUENCE', input: hex('10 00'), expected: [['form', 0]] },
      { name: 'primitive SET', input: hex('11 01 00'), expected: [['form', 0]] },
      { name: 'EOC inside definite content', input: hex('30 02 00 00'), expected: [['form', 2]] },
      { name: 'EOC as the outermost element', input: hex('00 00'), expected: [['form', 0]] },
      { name: 'EOC with content inside indefinite content', input: hex('30 80 00 01 05 00 00'), expected: [['length.indefinite', 0], ['form', 2]] },
    ],
    good: [
      { name: 'constructed SEQUENCE, SET; primitive OCTET STRING', input: hex('30 06 31 00 04 02 00 00'), expected: [] },
      { name: 'constructed context tag', input: hex('a0 03 02 01 00'), expected: [] },
    ],
  },
  'default-encoded': {
    bad: [
      { name: 'extension critical FALSE encoded', input: certCriticalFalse, cert: true, expected: [['default-encoded', indexOfBytes(certCriticalFalse, extCriticalFalse) + 7]] },
      { name: 'basicConstraints cA FALSE encoded', input: certBcFalse, cert: true, expected: [['default-encoded', indexOfBytes(certBcFalse, bcFalseValue) + 2]] },
      { name: 'version [0] INTEGER 0 encoded', input: certV1Explicit, cert: true, expected: [['default-encoded', indexOfBytes(certV1Explicit, versionZero)]] },
    ],
    good: [
      { name: 'critical TRUE, cA TRUE, version v3', input: certificate(), cert: true, expected: [] },
      { name: 'critical omitted, version omitted', input: certificate(tbsCertificate({ version: null, extensions: [extension('2.5.29.19', seq())] })), cert: true, expected: [] },
    ],
  },
  'trailing-bytes': {
    bad: [
      { name: 'one byte after the element', input: hex('02 01 05 00'), expected: [['trailing-bytes', 3]] },
      { name: 'a second element after a SEQUENCE', input: hex('30 03 02 01 05 30 00'), expected: [['trailing-bytes', 5]] },
    ],
    good: [{ name: 'exactly one element', input: hex('30 03 02 01 05'), expected: [] }],
  },
  depth: {
    bad: [
      // The 65th level (depth 64) is the first not read.
      { name: '65 nested SEQUENCEs', input: nestDefinite(65).bytes, expected: [['depth', nestDefinite(65).offsets[64]]] },
      { name: '100 nested SEQUENCEs', input: nestDefinite(100).bytes, expected: [['depth', nestDefinite(100).offsets[64]]] },
    ],
    good: [{ name: '64 nested SEQUENCEs', input: nestDefinite(64).bytes, expected: [] }],
  },
};

describe('parseDer: every violation kind', () => {
  it('has bad and good cases for every kind in DER_VIOLATION_KINDS', () => {
    expect(Object.keys(CASES).sort()).toEqual([...DER_VIOLATION_KINDS].sort());
    for (const kind of DER_VIOLATION_KINDS) {
      expect(CASES[kind].bad.length, kind).toBeGreaterThan(0);
      expect(CASES[kind].good.length, kind).toBeGreaterThan(0);
      // Every kind has a bad case producing exactly that one violation, and a clean near miss.
      expect(CASES[kind].bad.some((c) => c.expected.length === 1 && c.expected[0][0] === kind), kind).toBe(true);
      expect(CASES[kind].good.some((c) => c.expected.length === 0), kind).toBe(true);
    }
  });

  for (const kind of DER_VIOLATION_KINDS) {
    describe(kind, () => {
      for (const c of CASES[kind].bad) {
        it(`reports: ${c.name}`, () => {
          const vs = violationsOf(c);
          expect(pairs(vs)).toEqual(c.expected);
          for (const v of vs) expect(v.message.length).toBeGreaterThan(10);
        });
      }
      for (const c of CASES[kind].good) {
        it(`accepts: ${c.name}`, () => {
          expect(pairs(violationsOf(c))).toEqual(c.expected);
        });
      }
    });
  }
});

describe('parseDer: tree shape', () => {
  it('builds a definite tree with offsets, header lengths and ends', () => {
    const r = parseDer(hex('30 08 02 01 05 04 03 01 02 03'));
    expect(r.violations).toEqual([]);
    expect(r.incomplete).toBe(false);
    const root = r.root!;
    expect([root.tagClass, root.constructed, root.tagNumber, root.offset, root.headerLength, root.end]).toEqual([0, true, 16, 0, 2, 10]);
    expect(root.children!.map((k) => [k.tagNumber, k.offset, k.valueOffset, k.length, k.end, k.children])).toEqual([
      [2, 2, 4, 1, 5, null],
      [4, 5, 7, 3, 10, null],
    ]);
  });

  it('reads tag classes and high tag numbers', () => {
    const r = parseDer(hex('30 0b 41 00 a2 00 df 81 00 00 9f 1f 00'));
    expect(r.violations).toEqual([]);
    expect(r.root!.children!.map((k) => [k.tagClass, k.constructed, k.tagNumber, k.headerLength])).toEqual([
      [1, false, 1, 2],
      [2, true, 2, 2],
      [3, false, 128, 4],
      [2, false, 31, 3],
    ]);
  });

  it('long-form header lengths are counted in headerLength', () => {
    const r = parseDer(VALID_256);
    expect(r.root!.headerLength).toBe(4);
    expect(r.root!.length).toBe(256);
    expect(r.root!.end).toBe(260);
  });

  it('indefinite length with EOC: children present, end after the EOC', () => {
    const r = parseDer(hex('30 80 02 01 05 30 80 01 01 ff 00 00 00 00'));
    expect(pairs(r.violations)).toEqual([
      ['length.indefinite', 0],
      ['length.indefinite', 5],
    ]);
    expect(r.incomplete).toBe(false);
    const root = r.root!;
    expect(root.end).toBe(14);
    expect(root.headerLength).toBe(2);
    expect(root.children!.map((k) => k.tagNumber)).toEqual([2, 16]);
    const inner = root.children![1];
    expect(inner.offset).toBe(5);
    expect(inner.end).toBe(12);
    expect(inner.children!.map((k) => [k.tagNumber, k.offset, k.end])).toEqual([[1, 7, 10]]);
  });

  it('indefinite length followed by trailing bytes reports them after the EOC', () => {
    const r = parseDer(hex('30 80 05 00 00 00 ff'));
    expect(pairs(r.violations)).toEqual([
      ['length.indefinite', 0],
      ['trailing-bytes', 6],
    ]);
    expect(r.root!.end).toBe(6);
  });

  it('indefinite length with a missing EOC: truncated, tree kept, incomplete', () => {
    const r = parseDer(hex('30 80 02 01 05 02 01 06'));
    expect(r.incomplete).toBe(true);
    expect(r.root!.children!.length).toBe(2);
    expect(r.root!.end).toBe(8);
  });

  it('indefinite length on a primitive stops the reader', () => {
    const r = parseDer(hex('30 06 04 80 01 00 00 00'));
    expect(pairs(r.violations)).toEqual([
      ['length.indefinite', 2],
      ['length.invalid', 2],
    ]);
    expect(r.incomplete).toBe(true);
    expect(r.root!.children).toEqual([]);
  });

  it('truncated content is reported once, the tree is clamped and incomplete', () => {
    const input = hex('30 06 04 05 01 02');
    const r = parseDer(input);
    expect(pairs(r.violations)).toEqual([['truncated', 0]]);
    expect(r.incomplete).toBe(true);
    const root = r.root!;
    expect(root.end).toBe(6);
    expect(root.children!.length).toBe(1);
    const child = root.children![0];
    expect([child.offset, child.valueOffset, child.end, child.length]).toEqual([2, 4, 6, 2]);
  });

  it('truncation is reported once even when the clamped end cuts a child header', () => {
    // The SEQUENCE declares 6 octets but 4 remain; the second INTEGER's length octet is missing.
    const r = parseDer(hex('30 06 02 01 05 02'));
    expect(pairs(r.violations)).toEqual([['truncated', 0]]);
    expect(r.incomplete).toBe(true);
    expect(r.root!.children!.length).toBe(1);
  });

  it('a truncated 4-octet length of 0x7FFFFFFF is clamped and does not allocate', () => {
    const r = parseDer(hex('04 84 7f ff ff ff 01 02 03'));
    expect(pairs(r.violations)).toEqual([['truncated', 0]]);
    expect(r.root!.end).toBe(9);
    expect(r.incomplete).toBe(true);
  });

  it('a 4-octet length (16 MiB content) is accepted', () => {
    const big = new Uint8Array(6 + 0x1000000);
    big.set([0x04, 0x84, 0x01, 0x00, 0x00, 0x00]);
    const r = parseDer(big);
    expect(r.violations).toEqual([]);
    expect(r.root!.length).toBe(0x1000000);
  });

  it('empty input has no root', () => {
    const r = parseDer(new Uint8Array(0));
    expect(r.root).toBeNull();
    expect(r.incomplete).toBe(true);
  });

  it('a complete valid input is not incomplete', () => {
    expect(parseDer(hex('30 03 02 01 05')).incomplete).toBe(false);
  });

  it('reportTrailing: false suppresses trailing-bytes only', () => {
    expect(parseDer(hex('02 01 05 00'), 0, 4, { reportTrailing: false }).violations).toEqual([]);
    expect(pairs(parseDer(hex('01 01 01 00'), 0, 4, { reportTrailing: false }).violations)).toEqual([['boolean.invalid', 0]]);
  });
});

describe('parseDer: many children', () => {
  it('a SEQUENCE of 1,024 and of 5,000 INTEGERs (children copied, then sliced) has every child in order, nested ones too', () => {
    for (const n of [1024, 1025, 5000]) {
      const ints = Array.from({ length: n }, (_, i) => [0x02, 0x01, i & 0x7f]);
      const bytes = tlv(0x30, ...ints.map((x) => Uint8Array.from(x)), [0x30, 0x03, 0x02, 0x01, 0x07]);
      const r = parseDer(bytes);
      expect(r.violations).toEqual([]);
      const root = r.root!;
      const kids = root.children!;
      expect(kids).toHaveLength(n + 1);
      expect(kids.every((k, i) => k.offset === root.valueOffset + 3 * i)).toBe(true);
      expect(kids.slice(0, n).every((k, i) => k.is(2) && k.children === null && bytes[k.valueOffset] === (i & 0x7f))).toBe(true);
      expect(kids[n].children!.map((k) => [k.tagNumber, k.offset])).toEqual([[2, root.valueOffset + 3 * n + 2]]);
    }
  });
});

describe('parseDer: depth', () => {
  it('100 nested SEQUENCEs: one depth violation, the deep node has no children', () => {
    const { bytes, offsets } = nestDefinite(100);
    const r = parseDer(bytes);
    expect(pairs(r.violations)).toEqual([['depth', offsets[64]]]);
    expect(r.incomplete).toBe(true);
    let node: DerNode = r.root!;
    for (let d = 0; d < 64; d++) {
      expect(node.offset).toBe(offsets[d]);
      node = node.children![0];
    }
    expect(node.offset).toBe(offsets[64]);
    expect(node.children).toBeNull();
    expect(r.root!.end).toBe(bytes.length);
  });

  it('maxDepth option lowers the limit', () => {
    const { bytes, offsets } = nestDefinite(5);
    expect(pairs(parseDer(bytes, 0, bytes.length, { maxDepth: 2 }).violations)).toEqual([['depth', offsets[2]]]);
    expect(parseDer(bytes, 0, bytes.length, { maxDepth: 5 }).violations).toEqual([]);
  });

  it('100000 nested indefinite SEQUENCEs do not throw', () => {
    const n = 100_000;
    const bytes = new Uint8Array(n * 4);
    for (let i = 0; i < n; i++) {
      bytes[2 * i] = 0x30;
      bytes[2 * i + 1] = 0x80;
    }
    const r = parseDer(bytes);
    expect(r.violations.filter((v) => v.kind === 'depth').map((v) => v.offset)).toEqual([128]);
    expect(r.incomplete).toBe(true);
  });

  it('100000 nested indefinite SEQUENCEs without a depth limit are read iteratively', () => {
    const n = 100_000;
    const bytes = new Uint8Array(n * 4);
    for (let i = 0; i < n; i++) {
      bytes[2 * i] = 0x30;
      bytes[2 * i + 1] = 0x80;
    }
    const r = parseDer(bytes, 0, bytes.length, { maxDepth: Infinity });
    expect(r.violations.length).toBe(n);
    expect(r.violations.every((v) => v.kind === 'length.indefinite')).toBe(true);
    expect(r.incomplete).toBe(false);
    expect(r.root!.end).toBe(bytes.length);
    let node = r.root!;
    let depth = 0;
    while (node.children!.length > 0) {
      node = node.children![0];
      depth++;
    }
    expect(depth).toBe(n - 1);
    expect(node.offset).toBe(2 * (n - 1));
    expect(node.end).toBe(2 * n + 2);
  });
});

describe('parseDer: sub-ranges give absolute offsets', () => {
  const bytes = hex('ff ff 30 81 03 02 01 05 ee');

  it('parses bytes[start, end) with absolute offsets', () => {
    const r = parseDer(bytes, 2, 8);
    expect(pairs(r.violations)).toEqual([['length.non-minimal', 2]]);
    expect(r.root!.offset).toBe(2);
    expect(r.root!.headerLength).toBe(3);
    expect(r.root!.end).toBe(8);
    expect(r.root!.children![0].offset).toBe(5);
    expect(r.root!.children![0].valueOffset).toBe(7);
  });

  it('trailing bytes are those before `end`, reported at an absolute offset', () => {
    expect(pairs(parseDer(bytes, 2, 9).violations)).toEqual([
      ['length.non-minimal', 2],
      ['trailing-bytes', 8],
    ]);
  });

  it('truncation is measured against `end`, not the buffer', () => {
    const b = hex('ff ff 30 06 02 01 05 04 01 06');
    expect(parseDer(b, 2).violations).toEqual([]);
    const r = parseDer(b, 2, 9);
    expect(pairs(r.violations)).toEqual([['truncated', 2]]);
    expect(r.root!.end).toBe(9);
    expect(r.root!.children!.map((k) => [k.offset, k.end])).toEqual([
      [4, 7],
      [7, 9],
    ]);
    expect(r.incomplete).toBe(true);
  });

  it('an empty range is truncated at `start`', () => {
    expect(pairs(parseDer(bytes, 4, 4).violations)).toEqual([['truncated', 4]]);
  });

  it('content checks report absolute offsets inside a sub-range', () => {
    const b = cat([0xaa, 0xbb, 0xcc], seq(tlv(0x13, ascii('A@'))));
    expect(pairs(parseDer(b, 3).violations)).toEqual([['string.printable', 8]]);
  });
});
