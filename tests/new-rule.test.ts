import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rule } from '../src/lint/index.js';
import { appendToArray, ensureImport, scaffoldRule } from '../scripts/new-rule.js';
import type { NewRule } from '../scripts/new-rule.js';

const ROOT = join(import.meta.dirname, '..');
// Inside the repository, so the copy resolves the project's node_modules.
const COPY = join(ROOT, `.new-rule-test-${process.pid}`);

const organisationRule: NewRule = { id: 'org.subject.thing', severity: 'warning', source: 'seen', documents: ['certificate', 'csr'], kinds: ['organisation'] };
const deviceRule: NewRule = { id: 'device.san.thing', severity: 'error', source: 'spec', documents: ['certificate'], kinds: ['device'] };
const read = (...path: string[]) => readFileSync(join(COPY, ...path), 'utf8');

beforeAll(() => {
  mkdirSync(join(COPY, 'test-certs'), { recursive: true });
  cpSync(join(ROOT, 'src'), join(COPY, 'src'), { recursive: true });
  cpSync(join(ROOT, 'test-certs', 'generate'), join(COPY, 'test-certs', 'generate'), { recursive: true });
  writeFileSync(join(COPY, 'tsconfig.json'), JSON.stringify({ extends: '../tsconfig.json', compilerOptions: { rootDir: '.' }, include: ['src', 'test-certs/generate'] }));
  scaffoldRule(COPY, organisationRule);
  scaffoldRule(COPY, deviceRule);
});

afterAll(() => rmSync(COPY, { recursive: true, force: true }));

describe('npm run new-rule', () => {
  it('writes the rule in the folder its id names, with its metadata and an empty check', () => {
    const text = read('src', 'rules', 'org', 'subject-thing.ts');
    expect(text).toContain("id: 'org.subject.thing',");
    expect(text).toContain("severity: 'warning',");
    expect(text).toContain("documents: ['certificate', 'csr'],");
    expect(text).toContain("appliesTo: ['organisation'],");
    expect(text).toContain("source: 'seen',");
    expect(text).toContain("citation: '',");
    expect(read('src', 'rules', 'device', 'san-thing.ts')).not.toContain('documents:');
  });

  it("lists it in its area's index, after the rules already there", () => {
    const index = read('src', 'rules', 'org', 'index.ts');
    expect(index).toContain("import subjectThing from './subject-thing.js';");
    expect(index).toMatch(/issuerNotIssuingOca,\n {2}subjectThing,\n\];/);
  });

  it('adds a certificate sample, and a request sample when the rule reads requests, each expecting it', () => {
    expect(read('test-certs', 'generate', 'defects-org.ts')).toMatch(/name: 'org-subject-thing',[\s\S]*expect: \[finding\('org\.subject\.thing', CERT\.subject, at\.field\('subject'\)\)\]/);
    expect(read('test-certs', 'generate', 'defects-request.ts')).toMatch(/name: 'csr-org-subject-thing',[\s\S]*build: supplierWith\(\(p\) => p\)/);
    const device = read('test-certs', 'generate', 'defects-device.ts');
    expect(device).toContain("name: 'device-san-thing',");
    expect(device).toContain("build: (pki, label) => device({ label, usage: 'ds', hwSerialNum: defectEui(label), issuer: pki.deviceCa }),");
    expect(read('test-certs', 'generate', 'defects-request.ts')).not.toContain('device-san-thing');
  });

  it('leaves a rule that fails to load until its citation and description are written', async () => {
    // Under its own URL, so that the module the next test loads is not this failed one.
    await expect(import(`${pathToFileURL(join(COPY, 'src', 'rules', 'org', 'subject-thing.ts')).href}?unfinished`)).rejects.toThrow('rule org.subject.thing needs a citation and a description');
  });

  it('gives code that runs once they are: the rule is in the catalogue, its samples in the sample PKI', async () => {
    for (const file of [join('org', 'subject-thing.ts'), join('device', 'san-thing.ts')]) {
      const path = join(COPY, 'src', 'rules', file);
      writeFileSync(path, readFileSync(path, 'utf8').replace("citation: '',", "citation: 'RFC 5280 4.1.2.6',").replace("description: '',", "description: 'A thing.',"));
    }
    const rules = (await import(pathToFileURL(join(COPY, 'src', 'rules', 'index.ts')).href)) as { ALL_RULES: readonly Rule[] };
    expect(rules.ALL_RULES.find((r) => r.id === 'org.subject.thing')?.documents).toEqual(['certificate', 'csr']);
    expect(rules.ALL_RULES.find((r) => r.id === 'device.san.thing')?.appliesTo).toEqual(['device']);
    const generate = (await import(pathToFileURL(join(COPY, 'test-certs', 'generate', 'index.ts')).href)) as { samplePkiFiles(): { files: { file: string; expect: string[]; findings: unknown[] }[] } };
    const { files } = generate.samplePkiFiles();
    const samples = files.filter((f) => f.expect.includes('org.subject.thing') || f.expect.includes('device.san.thing')).map((f) => [f.file, f.findings.length]);
    expect(samples).toEqual([
      ['defects/org-subject-thing.pem', 1],
      ['defects/device-san-thing.pem', 1],
      ['request-defects/csr-org-subject-thing.csr', 1],
    ]);
  });

  it('gives code that type-checks', () => {
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', join(COPY, 'tsconfig.json')], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 120_000);

  it('refuses an id in use, an area that does not exist, a malformed id and an error that is no MUST', () => {
    expect(() => scaffoldRule(COPY, organisationRule)).toThrow('exists');
    expect(() => scaffoldRule(COPY, { ...organisationRule, id: 'misc.thing' })).toThrow('no area misc');
    expect(() => scaffoldRule(COPY, { ...organisationRule, id: 'Org.Thing' })).toThrow('is not a rule id');
    expect(() => scaffoldRule(COPY, { ...organisationRule, id: 'org.other', severity: 'error' })).toThrow('an error is a MUST of a text the project has read');
    expect(() => scaffoldRule(COPY, { ...organisationRule, id: 'org.other', kinds: ['web'] })).toThrow("unknown kind 'web'");
    expect(existsSync(join(COPY, 'src', 'rules', 'org', 'other.ts'))).toBe(false);
  });

  it('edits imports and lists in place', () => {
    expect(ensureImport("import { a, c } from './x.js';\n\nconst y = 1;\n", 'b', './x.js')).toBe("import { a, b, c } from './x.js';\n\nconst y = 1;\n");
    expect(ensureImport("import { a } from './x.js';\n", 'a', './x.js')).toBe("import { a } from './x.js';\n");
    expect(ensureImport("import { a } from './x.js';\nconst y = 1;\n", 'z', './z.js')).toBe("import { a } from './x.js';\nimport { z } from './z.js';\nconst y = 1;\n");
    expect(appendToArray('export const L: T[] = [a, b];\n', 'L', 'c')).toBe('export const L: T[] = [a, b, c];\n');
    expect(appendToArray('export const L: T[] = [\n  a,\n];\n', 'L', 'b')).toBe('export const L: T[] = [\n  a,\n  b,\n];\n');
  });
});
