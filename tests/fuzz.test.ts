// Fuzzing the whole pipeline, kept small enough for every test run (seeded, so a failure repeats):
// mutated certificates through decoding, issuer resolution, every rule and every output format,
// mutated text through reading in pieces, and a directory of mutants through the CLI.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectItems } from '../src/input/index.js';
import { PemSplitter } from '../src/input/splitter.js';
import { Checker } from '../src/node.js';
import { FORMAT_NAMES, outputFormat } from '../src/report/formats.js';
import { resultToJson } from '../src/report/result-json.js';
import { loadManifest, TEST_CERTS } from './helpers/sample-pki.js';
import { runCli } from './helpers/hostile.js';

const AT = loadManifest().evaluationTime;
const SEED = 20261202;

/** A terminal must never see these from the text format (see src/report/terminal-safe.ts). */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const samples: Uint8Array[] = [];
const cas: Uint8Array[] = [];

beforeAll(() => {
  for (const { file, kind } of loadManifest().files) {
    for (const item of detectItems(readFileSync(join(TEST_CERTS, file))).items) {
      samples.push(item.der);
      if (file.startsWith('valid/') && ['root', 'issuing-oca', 'device-ca'].includes(kind)) cas.push(item.der);
    }
  }
});

const mutation = () =>
  fc.oneof(
    fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }).map((m) => (der: Uint8Array) => {
      const out = der.slice();
      out[m.at % out.length] = m.value;
      return out;
    }),
    fc.record({ at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }).map((m) => (der: Uint8Array) => {
      const at = m.at % der.length;
      return new Uint8Array([...der.subarray(0, at), ...m.bytes, ...der.subarray(at)]);
    }),
    fc.record({ at: fc.nat(), n: fc.integer({ min: 1, max: 16 }) }).map((m) => (der: Uint8Array) => {
      const at = m.at % der.length;
      return new Uint8Array([...der.subarray(0, at), ...der.subarray(at + m.n)]);
    }),
  );

describe('mutated certificates through the whole check', () => {
  it('one result each, no internal error, output every format can write safely', () => {
    const checker = new Checker({ at: AT });
    for (const ca of cas) checker.addIssuer(ca);
    const formats = FORMAT_NAMES.map((name) => outputFormat(name, false));
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation(), { minLength: 1, maxLength: 4 }), (pick, edits) => {
        const der = edits.reduce((d, edit) => edit(d), samples[pick % samples.length]);
        const results = checker.checkEntries([{ source: { path: 'mutant.der', index: 0 }, der }]);
        expect(results).toHaveLength(1);
        const [result] = results;
        expect(result.findings.filter((f) => f.ruleId.startsWith('internal.'))).toEqual([]);
        // Strict JSON: no lone surrogate anywhere, so no \udXXX escape in the text.
        expect(JSON.stringify(resultToJson(result))).not.toMatch(/\\ud[89a-f]/);
        for (const format of formats) format.result(result);
        expect(formats[0].result(result)).not.toMatch(UNSAFE);
      }),
      { numRuns: 400, seed: SEED },
    );
  });
});

describe('mutated text read whole and in pieces', () => {
  it('every item index has exactly one outcome, whatever the text and the chunk size', () => {
    const text = readFileSync(join(TEST_CERTS, 'bundles/orgs.pem'));
    const noise = fc.constantFrom('-----BEGIN CERTIFICATE-----', '-----END CERTIFICATE-----', '-----', '\n', '\r\n', 'MIIB', '=', '\u0000', '-----BEGIN X-----\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), noise), { maxLength: 6 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 512, max: 4096 }), (inserts, chunk, limit) => {
        let s = text.toString('latin1');
        for (const [at, piece] of inserts) s = s.slice(0, at % (s.length + 1)) + piece + s.slice(at % (s.length + 1));
        const bytes = Buffer.from(s, 'latin1');
        const splitter = new PemSplitter({ limit });
        const indexes: number[] = [];
        const take = (parts: ReturnType<PemSplitter['push']>) => {
          for (const p of parts) for (const x of [...p.detected.items, ...p.detected.problems]) indexes.push(x.index);
        };
        for (let at = 0; at < bytes.length && !splitter.done; at += chunk) take(splitter.push(bytes.subarray(at, at + chunk)));
        take(splitter.finish());
        expect(indexes).toEqual(indexes.map((_, i) => i));
      }),
      { numRuns: 300, seed: SEED },
    );
  });
});

describe('a directory of mutants through the CLI', () => {
  it('every file reported, nothing internal, the same output with one and two threads, valid JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'smki-fuzz-'));
    const mutants = fc.sample(fc.tuple(fc.nat(), fc.array(mutation(), { minLength: 1, maxLength: 3 }), fc.constantFrom('der', 'pem')), { numRuns: 240, seed: SEED });
    mutants.forEach(([pick, edits, form], i) => {
      const der = edits.reduce((d, edit) => edit(d), samples[pick % samples.length]);
      const body = form === 'der' ? der : `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;
      writeFileSync(join(dir, `m${String(i).padStart(3, '0')}.${form === 'der' ? 'der' : 'pem'}`), body);
    });
    for (const format of ['jsonl', 'sarif']) {
      const one = runCli(['check', dir, '--at', AT, '--format', format, '--jobs', '1', '--fail-on', 'never']);
      const two = runCli(['check', dir, '--at', AT, '--format', format, '--jobs', '2', '--fail-on', 'never']);
      expect([one.code, one.stderr]).toEqual([0, '']);
      expect(two.stdout).toBe(one.stdout);
      if (format === 'jsonl') {
        const lines = one.stdout.trim().split('\n').map((l) => JSON.parse(l));
        const summary = lines.pop();
        expect(new Set(lines.map((r) => r.source.path)).size).toBe(240);
        expect(summary.summary.inputs).toBe(lines.length);
        expect(lines.flatMap((r) => r.findings).filter((f: { ruleId: string }) => f.ruleId.startsWith('internal.'))).toEqual([]);
      } else {
        expect(JSON.parse(one.stdout).runs[0].results.length).toBeGreaterThan(0);
      }
    }
  });
});
