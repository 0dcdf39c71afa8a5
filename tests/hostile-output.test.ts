import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toJsonValue } from '../src/report/serialise.js';
import { terminalSafe } from '../src/report/terminal-safe.js';
import { bmpString, pem, runCli, supplierWithCn } from './helpers/hostile.js';
import { utf8String } from '../test-certs/generate/der-writer.js';
import { TEST_CERTS } from './helpers/sample-pki.js';

const AT = '2026-06-01';

// Each class of character a terminal acts on, or that changes how a line reads.
const CLASSES: [name: string, raw: string, shown: string][] = [
  ['ESC (clear screen)', '\u001b[2J', '\\x1b[2J'],
  ['ESC ] (set the window title)', '\u001b]0;owned\u0007', '\\x1b]0;owned\\x07'],
  ['BEL', '\u0007', '\\x07'],
  ['LF (a forged finding line)', '\n  ok  no findings', '\\n  ok  no findings'],
  ['CR (overwrites the line)', '\rclean', '\\rclean'],
  ['TAB', '\t', '\\t'],
  ['NUL and DEL', '\u0000\u007f', '\\x00\\x7f'],
  ['C1: CSI and NEL', '\u009b31m\u0085', '\\u009b31m\\u0085'],
  ['bidi override RLO', 'abc\u202edef', 'abc\\u202edef'],
  ['bidi isolates', '\u2066x\u2069', '\\u2066x\\u2069'],
  ['line separator', 'a\u2028b', 'a\\u2028b'],
  ['zero-width and BOM', 'a\u200bb\ufeff', 'a\\u200bb\\ufeff'],
];

describe('terminalSafe', () => {
  it.each(CLASSES)('escapes %s', (_name, raw, shown) => {
    expect(terminalSafe(`CN ${raw} end`)).toBe(`CN ${shown} end`);
  });

  it('escapes lone surrogates and keeps pairs, ordinary text and backslashes', () => {
    expect(terminalSafe('a\ud800b\udc00')).toBe('a\\ud800b\\udc00');
    expect(terminalSafe('é € 😀 CN=a\\,b')).toBe('é € 😀 CN=a\\,b');
  });
});

describe('untrusted text in text output', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'smki-out-'));
    CLASSES.forEach(([, raw], i) => writeFileSync(join(dir, `cn-${String(i).padStart(2, '0')}.pem`), pem(supplierWithCn(`cn ${i}`, utf8String(`X${raw}Y`)))));
    // A file name that is itself an escape sequence.
    writeFileSync(join(dir, 'name-\u001b[31m-\u202e.pem'), pem(supplierWithCn('name', utf8String('PLAIN'))));
  });

  const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

  it('check shows every character class escaped, in names, values and messages alike', () => {
    const r = runCli(['check', dir, '--at', AT]);
    expect(r.code).toBe(0);
    // Only the line structure the format itself writes: no stray CR, ESC or other control.
    expect(r.stdout).not.toMatch(unsafe);
    for (const [, , shown] of CLASSES) expect(r.stdout).toContain(`CN 'X${shown}Y'`);
    expect(r.stdout).toContain('name-\\x1b[31m-\\u202e.pem [0]');
    // The forged line never appears at the start of a line.
    expect(r.stdout.split('\n').filter((l) => l === '  ok  no findings')).toHaveLength(0);
  });

  it('decode shows them escaped too', () => {
    const r = runCli(['decode', dir]);
    expect(r.stdout).not.toMatch(unsafe);
    for (const [, , shown] of CLASSES) expect(r.stdout).toContain(`X${shown}Y`);
  });

  it('JSON keeps the exact characters, escaped as JSON does', () => {
    const r = runCli(['check', dir, '--at', AT, '--format', 'jsonl']);
    const names = r.stdout.trim().split('\n').slice(0, -1).map((l) => JSON.parse(l).subject.commonName as string);
    for (const [, raw] of CLASSES) expect(names).toContain(`X${raw}Y`);
  });
});

describe('untrusted text of a DUIS request in text output', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'smki-duis-out-'));
    // XML 1.0 allows neither ESC nor C0 controls, even as references, but it does allow LF and bidi overrides.
    const xml = readFileSync(join(TEST_CERTS, 'duis/valid/6.15.2-device.xml'), 'utf8')
      .replace(/<sr:RequestID>[^<]*<\/sr:RequestID>/, '<sr:RequestID>90-B3\u202e-D5\n  ok  no findings</sr:RequestID>')
      .replace('<sr:ServiceReferenceVariant>6.15.2<', '<sr:ServiceReferenceVariant>6.15.2\u202e<');
    writeFileSync(join(dir, 'request-\u202e.xml'), xml);
  });

  const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

  it('check shows the header, the request line and its findings escaped', () => {
    const r = runCli(['check', dir, '--at', AT]);
    expect(r.stdout).not.toMatch(unsafe);
    expect(r.stdout).toContain(`request-\\u202e.xml [0]  DUIS request 6.15.2\\u202e Update Security Credentials (Device) (UpdateSecurityCredentialsDevice)  RequestID '90-B3\\u202e-D5\\n  ok  no findings'`);
    expect(r.stdout.split('\n').filter((l) => l === '  ok  no findings')).toHaveLength(0);
  });

  it('decode shows them escaped too', () => {
    const r = runCli(['decode', dir]);
    expect(r.stdout).not.toMatch(unsafe);
    expect(r.stdout).toContain('RequestID               90-B3\\u202e-D5\\n  ok  no findings\n');
    expect(r.stdout).toContain('6.15.2\\u202e Update Security Credentials (Device)');
  });
});

describe('a BMPString with a lone surrogate', () => {
  let file: string;

  beforeAll(() => {
    file = join(mkdtempSync(join(tmpdir(), 'smki-bmp-')), 'lone.pem');
    // CN 'A', U+D800 (alone), 'B'.
    writeFileSync(file, pem(supplierWithCn('lone surrogate', bmpString([0x41, 0xd800, 0x42]))));
  });

  const strictJson = (text: string) => {
    // Strict UTF-8 first, then a strict JSON parser (jq), as consumers of the report would.
    new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(text, 'utf8'));
    expect(text).not.toMatch(/\\u[dD][89abAB][0-9a-fA-F]{2}/);
    const jq = spawnSync('jq', ['-e', '.', '-'], { input: text, encoding: 'utf8' });
    if (jq.error) return; // jq is optional on the machine; the escape check above still holds.
    expect(jq.status, jq.stderr).toBe(0);
  };

  it.each([
    ['json', 'A\ufffdB'],
    ['jsonl', 'A\ufffdB'],
    // SARIF carries findings only: the one about the string.
    ['sarif', 'a lone surrogate that is not a character; it is shown as U+FFFD'],
  ])('--format %s is valid JSON for strict parsers', (format, expected) => {
    const r = runCli(['check', file, '--at', AT, '--format', format]);
    strictJson(r.stdout);
    expect(r.stdout).toContain(expected);
  });

  it('the finding says what was replaced', () => {
    const r = runCli(['check', file, '--at', AT, '--format', 'jsonl']);
    const result = JSON.parse(r.stdout.split('\n')[0]);
    const finding = result.findings.find((f: { ruleId: string }) => f.ruleId === 'der.string.bmp');
    expect(finding.message).toBe('BMPString holds U+D800, a lone surrogate that is not a character; it is shown as U+FFFD');
  });

  it('decode --format json and jsonl are valid JSON too', () => {
    for (const format of ['json', 'jsonl']) strictJson(runCli(['decode', file, '--format', format]).stdout);
  });
});

describe('decode JSON of hostile integers', () => {
  it('writes integers beyond 256 bits in hex, so a megabyte serial number costs linear time', () => {
    expect(toJsonValue(2n ** 255n)).toBe(String(2n ** 255n));
    expect(toJsonValue(2n ** 256n + 1n)).toBe(`0x1${'0'.repeat(63)}1`);
    expect(toJsonValue(-(2n ** 300n))).toBe(`-0x1${'0'.repeat(75)}`);
    expect(toJsonValue(BigInt(`0x${'ab'.repeat(500_000)}`))).toBe(`0x${'ab'.repeat(500_000)}`);
  });
});
