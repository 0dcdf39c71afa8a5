import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeInteger,
  decodeOid,
  decodeSmallInteger,
  decodeString,
  decodeTime,
  describeOid,
  latin1,
  oidName,
  oidOf,
  parseDer,
  stringTypeOf,
  toHex,
} from '../src/der/index.js';
import type { DerNode } from '../src/der/index.js';
import {
  bmp,
  cat,
  genTime,
  hex,
  ia5,
  int,
  intContent,
  numeric,
  oid,
  oidContent,
  printable,
  teletex,
  tlv,
  universal,
  utcTime,
  utf8,
  visible,
} from './helpers/der-builder.js';

const rootOf = (bytes: Uint8Array): DerNode => {
  const r = parseDer(bytes);
  expect(r.root).not.toBeNull();
  return r.root!;
};

const oidText = (content: Uint8Array | number[]) => {
  const b = Uint8Array.from(content);
  return decodeOid(b, 0, b.length);
};

describe('decodeOid', () => {
  it.each([
    '1.2.840.10045.2.1',
    '1.2.840.10045.4.3.2',
    '1.2.840.10045.3.1.7',
    '1.3.132.0.34',
    '2.5.29.19',
    '2.5.4.3',
    '0.9.2342.19200300.100.1.25',
    '1.3.6.1.5.5.7.8.4',
    '1.2.826.0.1.8641679.1.2.1.1',
    '0.0',
    '0.39',
    '1.0',
    '1.39',
    '2.0',
    '2.39',
  ])('round-trips %s', (text) => {
    expect(oidText(oidContent(text))).toBe(text);
  });

  it('reads known encodings byte for byte', () => {
    expect(oidText(hex('2a 86 48 ce 3d 02 01'))).toBe('1.2.840.10045.2.1');
    expect(oidText(hex('55 1d 13'))).toBe('2.5.29.19');
    expect(oidText(hex('2b 81 04 00 22'))).toBe('1.3.132.0.34');
  });

  it('first arc 2 with a second arc of 40 or more', () => {
    expect(oidText(hex('78'))).toBe('2.40');
    expect(oidText(hex('7f'))).toBe('2.47');
    expect(oidText(hex('81 00'))).toBe('2.48');
    expect(oidText(hex('88 37 03'))).toBe('2.999.3');
    expect(oidText(oidContent('2.100000.1'))).toBe('2.100000.1');
  });

  it('arcs around 2^32 and 2^53 keep every digit', () => {
    for (const arc of [
      '4294967295',
      '4294967296',
      '9007199254740991', // 2^53 - 1
      '9007199254740992', // 2^53
      '9007199254740993', // 2^53 + 1
      '72057594037927935', // 2^56 - 1
      '18446744073709551617', // 2^64 + 1
      '340282366920938463463374607431768211457', // 2^128 + 1
    ]) {
      expect(oidText(oidContent(`1.2.${arc}.5`)), arc).toBe(`1.2.${arc}.5`);
    }
  });

  it('arcs just above 2^46 (where value * 128 leaves the safe-integer range)', () => {
    // 2^46 + 1 shifted by one more septet: 2^53 + 129
    const arc = (2n ** 46n + 1n) * 128n + 1n;
    expect(oidText(oidContent(`1.2.${arc}`))).toBe(`1.2.${arc}`);
  });

  it('a big first subidentifier (2.x with x > 2^53)', () => {
    const x = 2n ** 60n + 7n;
    expect(oidText(oidContent(`2.${x}.1`))).toBe(`2.${x}.1`);
  });

  it('an arc of more than 140 bits is written in hex (a UUID arc of 128 bits stays decimal)', () => {
    const uuid = 2n ** 128n - 1n;
    expect(oidText(oidContent(`2.25.${uuid}`))).toBe(`2.25.${uuid}`);
    const long = 2n ** 200n + 3n;
    expect(oidText(oidContent(`1.2.${long}.7`))).toBe(`1.2.0x${long.toString(16)}.7`);
    expect(oidText(oidContent(`2.${long}`))).toBe(`2.0x${(long).toString(16)}`);
  });

  it('a hostile arc of a hundred thousand octets reads in one pass (no decimal conversion)', () => {
    const octets = new Uint8Array(100_000).fill(0xff);
    octets[octets.length - 1] = 0x7f;
    const text = oidText(cat([0x2a], octets));
    // 100,000 septets of ones: 700,000 one-bits, 175,000 hex digits.
    expect(text).toBe(`1.2.0x${'f'.repeat(175_000)}`);
  });

  it('decodes an OID at an offset inside a larger buffer', () => {
    const b = cat([0xff, 0xff], oidContent('2.5.29.15'), [0xff]);
    expect(decodeOid(b, 2, b.length - 1)).toBe('2.5.29.15');
  });

  it('oidOf reads an OBJECT IDENTIFIER node', () => {
    const b = cat([0x30, 0x05], oid('2.5.29.17'));
    const r = parseDer(b);
    expect(oidOf(b, r.root!.children![0])).toBe('2.5.29.17');
  });

  it('long OIDs (over 32 octets, not cached) decode', () => {
    const text = '1.2.' + Array.from({ length: 20 }, (_, i) => 100000 + i).join('.');
    expect(oidContent(text).length).toBeGreaterThan(32);
    expect(oidText(oidContent(text))).toBe(text);
    expect(oidText(oidContent(text))).toBe(text);
  });

  it('an empty OID decodes to the empty string; a cut-off last arc is dropped', () => {
    expect(oidText([])).toBe('');
    expect(oidText(hex('2a 86'))).toBe('1.2');
  });

  describe('cache', () => {
    it('returns the right text for different OIDs of equal length', () => {
      const a = oidContent('1.2.3.4');
      const b = oidContent('1.2.3.5');
      const c = oidContent('1.2.4.4');
      expect(a.length).toBe(b.length);
      for (let round = 0; round < 3; round++) {
        expect(oidText(a)).toBe('1.2.3.4');
        expect(oidText(b)).toBe('1.2.3.5');
        expect(oidText(c)).toBe('1.2.4.4');
      }
    });

    it('returns the right text for two OIDs whose cache hashes collide', () => {
      // These two 6-octet encodings have the same 32-bit FNV-1a hash.
      const a = [0x2a, 45, 25, 14, 57, 25];
      const b = [0x2a, 4, 19, 78, 91, 112];
      for (let round = 0; round < 3; round++) {
        expect(oidText(a)).toBe('1.2.45.25.14.57.25');
        expect(oidText(b)).toBe('1.2.4.19.78.91.112');
      }
    });

    it('does not confuse a cached OID with a longer one sharing its prefix', () => {
      expect(oidText(oidContent('2.5.29'))).toBe('2.5.29');
      expect(oidText(oidContent('2.5.29.1'))).toBe('2.5.29.1');
      expect(oidText(oidContent('2.5.29'))).toBe('2.5.29');
    });

    it('stays right when more distinct OIDs pass than the cache has slots (a hostile input of thousands)', () => {
      const texts = Array.from({ length: 5000 }, (_, i) => `1.2.826.0.1.${i}.${i % 7}`);
      for (let round = 0; round < 2; round++) for (const text of texts) expect(oidText(oidContent(text))).toBe(text);
    });

    it('returns the same text regardless of where the octets sit in the buffer', () => {
      const content = oidContent('1.3.6.1.5.5.7.3.2');
      const b = cat(content, [0x00], content);
      expect(decodeOid(b, 0, content.length)).toBe('1.3.6.1.5.5.7.3.2');
      expect(decodeOid(b, content.length + 1, b.length)).toBe('1.3.6.1.5.5.7.3.2');
      b[b.length - 1] = 0x01; // the cached octets were copied, not referenced
      expect(decodeOid(b, content.length + 1, b.length)).toBe('1.3.6.1.5.5.7.3.1');
      expect(decodeOid(b, 0, content.length)).toBe('1.3.6.1.5.5.7.3.2');
    });
  });

  it('oidName and describeOid name known OIDs only', () => {
    expect(oidName('2.5.29.19')).toBe('basicConstraints');
    expect(oidName('1.2.3')).toBeUndefined();
    expect(describeOid('2.5.4.3')).toBe('CN (2.5.4.3)');
    expect(describeOid('1.2.3')).toBe('1.2.3');
  });
});

describe('decodeInteger', () => {
  const dec = (content: Uint8Array | number[]) => {
    const b = Uint8Array.from(content);
    return decodeInteger(b, 0, b.length);
  };

  it.each([
    [[0x00], 0n],
    [[0x01], 1n],
    [[0x7f], 127n],
    [[0x00, 0x80], 128n],
    [[0x12, 0x34], 0x1234n],
    [[0xff], -1n],
    [[0x80], -128n],
    [[0xff, 0x7f], -129n],
    [[0x80, 0x00], -32768n],
  ] as Array<[number[], bigint]>)('%j -> %s', (content, value) => {
    expect(dec(content)).toBe(value);
  });

  it('20-octet positive and negative serials', () => {
    const pos = cat([0x7f], new Uint8Array(19).fill(0xff));
    expect(dec(pos)).toBe(2n ** 159n - 1n);
    const neg = cat([0x80], new Uint8Array(19));
    expect(dec(neg)).toBe(-(2n ** 159n));
    const serial = hex('5a 17 00 ff 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f');
    expect(dec(serial)).toBe(BigInt('0x' + toHex(serial)));
  });

  it('round-trips random values through the builder encoding', () => {
    for (const v of [0n, 1n, -1n, 255n, 256n, -256n, -257n, 2n ** 64n, -(2n ** 64n) - 1n, 123456789012345678901234567890n]) {
      expect(dec(intContent(v))).toBe(v);
    }
  });

  it('reads every length from 1 to 160 octets (stepwise up to 64, from hex above) as the two\'s-complement value of its hex', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 160, size: 'max' }), (content) => {
        const unsigned = BigInt('0x' + toHex(content));
        expect(dec(content)).toBe(content[0] & 0x80 ? unsigned - (1n << BigInt(content.length * 8)) : unsigned);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads at an offset; an empty range is 0', () => {
    const b = cat([0xaa], int(-2));
    expect(decodeInteger(b, 3, 4)).toBe(-2n);
    expect(decodeInteger(b, 3, 3)).toBe(0n);
  });

  it('decodeSmallInteger: small values, negatives, NaN when too long or empty', () => {
    const ds = (content: number[]) => decodeSmallInteger(Uint8Array.from(content), 0, content.length);
    expect(ds([0x02])).toBe(2);
    expect(ds([0x00, 0xff])).toBe(255);
    expect(ds([0xff])).toBe(-1);
    expect(ds([0x01, 0x00, 0x00, 0x00, 0x00, 0x00])).toBe(2 ** 40);
    expect(ds([0x01, 0, 0, 0, 0, 0, 0])).toBeNaN();
    expect(ds([])).toBeNaN();
  });
});

describe('decodeTime', () => {
  const utc = (s: string) => {
    const b = utcTime(s);
    return decodeTime(b, rootOf(b));
  };
  const gen = (s: string) => {
    const b = genTime(s);
    return decodeTime(b, rootOf(b));
  };

  it('UTCTime 49/50 pivot', () => {
    expect(utc('491231235959Z')).toEqual({ encoding: 'UTCTime', text: '491231235959Z', ms: Date.UTC(2049, 11, 31, 23, 59, 59) });
    expect(utc('500101000000Z')).toEqual({ encoding: 'UTCTime', text: '500101000000Z', ms: Date.UTC(1950, 0, 1, 0, 0, 0) });
    expect(utc('000101000000Z').ms).toBe(Date.UTC(2000, 0, 1));
    expect(utc('991231235959Z').ms).toBe(Date.UTC(1999, 11, 31, 23, 59, 59));
  });

  it('GeneralizedTime including 9999', () => {
    expect(gen('99991231235959Z')).toEqual({ encoding: 'GeneralizedTime', text: '99991231235959Z', ms: Date.UTC(9999, 11, 31, 23, 59, 59) });
    expect(gen('99991231235959Z').ms).toBe(253402300799000);
    expect(gen('20500101000000Z').ms).toBe(Date.UTC(2050, 0, 1));
    expect(gen('19491231235959Z').ms).toBe(Date.UTC(1949, 11, 31, 23, 59, 59));
  });

  it('every GeneralizedTime from year 0 to 9999 is the instant Date gives, years below 100 included', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    fc.assert(
      fc.property(fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (date) => {
        const t = new Date(Math.floor(date.getTime() / 1000) * 1000);
        const text = `${pad(t.getUTCFullYear(), 4)}${pad(t.getUTCMonth() + 1, 2)}${pad(t.getUTCDate(), 2)}${pad(t.getUTCHours(), 2)}${pad(t.getUTCMinutes(), 2)}${pad(t.getUTCSeconds(), 2)}Z`;
        expect(gen(text).ms, text).toBe(t.getTime());
      }),
      { numRuns: 3000 },
    );
    // Date.UTC would read year 50 as 1950.
    expect(new Date(gen('00500301120000Z').ms!).toISOString()).toBe('0050-03-01T12:00:00.000Z');
    expect(new Date(gen('00000229000000Z').ms!).toISOString()).toBe('0000-02-29T00:00:00.000Z');
    expect(gen('00500301120000.9999Z').ms).toBe(gen('00500301120000Z').ms! + 999);
  });

  it('reads at the node offset inside a larger buffer', () => {
    const b = cat([0x30, 0x0f], utcTime('240229120000Z'));
    const node = parseDer(b).root!.children![0];
    expect(decodeTime(b, node)).toEqual({ encoding: 'UTCTime', text: '240229120000Z', ms: Date.UTC(2024, 1, 29, 12) });
  });

  describe('lenient forms still give a time', () => {
    it('UTCTime without seconds', () => expect(utc('2301011230Z').ms).toBe(Date.UTC(2023, 0, 1, 12, 30)));
    it('UTCTime with +0100', () => expect(utc('230101120000+0100').ms).toBe(Date.UTC(2023, 0, 1, 11, 0, 0)));
    it('UTCTime with -0130', () => expect(utc('230101120000-0130').ms).toBe(Date.UTC(2023, 0, 1, 13, 30, 0)));
    it('UTCTime with +0000', () => expect(utc('230101120000+0000').ms).toBe(Date.UTC(2023, 0, 1, 12)));
    it('UTCTime without seconds, with offset', () => expect(utc('2301011200+0200').ms).toBe(Date.UTC(2023, 0, 1, 10)));
    it('GeneralizedTime with a fraction', () => expect(gen('20230101000000.5Z').ms).toBe(Date.UTC(2023, 0, 1, 0, 0, 0, 500)));
    it('GeneralizedTime with a comma fraction', () => expect(gen('20230101000000,25Z').ms).toBe(Date.UTC(2023, 0, 1, 0, 0, 0, 250)));
    it('GeneralizedTime without Z', () => expect(gen('20230101000000').ms).toBe(Date.UTC(2023, 0, 1)));
    it('GeneralizedTime without seconds', () => expect(gen('202301011230Z').ms).toBe(Date.UTC(2023, 0, 1, 12, 30)));
    it('GeneralizedTime with an offset', () => expect(gen('20230101000000-0500').ms).toBe(Date.UTC(2023, 0, 1, 5)));
    it('keeps the text as encoded', () => expect(gen('20230101000000.5Z').text).toBe('20230101000000.5Z'));
  });

  it('impossible calendar dates give ms null rather than a rolled-over date', () => {
    // DecodedTime.ms is documented as null "when the text is not a readable time".
    expect(utc('230231000000Z').ms).toBeNull(); // 31 February
    expect(utc('230431000000Z').ms).toBeNull(); // 31 April
    expect(gen('20230229000000Z').ms).toBeNull(); // 29 February in a common year
    expect(utc('240229000000Z').ms).toBe(Date.UTC(2024, 1, 29)); // leap day stays readable
  });

  it('unreadable times give ms null', () => {
    expect(utc('not a time').ms).toBeNull();
    expect(utc('231301000000Z').ms).toBeNull();
    expect(utc('230101250000Z').ms).toBeNull();
    expect(utc('').ms).toBeNull();
    expect(gen('2023').ms).toBeNull();
    expect(gen('20231301000000Z').ms).toBeNull();
  });
});

describe('decodeString and stringTypeOf', () => {
  const cases: Array<[string, Uint8Array, string, string]> = [
    ['UTF8String ASCII', utf8('Z1 ABC'), 'UTF8String', 'Z1 ABC'],
    ['UTF8String multi-byte', utf8('é€😀'), 'UTF8String', 'é€😀'],
    ['PrintableString', printable("A1 '()+,-./:=?"), 'PrintableString', "A1 '()+,-./:=?"],
    ['IA5String', ia5('a@b.example'), 'IA5String', 'a@b.example'],
    ['NumericString', numeric('0123 456'), 'NumericString', '0123 456'],
    ['VisibleString', visible('~Visible!'), 'VisibleString', '~Visible!'],
    ['TeletexString (Latin-1)', tlv(0x14, [0x43, 0xe9]), 'TeletexString', 'Cé'],
    ['TeletexString ASCII', teletex('T61'), 'TeletexString', 'T61'],
    ['BMPString', bmp('Aé€'), 'BMPString', 'Aé€'],
    ['UniversalString', universal('A😀'), 'UniversalString', 'A😀'],
  ];

  it.each(cases)('%s', (_label, bytes, type, text) => {
    const node = rootOf(bytes);
    expect(stringTypeOf(node)).toBe(type);
    expect(decodeString(bytes, node)).toBe(text);
  });

  it('invalid UTF-8 becomes U+FFFD rather than throwing', () => {
    const b = tlv(0x0c, [0x41, 0xc3, 0x28]);
    expect(decodeString(b, rootOf(b))).toBe('A\ufffd(');
  });

  it('IA5String with an 8-bit octet is read as Latin-1', () => {
    const b = tlv(0x16, [0x41, 0xe9]);
    expect(decodeString(b, rootOf(b))).toBe('Aé');
  });

  it('odd BMPString ignores the dangling octet; UniversalString above U+10FFFF is U+FFFD', () => {
    const b = tlv(0x1e, [0x00, 0x41, 0x00]);
    expect(decodeString(b, rootOf(b))).toBe('A');
    const u = tlv(0x1c, [0x00, 0x11, 0x00, 0x00, 0x00, 0x00, 0x00, 0x42]);
    expect(decodeString(u, rootOf(u))).toBe('\ufffdB');
  });

  it('a lone surrogate in a BMPString or UniversalString becomes U+FFFD; a BMPString surrogate pair is kept', () => {
    const lone = tlv(0x1e, [0x00, 0x41, 0xd8, 0x00, 0x00, 0x42, 0xdc, 0x00]);
    expect(decodeString(lone, rootOf(lone))).toBe('A\ufffdB\ufffd');
    const pair = tlv(0x1e, [0xd8, 0x3d, 0xde, 0x00]);
    expect(decodeString(pair, rootOf(pair))).toBe('\u{1f600}');
    const universal = tlv(0x1c, [0x00, 0x00, 0xd8, 0x00, 0x00, 0x00, 0x00, 0x42]);
    expect(decodeString(universal, rootOf(universal))).toBe('\ufffdB');
  });

  it('is not a string type: INTEGER, OID, constructed UTF8String, context tags', () => {
    expect(stringTypeOf(rootOf(int(5)))).toBeUndefined();
    expect(stringTypeOf(rootOf(oid('1.2.3')))).toBeUndefined();
    expect(stringTypeOf(rootOf(hex('2c 03 0c 01 41')))).toBeUndefined();
    expect(stringTypeOf(rootOf(hex('8c 01 41')))).toBeUndefined();
  });

  it('reads a string node at an offset', () => {
    const b = cat([0x30, 0x09], utf8('abc'), printable('de'));
    const [x, y] = parseDer(b).root!.children!;
    expect(decodeString(b, x)).toBe('abc');
    expect(decodeString(b, y)).toBe('de');
  });
});

describe('toHex and latin1', () => {
  it('toHex with and without separator', () => {
    expect(toHex(hex('00 0a ff'))).toBe('000aff');
    expect(toHex(hex('00 0a ff'), ':')).toBe('00:0a:ff');
    expect(toHex(new Uint8Array(0))).toBe('');
  });

  it('latin1 reads a range', () => {
    expect(latin1(Uint8Array.from([0x41, 0x42, 0xe9, 0x43]), 1, 3)).toBe('Bé');
  });

  it('latin1 gives one character per octet for every length and start (it reads eight at a time)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40, size: 'max' }), fc.nat(40), fc.nat(40), (bytes, a, b) => {
        const start = Math.min(a, bytes.length);
        const end = Math.max(start, Math.min(b, bytes.length));
        const expected = Array.from(bytes.subarray(start, end), (octet) => String.fromCharCode(octet)).join('');
        expect(latin1(bytes, start, end)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
