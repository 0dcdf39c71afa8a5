import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectItems } from '../src/input/index.js';
import type { DetectedInput } from '../src/input/index.js';
import { fileParts } from '../src/input/node.js';
import { PemSplitter } from '../src/input/splitter.js';
import type { SourcePart } from '../src/input/splitter.js';
import { runCheck } from '../src/cli/check-command.js';
import { runDecode } from '../src/cli/decode-command.js';
import { BufferedOutput } from '../src/cli/output.js';
import { DECODE_FORMAT_NAMES } from '../src/report/decode-formats.js';
import { FORMAT_NAMES } from '../src/report/formats.js';
import { loadManifest, TEST_CERTS } from './helpers/sample-pki.js';
import { BIN, runCli, sampleText, startCli } from './helpers/hostile.js';

const AT = loadManifest().evaluationTime;

/** What detection found, comparable across readings: every item and problem with its place. */
function outcomes(detected: DetectedInput[]): string[] {
  const out: [number, string][] = [];
  for (const d of detected) {
    for (const i of d.items) out.push([i.index, `item ${i.index} line ${i.line} ${i.label} ${Buffer.from(i.der).toString('hex')}`]);
    for (const p of d.problems) out.push([p.index, `problem ${p.index} line ${p.line} ${p.kind} ${p.message}`]);
  }
  return out.sort((a, b) => a[0] - b[0]).map(([, s]) => s);
}

function split(bytes: Uint8Array, chunk: number, limit: number, from?: SourcePart['at'], end?: number): SourcePart[] {
  const splitter = new PemSplitter({ limit, from, end, describeStart: 'the sample text' });
  const parts: SourcePart[] = [];
  for (let at = from?.offset ?? 0; at < bytes.length && !splitter.done; at += chunk) parts.push(...splitter.push(bytes.subarray(at, at + chunk)));
  parts.push(...splitter.finish());
  return parts;
}

describe('reading a large input in pieces (PemSplitter)', () => {
  const text = sampleText();

  it('finds what reading the whole input finds, wherever the chunks end', () => {
    const whole = outcomes([detectItems(text)]);
    expect(whole.length).toBeGreaterThan(130);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), (chunk) => {
        expect(outcomes(split(text, chunk, 64 * 1024).map((p) => p.detected))).toEqual(whole);
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it('starting from any recorded position gives the same parts from there, and end stops before the next piece', () => {
    const parts = split(text, 4096, 64 * 1024);
    for (const k of [1, 17, 60, parts.length - 1]) {
      const again = split(text, 777, 64 * 1024, parts[k].at);
      expect(outcomes(again.map((p) => p.detected))).toEqual(outcomes(parts.slice(k).map((p) => p.detected)));
      const bounded = split(text, 777, 64 * 1024, parts[k].at, parts[k + 1]?.at.offset);
      expect(outcomes(bounded.map((p) => p.detected))).toEqual(outcomes([parts[k].detected]));
    }
  });

  it('a block longer than the limit ends the input with input.too-large naming its line and offset', () => {
    const good = readFileSync(join(TEST_CERTS, 'valid/org-02-ds.pem'), 'latin1');
    const huge = `-----BEGIN CERTIFICATE-----\n${'QUFB\n'.repeat(2000)}-----END CERTIFICATE-----\n`;
    const input = new TextEncoder().encode(good + 'between\n' + huge + good);
    const parts = split(input, 1000, 4096);
    expect(parts.map((p) => p.detected.items.length)).toEqual([1, 0]);
    const problem = parts[1].detected.problems[0];
    const line = good.split('\n').length + 1;
    expect(problem).toEqual({
      index: 1,
      line,
      kind: 'too-large',
      message: `the PEM block at line ${line} (offset ${good.length + 8}) is longer than the item size limit (4096 bytes, --max-item-size); the rest of the input was not read`,
    });
  });

  it('more than the limit without a block ends the input, naming where that stretch began', () => {
    const good = readFileSync(join(TEST_CERTS, 'valid/org-02-ds.pem'), 'latin1');
    const parts = split(new TextEncoder().encode(good + 'x'.repeat(10_000) + good), 512, 4096);
    expect(parts[0].detected.items).toHaveLength(1);
    // The stretch starts right after the END line's dashes, at its line feed.
    expect(parts[1].detected.problems[0].message).toBe(`the 4096 bytes from offset ${good.length - 1} hold no PEM block (more than the item size limit, --max-item-size); the rest of the input was not read`);
    expect(parts).toHaveLength(2);
    const start = split(new Uint8Array(10_000), 1000, 4096);
    expect(start[0].detected.problems[0].message).toBe('the sample text, larger than the item size limit (4096 bytes, --max-item-size) with no PEM block in its first 4096 bytes; it was not read further');
  });
});

describe('fileParts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'smki-parts-'));

  it('reads an input within the limit whole, and a larger one in pieces, alike', () => {
    const file = join(dir, 'all.pem');
    writeFileSync(file, sampleText());
    const whole = outcomes([...fileParts(file, { maxItemSize: 4 * 1024 * 1024 })].map((p) => p.detected));
    expect(outcomes([...fileParts(file, { maxItemSize: 2048 })].map((p) => p.detected))).toEqual(whole);
  });

  it('gives a file that cannot be read its reason as the last part', () => {
    const [missing] = [...fileParts(join(dir, 'gone.pem'), { maxItemSize: 4096 })];
    expect(missing.detected.problems).toEqual([{ index: 0, kind: 'unreadable', message: 'could not be read: no such file or directory' }]);
    const [io] = [...fileParts('/proc/self/mem', { maxItemSize: 4096 })];
    expect(io.detected.problems[0].message).toBe('could not be read: input/output error');
  });
});

describe('smki-lint on hostile inputs', () => {
  let dir: string;
  const valid = join(TEST_CERTS, 'valid/org-02-ds.pem');

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'smki-hostile-'));
  });

  const results = (stdout: string) => stdout.trim().split('\n').slice(0, -1).map((l) => JSON.parse(l));

  it('an endless device is read up to the limit, gets input.too-large, and the run goes on', () => {
    const r = runCli(['check', '/dev/zero', valid, '--at', AT, '--format', 'jsonl']);
    expect(r.code).toBe(1);
    const [zero, cert] = results(r.stdout);
    expect(zero.findings[0].ruleId).toBe('input.too-large');
    expect(zero.findings[0].message).toMatch(/^\/dev\/zero: binary data \(first bytes 00 00/);
    expect(cert.kind).toBe('organisation');
  });

  it('endless standard input is read up to the limit, not to its end', () => {
    const r = spawnSync(process.execPath, [BIN, 'check', '-', '--at', AT, '--format', 'jsonl', '--max-item-size', '64K'], { stdio: [openSync('/dev/zero', 'r'), 'pipe', 'pipe'], encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(results(r.stdout)[0].findings[0].message).toContain('with no PEM block in its first 65536 bytes');
  });

  it('standard input larger than --max-item-size is kept in a private temporary file for the second reading, then removed', () => {
    const bundle = join(dir, 'stdin-bundle.pem');
    writeFileSync(bundle, sampleText());
    const tmp = mkdtempSync(join(tmpdir(), 'smki-spool-'));
    const args = ['--at', AT, '--format', 'jsonl', '--max-item-size', '8K'];
    const piped = runCli(['check', '-', ...args], { input: readFileSync(bundle), env: { TMPDIR: tmp } });
    const named = runCli(['check', bundle, ...args]);
    expect(piped.stderr).toBe('');
    expect(piped.stdout.split(`"path":"-"`).join(`"path":${JSON.stringify(bundle)}`).replaceAll('-: ', `${bundle}: `).replaceAll('- (line', `${bundle} (line`)).toBe(named.stdout);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('a block beyond --max-item-size is reported at its line and offset; the items before it are checked', () => {
    const good = readFileSync(valid, 'latin1');
    const file = join(dir, 'huge-block.pem');
    writeFileSync(file, good + `-----BEGIN CERTIFICATE-----\n${'QUFB'.repeat(1000)}\n-----END CERTIFICATE-----\n` + good);
    const r = runCli(['check', file, '--at', AT, '--format', 'jsonl', '--max-item-size', '2K']);
    const [first, second] = results(r.stdout);
    expect(first.kind).toBe('organisation');
    expect(second.source).toEqual({ path: file, index: 1, line: good.split('\n').length });
    expect(second.findings[0].message).toBe(`${file} (line ${good.split('\n').length}): the PEM block at line ${good.split('\n').length} (offset ${good.length}) is longer than the item size limit (2048 bytes, --max-item-size); the rest of the input was not read`);
    expect(results(r.stdout)).toHaveLength(2);
  });

  it('a DUIS request is read within --max-item-size like any input: beyond it, input.too-large and the run goes on', () => {
    const request = join(TEST_CERTS, 'duis/valid/6.15.2-device.xml');
    const within = results(runCli(['check', request, valid, '--at', AT, '--format', 'jsonl', '--max-item-size', '4K']).stdout);
    expect(within.map((r) => r.document)).toEqual(['duis-request', 'certificate', 'certificate']);
    expect(within[1].source.element).toBe('sr:Body/sr:UpdateSecurityCredentialsDevice/sr:DeviceCertificate');
    const beyond = results(runCli(['check', request, valid, '--at', AT, '--format', 'jsonl', '--max-item-size', '1K']).stdout);
    expect(beyond).toHaveLength(2);
    expect(beyond[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['input.too-large']);
    expect(beyond[0].findings[0].message).toContain(`${request}: text (first line: '<?xml version="1.0" encoding="UTF-8"?>'), larger than the item size limit (1024 bytes`);
    expect(beyond[1].kind).toBe('organisation');
  });

  it('a --signer file is read within --max-item-size: an endless one is a usage error, not a hang', () => {
    const r = runCli(['check', valid, '--at', AT, '--signer', '/dev/zero', '--max-item-size', '64K']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'/dev/zero' is larger than the item size limit (65536 bytes; --max-item-size)");
  });

  it('--max-item-size takes sizes with K and M, and refuses others (exit 2)', () => {
    expect(runCli(['check', valid, '--at', AT, '--max-item-size', '1M']).code).toBe(0);
    const bad = runCli(['check', valid, '--max-item-size', '12 parsecs']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("'12 parsecs' is not a size from 1KiB to 1024MiB");
    expect(runCli(['decode', valid, '--max-item-size', '100']).code).toBe(2);
  });

  it('a file name that is not UTF-8 is read and shown escaped', () => {
    const sub = join(dir, 'latin1');
    mkdirSync(sub);
    writeFileSync(Buffer.from(`${sub}/caf\xe9.pem`, 'latin1'), readFileSync(valid));
    writeFileSync(join(sub, 'z.pem'), readFileSync(valid));
    const r = runCli(['check', sub, '--at', AT, '--format', 'jsonl']);
    expect(r.code).toBe(0);
    expect(results(r.stdout).map((x) => [x.source.path, x.kind])).toEqual([
      [`${sub}/caf\\xE9.pem`, 'organisation'],
      [`${sub}/z.pem`, 'organisation'],
    ]);
    expect(runCli(['check', sub, '--at', AT]).stdout).toContain(`${sub}/caf\\xE9.pem [0]  Organisation Certificate`);
  });

  it('a file that cannot be read is its own result (input.unreadable) and the output stays valid', () => {
    const r = runCli(['check', '/proc/self/mem', valid, '--at', AT, '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.results[0].findings[0]).toMatchObject({ ruleId: 'input.unreadable', severity: 'error', message: '/proc/self/mem: could not be read: input/output error' });
    expect(doc.results[1].kind).toBe('organisation');
  });

  it('a file that vanishes after the run has started is input.unreadable; every other file is reported', async () => {
    const many = join(dir, 'vanishing');
    mkdirSync(many);
    const pem = readFileSync(valid);
    for (let i = 0; i < 3000; i++) writeFileSync(join(many, `f${String(i).padStart(4, '0')}.pem`), pem);
    const last = join(many, 'f2999.pem');
    // Worker threads read every file a second time when the run keeps nothing of its first reading.
    const child = startCli(['check', many, '--at', AT, '--format', 'json', '--jobs', '2'], { SMKI_LINT_DEBUG_KEEP_BYTES: '0' });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => {
      // Output starts once the first reading is over: the file goes before the second reaches it.
      child.stdout.once('data', () => rmSync(last));
      child.stdout.on('data', (d) => (stdout += d));
      child.on('close', resolve);
    });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const doc = JSON.parse(stdout);
    expect(doc.results).toHaveLength(3000);
    expect(doc.results[2999].findings[0]).toMatchObject({ ruleId: 'input.unreadable', message: `${last}: could not be read: no such file or directory` });
    expect(doc.summary).toMatchObject({ inputs: 3000, errors: 1 });
  });

  it('--jobs beyond the available cores is capped, with a notice on stderr', () => {
    const cores = Number(execFileSync(process.execPath, ['-p', 'require("os").availableParallelism()'], { encoding: 'utf8' }));
    const r = runCli(['check', join(TEST_CERTS, 'valid'), '--at', AT, '--jobs', '300']);
    expect(r.stderr).toBe(`smki-lint: --jobs 300 is more than the ${cores} available cores; using ${cores}\n`);
    expect(r.stdout).toBe(runCli(['check', join(TEST_CERTS, 'valid'), '--at', AT, '--jobs', '1']).stdout);
  });

  it('an output that cannot be written exits 3 with one line on stderr, even with --fail-on never', () => {
    const r = spawnSync(process.execPath, [BIN, 'check', join(TEST_CERTS, 'valid'), '--fail-on', 'never'], { stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'], encoding: 'utf8' });
    expect(r.status).toBe(3);
    expect(r.stderr).toBe('smki-lint: cannot write the output: no space left on device\n');
  });

  it('decode reports the decoding problems check reports (exit 1), such as a length of 2^31', () => {
    const pem = readFileSync(valid, 'latin1');
    const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    const file = join(dir, 'long.der');
    writeFileSync(file, Buffer.concat([Buffer.from([0x30, 0x84, 0x80, 0x00, 0x00, 0x00]), der.subarray(4)]));
    const decoded = runCli(['decode', file]);
    expect(decoded.code).toBe(1);
    expect(decoded.stdout).toContain('DER der.truncated at offset 0: SEQUENCE declares 2147483648 content octets');
    expect(runCli(['check', file, '--only', 'der', '--at', AT]).stdout).toContain('der.truncated');
  });

  it('decode stops when the reader goes away, even on endless input', async () => {
    const pem = readFileSync(valid);
    const feeder = spawn(process.execPath, ['-e', `const b = Buffer.from(${JSON.stringify(pem.toString('base64'))}, 'base64'); const w = () => { while (process.stdout.write(b)); process.stdout.once('drain', w); }; process.stdout.on('error', () => process.exit(0)); w();`]);
    const decoder = spawn(process.execPath, [BIN, 'decode', '-'], { stdio: [feeder.stdout, 'pipe', 'pipe'] });
    let stderr = '';
    decoder.stderr.on('data', (d) => (stderr += d));
    const firstLine = await new Promise<string>((resolve) => {
      let text = '';
      decoder.stdout.on('data', (d) => {
        text += d;
        if (text.includes('\n')) {
          decoder.stdout.destroy();
          resolve(text.split('\n')[0]);
        }
      });
    });
    const code = await new Promise<number | null>((resolve) => decoder.on('close', resolve));
    feeder.kill();
    expect(firstLine).toBe('- [0]');
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });
});

describe('streamed formats stay valid over many items', () => {
  let bundle: string;

  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'smki-stream-'));
    bundle = join(dir, 'bundle.pem');
    const text = Buffer.from(sampleText());
    writeFileSync(bundle, Buffer.concat(Array.from({ length: 8 }, () => text)));
  });

  it.each([['1'], ['2']])('json, sarif and junit over a bundle of thousands of items, --jobs %s', (jobs) => {
    const args = ['--at', AT, '--jobs', jobs, '--max-item-size', '16K'];
    const doc = JSON.parse(runCli(['check', bundle, '--format', 'json', ...args]).stdout);
    expect(doc.results.length).toBe(doc.summary.inputs);
    expect(doc.summary.inputs).toBeGreaterThan(1000);
    const sarif = JSON.parse(runCli(['check', bundle, '--format', 'sarif', ...args]).stdout);
    expect(sarif.runs[0].results.length).toBe(doc.summary.errors + doc.summary.warnings + doc.summary.notices);
    const junit = runCli(['check', bundle, '--format', 'junit', ...args]).stdout;
    expect(junit.match(/<testcase /g)).toHaveLength(doc.summary.inputs);
    expect(junit.endsWith('</testsuite>\n</testsuites>\n')).toBe(true);
    const decoded = JSON.parse(runCli(['decode', bundle, '--format', 'json', '--max-item-size', '16K']).stdout);
    expect(decoded).toHaveLength(doc.summary.inputs);
    // Four runs over thousands of items: on a loaded shared machine, longer than the default minute.
  }, 240_000);

  // Streaming, shown without timing: the output reaches the stream in many small writes, none of
  // them more than a fraction of the whole (a format that held its results wrote them at the end).
  async function writes(run: (out: BufferedOutput) => Promise<number>): Promise<number[]> {
    const sizes: number[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        sizes.push(chunk.length);
        done();
      },
    });
    const out = new BufferedOutput(sink);
    await run(out);
    await out.flush();
    return sizes;
  }

  const lintOptions = { failOn: 'never' as const, at: AT, colour: false, issuers: [], requireIssuer: false, maxItemSize: 16 * 1024, jobs: 1 };

  it.each(FORMAT_NAMES)('check --format %s writes its results as they come', async (format) => {
    const sizes = await writes((out) => runCheck([bundle], { ...lintOptions, format }, out, () => {}));
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(500_000);
    expect(Math.max(...sizes)).toBeLessThan(total / 4);
  });

  it.each(DECODE_FORMAT_NAMES)('decode --format %s writes each item as it is decoded', async (format) => {
    const sizes = await writes((out) => runDecode([bundle], { format, colour: false, maxItemSize: 16 * 1024 }, out));
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(500_000);
    expect(Math.max(...sizes)).toBeLessThan(total / 4);
  });
});
