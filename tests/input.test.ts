import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBase64 } from '../src/input/base64.js';
import { decodeHex } from '../src/input/hex.js';
import { detectItems, type DetectedInput } from '../src/input/index.js';
import {
  CERTIFICATE_EXTENSIONS,
  UsageError,
  expandInputs,
  readFileSource,
  readSource,
  readSources,
  type Source,
} from '../src/input/node.js';
import { osReason } from '../src/input/os-error.js';

// ---------------------------------------------------------------------------------------------
// Fixture builders: certificate-shaped bytes are enough here (later stages check the DER).

/** Deterministic bytes shaped like a DER SEQUENCE with a two-byte length: 30 82 hi lo ... */
function derLike(contentLength: number, seed = 1): Uint8Array {
  const out = new Uint8Array(4 + contentLength);
  out.set([0x30, 0x82, contentLength >> 8, contentLength & 0xff]);
  let x = seed * 2654435761;
  for (let i = 4; i < out.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 16;
  }
  return out;
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  return lines;
}

function pemEncode(der: Uint8Array, label = 'CERTIFICATE', width = 64, eol = '\n'): string {
  const body = width > 0 ? wrap(base64(der), width) : [base64(der)];
  return [`-----BEGIN ${label}-----`, ...body, `-----END ${label}-----`, ''].join(eol);
}

function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function detect(text: string): DetectedInput {
  return detectItems(bytesOf(text));
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/** The outcome of every index, in order: 'item:<encoding>' or 'problem:<kind>'. */
function outcomes(result: DetectedInput): string[] {
  const all = [
    ...result.items.map((item) => ({ index: item.index, what: `item:${item.encoding}` })),
    ...result.problems.map((problem) => ({ index: problem.index, what: `problem:${problem.kind}` })),
  ].sort((a, b) => a.index - b.index);
  expect(all.map((entry) => entry.index)).toEqual(all.map((_, i) => i));
  return all.map((entry) => entry.what);
}

function onlyProblem(result: DetectedInput) {
  expect(result.items).toEqual([]);
  expect(result.problems).toHaveLength(1);
  return result.problems[0];
}

const CERT_A = derLike(300, 1);
const CERT_B = derLike(500, 2);
const CERT_C = derLike(130, 3);

// ---------------------------------------------------------------------------------------------

describe('detectItems: PEM', () => {
  it('reads one block', () => {
    const result = detect(pemEncode(CERT_A));
    expect(result.problems).toEqual([]);
    expect(result.items).toHaveLength(1);
    expect(result.items[0]).toMatchObject({ index: 0, encoding: 'pem', label: 'CERTIFICATE', line: 1 });
    expect(hex(result.items[0].der)).toBe(hex(CERT_A));
  });

  it('decodes into a copy of its own: no view of the input, never overwritten by a later decode', () => {
    const input = bytesOf(pemEncode(CERT_B));
    const der = detectItems(input).items[0].der;
    expect(der.length).toBe(CERT_B.length);
    expect(der.buffer).not.toBe(input.buffer);
    // Small items share a slab of 64 KB at most, so one kept item pins little memory.
    expect(der.buffer.byteLength).toBeLessThanOrEqual(64 * 1024);
    // A later decode must not overwrite an earlier item.
    const later = detectItems(bytesOf(pemEncode(CERT_C))).items[0].der;
    expect(hex(der)).toBe(hex(CERT_B));
    expect(hex(later)).toBe(hex(CERT_C));
  });

  it('gives a large item a buffer of its own, exactly sized, so it pins no slab', () => {
    const large = new Uint8Array(20_000).map((_, i) => (i * 7) & 0xff);
    const der = detectItems(bytesOf(pemEncode(large))).items[0].der;
    expect(der.byteOffset).toBe(0);
    expect(der.buffer.byteLength).toBe(large.length);
    expect(hex(der)).toBe(hex(large));
  });

  it('reads a bundle with openssl-style text before, between and after the blocks', () => {
    const text = [
      'Bag Attributes',
      '    localKeyID: 01 02 03',
      'subject=/OU=02/CN=Example',
      'issuer=/OU=07/CN=Z1',
      pemEncode(CERT_A).trimEnd(),
      'some notes between blocks -- with dashes ---- and more',
      '',
      pemEncode(CERT_B).trimEnd(),
      'trailing text',
    ].join('\n');
    const result = detect(text);
    expect(result.problems).toEqual([]);
    expect(result.items.map((item) => [item.index, item.line, hex(item.der)])).toEqual([
      [0, 5, hex(CERT_A)],
      [1, 5 + pemEncode(CERT_A).split('\n').length + 1, hex(CERT_B)],
    ]);
  });

  it('reads CRLF line endings', () => {
    const result = detect(pemEncode(CERT_A, 'CERTIFICATE', 64, '\r\n') + pemEncode(CERT_B, 'CERTIFICATE', 64, '\r\n'));
    expect(result.problems).toEqual([]);
    expect(result.items.map((item) => hex(item.der))).toEqual([hex(CERT_A), hex(CERT_B)]);
    expect(result.items[1].line).toBe(pemEncode(CERT_A).split('\n').length);
  });

  it.each([76, 64, 17, 4, 1])('reads base64 wrapped at %i characters', (width) => {
    const result = detect(pemEncode(CERT_B, 'CERTIFICATE', width));
    expect(hex(result.items[0].der)).toBe(hex(CERT_B));
  });

  it('reads one-line base64 inside the armour', () => {
    expect(hex(detect(pemEncode(CERT_B, 'CERTIFICATE', 0)).items[0].der)).toBe(hex(CERT_B));
  });

  it('reads a whole block on one line', () => {
    const text = `-----BEGIN CERTIFICATE-----${base64(CERT_A)}-----END CERTIFICATE-----`;
    expect(hex(detect(text).items[0].der)).toBe(hex(CERT_A));
  });

  it('tolerates indentation, trailing spaces and extra dashes around markers', () => {
    const text = ['  -----BEGIN CERTIFICATE-----  ', ...wrap(base64(CERT_C), 64).map((l) => `  ${l}  `), ' -----END CERTIFICATE-----', ''].join('\n');
    expect(hex(detect(text).items[0].der)).toBe(hex(CERT_C));
    const dashes = `------BEGIN CERTIFICATE-----\n${base64(CERT_C)}\n-----END CERTIFICATE-----\n`;
    expect(hex(detect(dashes).items[0].der)).toBe(hex(CERT_C));
  });

  it('skips RFC 1421 header lines before the base64', () => {
    const withBlank = [
      '-----BEGIN CERTIFICATE-----',
      'Proc-Type: 4,ENCRYPTED',
      'DEK-Info: DES-EDE3-CBC,0123456789ABCDEF',
      '  continued header value',
      '',
      ...wrap(base64(CERT_A), 64),
      '-----END CERTIFICATE-----',
    ].join('\n');
    expect(hex(detect(withBlank).items[0].der)).toBe(hex(CERT_A));
    const withoutBlank = ['-----BEGIN CERTIFICATE-----', 'Comment: made by hand', base64(CERT_A), '-----END CERTIFICATE-----'].join('\n');
    expect(hex(detect(withoutBlank).items[0].der)).toBe(hex(CERT_A));
  });

  it.each(['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST', 'PRIVATE KEY', 'X509 CRL', 'EC PRIVATE KEY'])(
    'keeps the label %s as an item',
    (label) => {
      const result = detect(`intro\n${pemEncode(CERT_C, label)}`);
      expect(result.problems).toEqual([]);
      expect(result.items[0]).toMatchObject({ label, encoding: 'pem', line: 2 });
      expect(hex(result.items[0].der)).toBe(hex(CERT_C));
    },
  );

  it('keeps a block whose bytes are not a SEQUENCE as an item (later stages judge it)', () => {
    const result = detect(pemEncode(new Uint8Array([1, 2, 3, 4, 5])));
    expect(hex(result.items[0].der)).toBe('0102030405');
  });

  it('reports bad base64 in the middle block and still reads the blocks after it', () => {
    const middle = pemEncode(CERT_B).replace(/\n(.{10})/, '\n$1!');
    const text = `header\n${pemEncode(CERT_A)}${middle}${pemEncode(CERT_C)}`;
    const result = detect(text);
    expect(outcomes(result)).toEqual(['item:pem', 'problem:invalid-encoding', 'item:pem']);
    expect(hex(result.items[1].der)).toBe(hex(CERT_C));
    const middleLine = 2 + pemEncode(CERT_A).split('\n').length - 1;
    expect(result.problems[0]).toMatchObject({ index: 1, line: middleLine, kind: 'invalid-encoding' });
    expect(result.problems[0].message).toBe(
      `PEM block 'CERTIFICATE' at line ${middleLine}: invalid base64 character '!' (line ${middleLine + 1}, column 11)`,
    );
  });

  it('reports a missing END line at the end of the input', () => {
    const text = pemEncode(CERT_A) + pemEncode(CERT_B).replace(/-----END[^\n]*\n/, '');
    const result = detect(text);
    expect(outcomes(result)).toEqual(['item:pem', 'problem:invalid-encoding']);
    const line = pemEncode(CERT_A).split('\n').length;
    expect(result.problems[0]).toMatchObject({ line, message: `PEM block 'CERTIFICATE' at line ${line} has no END line` });
  });

  it('reports a missing END line before the next BEGIN and reads that next block', () => {
    const broken = pemEncode(CERT_A).replace(/-----END[^\n]*\n/, '');
    const result = detect(broken + pemEncode(CERT_B));
    expect(outcomes(result)).toEqual(['problem:invalid-encoding', 'item:pem']);
    const next = broken.split('\n').length;
    expect(result.problems[0].message).toBe(`PEM block 'CERTIFICATE' at line 1 has no END line before the BEGIN line at line ${next}`);
    expect(result.items[0]).toMatchObject({ index: 1, line: next });
    expect(hex(result.items[0].der)).toBe(hex(CERT_B));
  });

  it('reports an END label that does not match the BEGIN label', () => {
    const text = pemEncode(CERT_A).replace('END CERTIFICATE', 'END X509 CRL') + pemEncode(CERT_C);
    const result = detect(text);
    expect(outcomes(result)).toEqual(['problem:invalid-encoding', 'item:pem']);
    expect(result.problems[0].message).toMatch(/^PEM block 'CERTIFICATE' at line 1 ends with a different label: 'END X509 CRL' at line \d+$/);
  });

  it('reports BEGIN and END lines that are not closed by dashes', () => {
    const begin = detect(`-----BEGIN CERTIFICATE\n${base64(CERT_A)}\n-----END CERTIFICATE-----\n${pemEncode(CERT_C)}`);
    expect(outcomes(begin)).toEqual(['problem:invalid-encoding', 'item:pem']);
    expect(begin.problems[0].message).toBe(`the BEGIN line at line 1 is not closed by '-----'`);
    const end = detect(`-----BEGIN CERTIFICATE-----\n${base64(CERT_A)}\n-----END CERTIFICATE\n${pemEncode(CERT_C)}`);
    expect(outcomes(end)).toEqual(['problem:invalid-encoding', 'item:pem']);
    expect(end.problems[0].message).toBe(`PEM block 'CERTIFICATE' at line 1: its END line at line 3 is not closed by '-----'`);
  });

  it('reports an empty block', () => {
    const problem = onlyProblem(detect('-----BEGIN CERTIFICATE-----\n\n-----END CERTIFICATE-----\n'));
    expect(problem).toMatchObject({ index: 0, line: 1, message: `PEM block 'CERTIFICATE' at line 1 holds no base64 data` });
  });

  it('reports bad padding and truncation with the block and line', () => {
    const b64 = base64(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05])); // 'MAMCAQU='
    expect(onlyProblem(detect(`-----BEGIN CERTIFICATE-----\n${b64.slice(0, -1)}\n-----END CERTIFICATE-----\n`)).message).toBe(
      `PEM block 'CERTIFICATE' at line 1: the base64 data stops 3 characters into a group of four (missing '=' padding or truncated)`,
    );
    expect(onlyProblem(detect(`x\n-----BEGIN CERTIFICATE-----\n${b64}=\n-----END CERTIFICATE-----\n`)).message).toBe(
      `PEM block 'CERTIFICATE' at line 2: 2 '=' padding characters where 1 is needed (line 3, column 8)`,
    );
  });

  it('never reads a PEM file as bare base64, even when the text around is base64-like', () => {
    const result = detect(`${base64(CERT_A)}\n\n${pemEncode(CERT_B)}`);
    expect(outcomes(result)).toEqual(['item:pem']);
    expect(hex(result.items[0].der)).toBe(hex(CERT_B));
  });

  it('reads PEM after a UTF-8 byte order mark and in ASCII-only UTF-16', () => {
    const bom = detectItems(new Uint8Array([0xef, 0xbb, 0xbf, ...bytesOf(pemEncode(CERT_A))]));
    expect(hex(bom.items[0].der)).toBe(hex(CERT_A));
    const text = `note\r\n${pemEncode(CERT_B, 'CERTIFICATE', 64, '\r\n')}`;
    const little = detectItems(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])));
    expect(little.items[0]).toMatchObject({ line: 2, label: 'CERTIFICATE' });
    expect(hex(little.items[0].der)).toBe(hex(CERT_B));
    const big = Buffer.from(text, 'utf16le').swap16();
    expect(hex(detectItems(new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), big]))).items[0].der)).toBe(hex(CERT_B));
  });
});

describe('detectItems: raw DER', () => {
  it('returns the whole input as one item without copying', () => {
    const input = new Uint8Array(4096);
    input.set(CERT_A, 100);
    const view = input.subarray(100, 100 + CERT_A.length);
    const result = detectItems(view);
    expect(result).toEqual({ items: [{ index: 0, der: view, encoding: 'der' }], problems: [] });
    expect(result.items[0].der.buffer).toBe(input.buffer);
    expect(result.items[0].der.byteOffset).toBe(100);
    expect(result.items[0].der).toBe(view);
  });

  it('keeps trailing garbage for the strict DER stage to report', () => {
    const input = new Uint8Array([...CERT_C, 0xde, 0xad]);
    expect(detectItems(input).items[0].der.length).toBe(CERT_C.length + 2);
  });

  it('treats a short SEQUENCE with control bytes as DER', () => {
    const input = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05]);
    expect(detectItems(input).items[0]).toMatchObject({ encoding: 'der', der: input });
  });
});

describe('detectItems: bare base64', () => {
  const b64 = base64(CERT_B);

  it.each([
    ['one line', b64],
    ['one line with surrounding whitespace', `\n\n   ${b64}  \n\n`],
    ['wrapped at 64', wrap(b64, 64).join('\n')],
    ['wrapped at 76', wrap(b64, 76).join('\n')],
    ['wrapped at 76 with CRLF', `${wrap(b64, 76).join('\r\n')}\r\n`],
    ['wrapped at 64 with CRLF', wrap(b64, 64).join('\r\n')],
  ])('reads %s', (_name, text) => {
    const result = detect(text);
    expect(result.problems).toEqual([]);
    expect(result.items).toHaveLength(1);
    expect(result.items[0]).toMatchObject({ index: 0, encoding: 'base64' });
    expect(hex(result.items[0].der)).toBe(hex(CERT_B));
  });

  it('gives the line of the data', () => {
    expect(detect(`\n\n${b64}\n`).items[0].line).toBe(3);
  });

  it('reads several blobs separated by blank lines', () => {
    const text = [wrap(base64(CERT_A), 64).join('\n'), wrap(base64(CERT_B), 76).join('\r\n'), base64(CERT_C)].join('\n\n');
    const result = detect(text);
    expect(result.items.map((item) => [item.index, item.line, hex(item.der)])).toEqual([
      [0, 1, hex(CERT_A)],
      [1, wrap(base64(CERT_A), 64).length + 2, hex(CERT_B)],
      [2, wrap(base64(CERT_A), 64).length + wrap(base64(CERT_B), 76).length + 3, hex(CERT_C)],
    ]);
  });

  it('separates blobs pasted one after another when the first ends in padding', () => {
    expect(CERT_A.length % 3).not.toBe(0);
    const result = detect(`${wrap(base64(CERT_A), 64).join('\n')}\n${wrap(base64(CERT_C), 64).join('\n')}`);
    expect(result.items.map((item) => hex(item.der))).toEqual([hex(CERT_A), hex(CERT_C)]);
  });

  it('reports a bad blob among good ones at its own index', () => {
    const text = [base64(CERT_A), `${base64(CERT_B).slice(0, 40)}*${base64(CERT_B).slice(40)}`, base64(CERT_C)].join('\n\n');
    const result = detect(text);
    expect(outcomes(result)).toEqual(['item:base64', 'problem:invalid-encoding', 'item:base64']);
    expect(result.problems[0]).toMatchObject({ line: 3, message: `base64 data at line 3: invalid base64 character '*' (line 3, column 41)` });
  });

  it('reports a blob that decodes to something other than DER when other blobs are certificates', () => {
    const result = detect(`${base64(CERT_A)}\n\n${base64(bytesOf('plain words, not a certificate'))}\n`);
    expect(outcomes(result)).toEqual(['item:base64', 'problem:invalid-encoding']);
    expect(result.problems[0].message).toBe('base64 data at line 3 decodes to bytes that are not DER (first bytes 70 6c 61 69 6e 20 77 6f ...)');
  });

  it('reports broken base64 that starts like DER', () => {
    const problem = onlyProblem(detect(base64(CERT_B).slice(0, -2)));
    expect(problem).toMatchObject({ kind: 'invalid-encoding', line: 1 });
    expect(problem.message).toMatch(/^base64 data at line 1: the base64 data stops 2 characters into a group of four/);
  });

  it('does not look for bare base64 inside prose', () => {
    expect(onlyProblem(detect(`Certificate:\n${base64(CERT_A)}\n`))).toMatchObject({
      kind: 'no-certificate',
      message: `text with no PEM block, base64 or hex certificate (first line: 'Certificate:')`,
    });
    expect(onlyProblem(detect('Hello\nWorld\n')).message).toBe(`text with no PEM block, base64 or hex certificate (first line: 'Hello')`);
  });

  it('says what base64 of something else decodes to', () => {
    const gzip = new Uint8Array([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(onlyProblem(detect(base64(gzip)))).toEqual({
      index: 0,
      kind: 'no-certificate',
      message: 'base64 text that decodes to bytes that are not DER (gzip-compressed data, first bytes 1f 8b 08 00 00 00 00 00 ...)',
    });
  });
});

describe('detectItems: hex', () => {
  const plain = hex(CERT_C);

  it.each([
    ['plain', plain],
    ['upper case', plain.toUpperCase()],
    ['with colons', plain.match(/../g)!.join(':')],
    ['with spaces', plain.match(/../g)!.join(' ')],
    ['with a 0x prefix', `0x${plain}`],
    ['wrapped like openssl -text', plain.match(/../g)!.join(':').match(/.{1,45}/g)!.map((l) => `    ${l}`).join('\n')],
    ['in groups of four, CRLF', plain.match(/.{1,4}/g)!.join(' ').match(/.{1,40}/g)!.join('\r\n')],
  ])('reads hex %s', (_name, text) => {
    const result = detect(text);
    expect(result.problems).toEqual([]);
    expect(result.items[0]).toMatchObject({ index: 0, encoding: 'hex', line: 1 });
    expect(hex(result.items[0].der)).toBe(plain);
  });

  it('reads digits-only text as hex even though it is valid base64', () => {
    const text = '3082000a' + '0102030405060708090a'.slice(0, 16);
    expect(decodeBase64(bytesOf(text)).ok).toBe(true);
    expect(detect(text).items[0]).toMatchObject({ encoding: 'hex' });
  });

  it('keeps a wrapped base64 line that starts with 0x or 0X in its base64 blob', () => {
    const der = Uint8Array.of(0x30, 0x00, 0x00, 0x97, 0x45, 0xc0, 0x00); // 'MAAAl0XAAA=='
    const result = detect(wrap(base64(der), 5).join('\n'));
    expect(result.problems).toEqual([]);
    expect(result.items.map((item) => [item.encoding, hex(item.der)])).toEqual([['base64', hex(der)]]);
  });

  it('reports broken hex that starts like DER', () => {
    expect(onlyProblem(detect(`${plain}a`)).message).toBe('hex data at line 1: odd number of hex digits');
    expect(onlyProblem(detect('30 8 201')).message).toBe('hex data at line 1: a separator splits the two digits of a byte (line 1, column 5)');
  });

  it('says what hex of something else decodes to', () => {
    expect(onlyProblem(detect('00112233445566778899aabbccddeeff00')).message).toBe(
      'hex text that decodes to bytes that are not DER (first bytes 00 11 22 33 44 55 66 77 ...)',
    );
  });
});

describe('detectItems: nothing found', () => {
  it.each([
    ['empty input', new Uint8Array(0), 'empty input'],
    ['whitespace', bytesOf(' \r\n\t\n  '), 'only whitespace'],
    ['a byte order mark alone', new Uint8Array([0xef, 0xbb, 0xbf]), 'only a byte order mark'],
    [
      'plain text',
      bytesOf('\n\n  Hello,\tthis file holds the certificate you asked for, I think\nmore'),
      `text with no PEM block, base64 or hex certificate (first line: 'Hello,\\tthis file holds the certificate y...')`,
    ],
    ['a short word', bytesOf('certificate\n'), `text with no PEM block, base64 or hex certificate (first line: 'certificate')`],
    ['UTF-8 text', bytesOf('Zertifikat für Müller'), `text with no PEM block, base64 or hex certificate (first line: 'Zertifikat für Müller')`],
    ['text starting with 0', bytesOf('0 is not a certificate'), `text with no PEM block, base64 or hex certificate (first line: '0 is not a certificate')`],
    ['gzip', new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3, 4, 5]), 'binary data that is not DER: gzip-compressed data (first bytes 1f 8b 08 00 01 02 03 04 ...)'],
    ['zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'binary data that is not DER: a zip archive (first bytes 50 4b 03 04 14 00)'],
    ['PDF', bytesOf('%PDF-1.7\n%\xe2\xe3'), 'binary data that is not DER: a PDF document (first bytes 25 50 44 46 2d 31 2e 37 ...)'],
    ['UTF-16 with non-ASCII', new Uint8Array([0xff, 0xfe, 0xfc, 0x00]), 'binary data that is not DER: UTF-16 text with non-ASCII characters (first bytes ff fe fc 00)'],
    ['unknown binary', new Uint8Array([0x02, 0x00, 0xff, 0x10]), 'binary data that is not DER (first bytes 02 00 ff 10)'],
  ])('describes %s', (_name, input, message) => {
    expect(detectItems(input)).toEqual({ items: [], problems: [{ index: 0, kind: 'no-certificate', message }] });
  });

  it('escapes control characters in the quoted line', () => {
    expect(onlyProblem(detect("it's \x1b[31mred")).message).toBe(
      `text with no PEM block, base64 or hex certificate (first line: 'it\\'s \\x1b[31mred')`,
    );
  });
});

describe('decoders', () => {
  const ok = (text: string) => {
    const result = decodeBase64(bytesOf(text));
    return result.ok ? hex(result.bytes) : `error: ${result.reason} @${result.offset}`;
  };

  it('decodes base64 with and without padding groups', () => {
    expect(ok('')).toBe('');
    expect(ok('AA==')).toBe('00');
    expect(ok('AAA=')).toBe('0000');
    expect(ok('AAAA')).toBe('000000');
    expect(ok(' A A\r\nA A \n')).toBe('000000');
    expect(ok('+/+/')).toBe('fbffbf');
    expect(ok('AA=\n=\n')).toBe('00');
  });

  it('rejects non-canonical or misplaced padding', () => {
    expect(ok('=')).toBe(`error: misplaced '=' padding @0`);
    expect(ok('A===')).toBe(`error: misplaced '=' padding @1`);
    expect(ok('AA=')).toBe(`error: 1 '=' padding character where 2 are needed @2`);
    expect(ok('AA==AA==')).toBe(`error: data after the '=' padding @4`);
    expect(ok('AA==\0')).toBe(`error: invalid base64 character byte 0x00 @4`);
    expect(ok('AB==')).toBe('error: non-canonical base64: the unused bits before the padding are not zero @2');
    expect(ok('AAB=')).toBe('error: non-canonical base64: the unused bits before the padding are not zero @3');
    expect(ok('A')).toBe(`error: the base64 data stops 1 character into a group of four (missing '=' padding or truncated) @-1`);
    expect(ok('AAAA-AAA')).toBe(`error: invalid base64 character '-' @4`);
    expect(ok('AAAA_AAA')).toBe(`error: invalid base64 character '_' @4`);
  });

  it('decodes data larger than the initial reusable buffer', () => {
    const der = derLike(100_000, 5);
    const result = detect(pemEncode(der) + pemEncode(CERT_C));
    expect(result.items.map((item) => item.der.length)).toEqual([der.length, CERT_C.length]);
    expect(Buffer.compare(result.items[0].der, der)).toBe(0);
  });

  it('decodes a range of a larger buffer', () => {
    const buffer = bytesOf('xxAAAAyy');
    const result = decodeBase64(buffer, 2, 6);
    expect(result.ok && hex(result.bytes)).toBe('000000');
  });

  it('decodes large data (beyond the reusable buffer)', () => {
    const big = derLike(3_000_000, 9);
    const text = bytesOf(wrap(base64(big), 76).join('\n'));
    const result = decodeBase64(text);
    expect(result.ok && Buffer.compare(result.bytes, big)).toBe(0);
    const again = decodeHex(bytesOf(hex(big)));
    expect(again.ok && Buffer.compare(again.bytes, big)).toBe(0);
  });

  it('decodes hex and rejects stray characters', () => {
    const hx = (text: string) => {
      const result = decodeHex(bytesOf(text));
      return result.ok ? hex(result.bytes) : `error: ${result.reason} @${result.offset}`;
    };
    expect(hx('  0X0a:0B  ')).toBe('0a0b');
    expect(hx('0a0g')).toBe(`error: invalid hex character 'g' @3`);
    expect(hx('0x0a0x0b')).toBe(`error: invalid hex character 'x' @5`);
  });
});

describe('detectItems: properties', () => {
  it('never throws on random bytes, and gives every index exactly one outcome', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600, size: 'max' }), (bytes) => {
        const result = detectItems(bytes);
        const indexes = [...result.items.map((item) => item.index), ...result.problems.map((problem) => problem.index)];
        expect(indexes.sort((a, b) => a - b)).toEqual(indexes.map((_, i) => i));
        expect(indexes.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on random text made of PEM, base64 and hex pieces', () => {
    const piece = fc.constantFrom(
      '-----BEGIN CERTIFICATE-----', '-----END CERTIFICATE-----', '-----BEGIN ', '-----', '\n', '\r\n', ' ', ':',
      'MII', 'AA==', '=', '30', '82', '0x', 'Proc-Type: 4', 'text', '\t', '\0', '\xff',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40, size: 'max' }), (pieces) => {
        const result = detectItems(Uint8Array.from(pieces.join(''), (c) => c.charCodeAt(0)));
        expect(result.items.length + result.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips DER-like bytes through PEM in any width and line ending', () => {
    const derArbitrary = fc.uint8Array({ minLength: 1, maxLength: 2000, size: 'max' }).map((rest) => Uint8Array.of(0x30, ...rest));
    fc.assert(
      fc.property(
        fc.array(derArbitrary, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom('\n', '\r\n'),
        (ders, width, eol) => {
          const text = ders.map((der) => pemEncode(der, 'CERTIFICATE', width, eol)).join(`junk${eol}`);
          const result = detectItems(bytesOf(text));
          expect(result.problems).toEqual([]);
          expect(result.items.map((item) => hex(item.der))).toEqual(ders.map(hex));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('round-trips DER-like bytes through bare base64 and hex', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 500 }), fc.integer({ min: 1, max: 100 }), (rest, width) => {
        const der = Uint8Array.of(0x30, ...rest);
        const b64 = detect(wrap(base64(der), width).join('\n'));
        expect(b64.items.map((item) => [item.encoding, hex(item.der)])).toEqual([['base64', hex(der)]]);
        const hx = detect(wrap(hex(der), width * 2).join('\n'));
        expect(hx.items.map((item) => [item.encoding, hex(item.der)])).toEqual([['hex', hex(der)]]);
      }),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('reading files', () => {
  let root: string;
  const file = (relative: string, content: string | Uint8Array = pemEncode(CERT_A)): string => {
    const path = join(root, relative);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
    return path;
  };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'smki-input-'));
    file('tree/b.pem');
    file('tree/a.CRT');
    file('tree/Z.der', CERT_B);
    file('tree/notes.txt', 'not a certificate');
    file('tree/sub/c.cer');
    file('tree/sub/deeper/d.cert');
    file('tree/sub/e.key', 'ignored');
    file('tree/a-dir/f.pem');
    file('tree/_.pem');
    file('tree/é.pem');
    mkdirSync(join(root, 'tree/empty'));
    mkdirSync(join(root, 'empty'));
    symlinkSync(join(root, 'tree'), join(root, 'tree/sub/loop'));
    symlinkSync('../b.pem', join(root, 'tree/sub/link.pem'));
    symlinkSync(join(root, 'missing.txt'), join(root, 'tree/dangling.bin'));
    file('dangling/x.pem');
    symlinkSync(join(root, 'missing.pem'), join(root, 'dangling/y.pem'));
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('lists the default extensions', () => {
    expect(CERTIFICATE_EXTENSIONS).toEqual(['.pem', '.crt', '.cer', '.der', '.cert', '.csr', '.req', '.xml']);
  });

  it('walks directories recursively, filtering by extension and sorting by name bytes', async () => {
    const tree = join(root, 'tree');
    expect(await expandInputs([tree])).toEqual(
      ['Z.der', '_.pem', 'a-dir/f.pem', 'a.CRT', 'b.pem', 'sub/c.cer', 'sub/deeper/d.cert', 'sub/link.pem', 'é.pem'].map((p) => join(tree, p)),
    );
  });

  it('uses the given extensions, case-insensitively, with or without the dot', async () => {
    const tree = join(root, 'tree');
    expect(await expandInputs([tree], { extensions: ['KEY', '.Txt'] })).toEqual([join(tree, 'notes.txt'), join(tree, 'sub/e.key')]);
  });

  it('keeps files of any name, stdin and duplicates as given, in order', async () => {
    const notes = join(root, 'tree/notes.txt');
    const b = join(root, 'tree/b.pem');
    expect(await expandInputs([notes, '-', b, notes])).toEqual([notes, '-', b, notes]);
  });

  it('walks a directory given twice twice', async () => {
    const deeper = join(root, 'tree/sub/deeper');
    expect(await expandInputs([deeper, deeper])).toEqual([join(deeper, 'd.cert'), join(deeper, 'd.cert')]);
  });

  it('yields nothing for an empty directory', async () => {
    expect(await expandInputs([join(root, 'empty')])).toEqual([]);
  });

  it('throws UsageError naming a path that does not exist', async () => {
    const missing = join(root, 'nope.pem');
    await expect(expandInputs([missing])).rejects.toThrow(new UsageError(`cannot read '${missing}': no such file or directory`));
    await expect(expandInputs([join(root, 'tree/b.pem/x')])).rejects.toThrow(/not a directory$/);
    await expect(readSource(missing)).rejects.toBeInstanceOf(UsageError);
    await expect(readSource(join(root, 'tree'))).rejects.toThrow(`cannot read '${join(root, 'tree')}': is a directory`);
  });

  it('throws UsageError for a dangling link that looks like a certificate file', async () => {
    await expect(expandInputs([join(root, 'dangling')])).rejects.toThrow(`cannot read '${join(root, 'dangling/y.pem')}': no such file or directory`);
  });

  it('names OS errors in plain words', () => {
    expect(osReason(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe('permission denied');
    expect(osReason(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe('no such file or directory');
    expect(osReason(Object.assign(new Error('odd failure'), { code: 'EWHATEVER' }))).toBe('odd failure');
    expect(osReason('text')).toBe('text');
  });

  it('reads a file as a plain Uint8Array, raw DER without a copy', async () => {
    const source = await readSource(join(root, 'tree/Z.der'));
    expect(source.path).toBe(join(root, 'tree/Z.der'));
    expect(Object.getPrototypeOf(source.bytes)).toBe(Uint8Array.prototype);
    const item = detectItems(source.bytes).items[0];
    expect(item.der.buffer).toBe(source.bytes.buffer);
    expect(hex(item.der)).toBe(hex(CERT_B));
  });

  it('reads sources in the expanded order, duplicates included', async () => {
    const tree = join(root, 'tree');
    const inputs = [join(tree, 'sub'), join(tree, 'Z.der'), join(tree, 'sub/c.cer')];
    const sources: Source[] = [];
    for await (const source of readSources(inputs)) sources.push(source);
    expect(sources.map((source) => source.path)).toEqual([
      ...['sub/c.cer', 'sub/deeper/d.cert', 'sub/link.pem', 'sub/loop/Z.der'].map((p) => join(tree, p)),
      // The loop link is walked once: it names a directory not yet seen from 'sub'.
      ...['sub/loop/_.pem', 'sub/loop/a-dir/f.pem', 'sub/loop/a.CRT', 'sub/loop/b.pem', 'sub/loop/é.pem'].map((p) => join(tree, p)),
      join(tree, 'Z.der'),
      join(tree, 'sub/c.cer'),
    ]);
    expect(hex(sources[sources.length - 2].bytes)).toBe(hex(CERT_B));
  });

  it('throws UsageError for a file that disappears between listing and reading', async () => {
    const dir = join(root, 'vanishing');
    file('vanishing/a.pem');
    file('vanishing/b.pem');
    const seen: string[] = [];
    const run = async () => {
      for await (const source of readSources([dir])) {
        seen.push(source.path);
        rmSync(join(dir, 'b.pem'));
      }
    };
    await expect(run()).rejects.toThrow(`cannot read '${join(dir, 'b.pem')}': no such file or directory`);
    expect(seen).toEqual([join(dir, 'a.pem')]);
  });

  it('keeps the bytes of every file intact while later files are read, whatever their size', () => {
    // Sizes around the reader's scratch buffer, its shared arena and its own-buffer threshold.
    const sizes = [0, 1, 900, 16 * 1024 - 1, 16 * 1024, 64 * 1024, 64 * 1024 + 1, 300 * 1024];
    const contents = [...sizes, ...Array.from({ length: 400 }, (_, i) => 700 + (i % 13))].map((size, i) =>
      Uint8Array.from({ length: size }, (_, j) => (i * 31 + j * 7) & 0xff),
    );
    const read = contents.map((content, i) => readFileSource(file(`sizes/${i}.der`, content)).bytes);
    read.forEach((bytes, i) => expect(hex(bytes), `file ${i}`).toBe(hex(contents[i])));
  });

  it('reads a named pipe to its end', () => {
    const fifo = join(root, 'pipe.pem');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // A separate process writes; opening the pipe for reading waits until it does.
    const writer = spawn('sh', ['-c', 'printf "%s" "$1" > "$0"', fifo, pemEncode(CERT_A)], { stdio: 'ignore' });
    expect(hex(detectItems(readFileSource(fifo).bytes).items[0].der)).toBe(hex(CERT_A));
    writer.kill();
  });

  it('reads standard input once for every "-"', () => {
    const input = Buffer.concat([Buffer.from(CERT_A), Buffer.from('\n\x00\xff')]);
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures/input/read-stdin.ts')], {
      input,
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual({ path: '-', hex: input.toString('hex'), sameBytes: true });
  });
});
