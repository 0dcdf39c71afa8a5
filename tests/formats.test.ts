import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CertificateResult } from '../src/check/result.js';
import { CATALOGUE } from '../src/rules/index.js';
import { attr, JUNIT_FORMAT, text } from '../src/report/junit-format.js';
import { artifactUri, SARIF_FORMAT } from '../src/report/sarif-format.js';
import { appendOutput, ReportStream } from '../src/report/stream.js';
import { loadManifest, TEST_CERTS } from './helpers/sample-pki.js';

// The sarif and junit formats end to end, through the built CLI (npm test builds first).
const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'smki-lint.js');
const AT = loadManifest().evaluationTime;
const cert = (name: string) => join(TEST_CERTS, name);

function run(args: string[], options: { input?: string; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input,
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonReport {
  results: { source: { path: string; index: number; line?: number; element?: string }; document?: string; kind?: string; findings: { ruleId: string; severity: string; message: string; path: string; offset?: number; line?: number; column?: number }[] }[];
  summary: { inputs: number; errors: number; warnings: number; notices: number; clean: number };
}

const jsonReport = (args: string[], options: { cwd?: string; input?: string } = {}) => JSON.parse(run([...args, '--format', 'json'], options).stdout) as JsonReport;

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn?: number } } }[];
  properties: { itemIndex: number; fieldPath: string; derOffset?: number; sha256?: string; kind?: string; element?: string };
}

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string }; defaultConfiguration: { level: string }; properties: Record<string, unknown> }[] } };
    properties: { evaluatedAt: string; environment: string };
    results: SarifResult[];
    invocations: { executionSuccessful: boolean; properties: { summary: JsonReport['summary'] } }[];
  }[];
}

/** Parses the log and checks the structure SARIF 2.1.0 and code scanning require. */
function sarif(stdout: string): SarifLog {
  const log = JSON.parse(stdout) as SarifLog;
  expect(log.version).toBe('2.1.0');
  expect(log.$schema).toContain('sarif-2.1.0');
  expect(log.runs).toHaveLength(1);
  const { driver } = log.runs[0].tool;
  expect(driver.name).toBe('smki-lint');
  expect(driver.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(driver.informationUri).toBe('https://www.npmjs.com/package/smki-lint');
  expect(Array.isArray(log.runs[0].results)).toBe(true);
  for (const r of log.runs[0].results) {
    expect(typeof r.ruleId).toBe('string');
    expect(driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    expect(['error', 'warning', 'note']).toContain(r.level);
    expect(r.message.text.length).toBeGreaterThan(0);
    expect(r.locations).toHaveLength(1);
    expect(r.locations[0].physicalLocation.artifactLocation.uri.length).toBeGreaterThan(0);
    expect(Number.isInteger(r.locations[0].physicalLocation.region.startLine)).toBe(true);
    expect(Number.isInteger(r.properties.itemIndex)).toBe(true);
  }
  return log;
}

const findingCount = (report: JsonReport) => report.results.reduce((n, r) => n + r.findings.length, 0);
const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', notice: 'note' };

/** A temp directory holding copies of sample files under new names (read in name order). */
function sampleDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'smki-formats-'));
  for (const [name, sample] of Object.entries(files)) copyFileSync(cert(sample), join(dir, name));
  return dir;
}

/** More than the 64 files from which the CLI checks on workers, defects and valid ones interleaved. */
function bigDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'smki-formats-'));
  const samples = loadManifest().files.map((f) => f.file);
  for (let copy = 0; copy < 3; copy++) {
    for (const file of samples) writeFileSync(join(dir, `${copy}-${file.replaceAll('/', '-')}`), readFileSync(cert(file)));
  }
  return dir;
}

describe('--format sarif', () => {
  it('describes every catalogue rule in the driver', () => {
    const log = sarif(run(['check', cert('valid/root-oca.pem'), '--at', AT, '--format', 'sarif']).stdout);
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual(CATALOGUE.map((r) => r.id));
    for (const [i, rule] of rules.entries()) {
      const meta = CATALOGUE[i];
      expect(rule.shortDescription.text).toBe(meta.description);
      expect(rule.fullDescription.text).toContain(meta.description);
      expect(rule.fullDescription.text).toContain(meta.citation);
      expect(rule.defaultConfiguration.level).toBe(LEVEL[meta.severity]);
      expect(rule.properties).toEqual({ citation: meta.citation, source: meta.source, appliesTo: meta.appliesTo, documents: meta.documents });
    }
    expect(log.runs[0].properties).toEqual({ evaluatedAt: new Date(AT).toISOString(), environment: 'test' });
  });

  it('writes one result per finding over the sample PKI, as --format json reports them', () => {
    const args = ['check', 'test-certs', '--at', AT, '--jobs', '1'];
    const r = run([...args, '--format', 'sarif'], { cwd: ROOT });
    const report = jsonReport(args, { cwd: ROOT });
    expect(r.code).toBe(1);
    const log = sarif(r.stdout);
    const results = log.runs[0].results;
    expect(findingCount(report)).toBeGreaterThan(100);
    expect(results).toHaveLength(findingCount(report));
    expect(log.runs[0].invocations[0]).toEqual({ executionSuccessful: true, properties: { summary: report.summary } });
    // Same findings in the same order, each located at its file and item.
    const expected = report.results.flatMap((res) => res.findings.map((f) => ({ res, f })));
    expected.forEach(({ res, f }, i) => {
      const s = results[i];
      expect(s.ruleId).toBe(f.ruleId);
      expect(s.level).toBe(LEVEL[f.severity]);
      expect(s.message.text).toBe(f.path ? `${f.message} [${f.path}]` : f.message);
      expect(s.locations[0].physicalLocation.artifactLocation.uri).toBe(res.source.path);
      expect(s.properties.itemIndex).toBe(res.source.index);
      // A DUIS request's finding is at its XML element; any other at its item's first line.
      expect(s.locations[0].physicalLocation.region.startLine).toBe(f.line ?? res.source.line ?? 1);
      expect(s.locations[0].physicalLocation.region.startColumn).toBe(f.column);
      expect(s.properties.element).toBe(res.source.element);
      expect(s.properties.fieldPath).toBe(f.path);
      expect(s.properties.derOffset).toBe(f.offset);
      expect(s.properties.kind).toBe(res.kind);
    });
  });

  it('stays valid JSON when the first certificates have no findings', () => {
    // Clean first, then a defect, another clean one, another defect, a clean one last.
    const dir = sampleDir({
      'a-clean.pem': 'valid/org-87-ds.pem',
      'b-clean.pem': 'valid/org-02-ds.pem',
      'c-defect.pem': 'defects/org-role-86-reserved.pem',
      'd-clean.pem': 'valid/org-03-ka.pem',
      'e-defect.pem': 'defects/org-role-decimal-135.pem',
      'f-clean.pem': 'valid/org-04-ds.pem',
    });
    const args = ['check', dir, '--at', AT, '--issuer', cert('valid')];
    const report = jsonReport(args);
    expect(report.results.map((r) => r.findings.length > 0)).toEqual([false, false, true, false, true, false]);
    const log = sarif(run([...args, '--format', 'sarif']).stdout);
    expect(log.runs[0].results).toHaveLength(findingCount(report));
    // An absolute path is a file: URI.
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/^file:\/\/\/.*\/c-defect\.pem$/);
  });

  it('writes an empty results array when nothing is found, and names standard input stdin', () => {
    const none = run(['check', cert('valid'), '--at', AT, '--only', 'org.role.reserved', '--format', 'sarif']);
    expect(none.code).toBe(0);
    const log = sarif(none.stdout);
    expect(log.runs[0].results).toEqual([]);
    expect(none.stdout).toContain('"results": [],');
    const stdin = sarif(run(['check', '-', '--at', AT, '--format', 'sarif'], { input: readFileSync(cert('defects/org-role-86-reserved.pem'), 'latin1') }).stdout);
    expect(stdin.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri)).toEqual(['stdin', 'stdin']);
  });

  it('gives the same output with one worker and with two', () => {
    const dir = bigDir();
    const one = run(['check', dir, '--at', AT, '--format', 'sarif', '--jobs', '1']);
    const two = run(['check', dir, '--at', AT, '--format', 'sarif', '--jobs', '2']);
    const log = sarif(one.stdout);
    expect(log.runs[0].results).toHaveLength(findingCount(jsonReport(['check', dir, '--at', AT, '--jobs', '1'])));
    expect(log.runs[0].invocations[0].properties.summary.inputs).toBeGreaterThan(3 * 130);
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
  });

  it('turns paths into URI references', () => {
    expect(artifactUri('-')).toBe('stdin');
    expect(artifactUri('certs/a b#1%.pem')).toBe('certs/a%20b%231%25.pem');
    expect(artifactUri('certs\\sub\\x&y.pem')).toBe('certs/sub/x&y.pem');
    expect(artifactUri('c:x.pem')).toBe('c%3Ax.pem');
    expect(artifactUri('/srv/pki/é.pem')).toBe('file:///srv/pki/%C3%A9.pem');
    expect(artifactUri('C:\\pki\\a.pem')).toBe('file:///C:/pki/a.pem');
    expect(artifactUri('\\\\server\\share\\a.pem')).toBe('file://server/share/a.pem');
  });

  it('separates only the results that wrote something', () => {
    const clean: CertificateResult = { source: { path: 'a.pem', index: 0 }, findings: [], notEffective: [] };
    expect(SARIF_FORMAT.result(clean)).toBe('');
    const joined = ['', 'A', '', 'B,C', ''].reduce((text, output) => appendOutput(SARIF_FORMAT, text, output), '');
    expect(joined).toBe('A,B,C');
    let written = '';
    const stream = new ReportStream({ ...SARIF_FORMAT, begin: () => '[', end: () => ']' }, (t) => (written += t));
    stream.begin({ tool: { name: 'x', version: '0' }, evaluatedAt: '', environment: '' });
    for (const output of ['', 'A', '', 'B,C', '']) stream.add(output);
    stream.end({ inputs: 5, errors: 0, warnings: 0, notices: 0, clean: 5 });
    expect(written).toBe('[A,B,C]');
  });
});

// Checks well-formedness the simple way: declaration, then tags that balance, attributes quoted,
// and no & or < in text or attribute values other than the references the format writes.
function checkXml(xml: string): void {
  const declaration = '<?xml version="1.0" encoding="UTF-8"?>\n';
  expect(xml.startsWith(declaration)).toBe(true);
  const body = xml.slice(declaration.length).replace(/<!--([\s\S]*?)-->/g, (_, comment: string) => {
    expect(comment).not.toContain('--');
    return '';
  });
  const reference = /&(?!(amp|lt|gt|quot|apos|#\d+);)/;
  const tag = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w.-]+="[^"<>]*")*)\s*(\/?)>/g;
  const stack: string[] = [];
  let roots = 0;
  let last = 0;
  for (const m of body.matchAll(tag)) {
    const between = body.slice(last, m.index);
    expect(between).not.toMatch(/[<>]/);
    expect(between).not.toMatch(reference);
    expect(m[3]).not.toMatch(reference);
    last = m.index + m[0].length;
    const [, closing, name, , selfClosing] = m;
    if (stack.length === 0) roots++;
    if (closing) expect(stack.pop()).toBe(name);
    else if (!selfClosing) stack.push(name);
  }
  expect(body.slice(last).trim()).toBe('');
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
  expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescape(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, (_, e: string) => (e.startsWith('#') ? String.fromCharCode(Number(e.slice(1))) : ENTITIES[e]));
}

const testcases = (xml: string) => [...xml.matchAll(/<testcase classname="([^"]*)" name="([^"]*)"/g)].map((m) => ({ classname: unescape(m[1]), name: unescape(m[2]) }));
const failures = (xml: string) => [...xml.matchAll(/<failure type="([^"]*)" message="([^"]*)">/g)].map((m) => ({ type: unescape(m[1]), message: unescape(m[2]) }));

describe('--format junit', () => {
  it('writes one testcase per item and one failure per error or warning over the sample PKI', () => {
    const args = ['check', cert(''), '--at', AT, '--jobs', '1'];
    const r = run([...args, '--format', 'junit']);
    const report = jsonReport(args);
    expect(r.code).toBe(1);
    checkXml(r.stdout);
    expect(r.stdout).toContain(`<testsuite name="smki-lint check" timestamp="${new Date(AT).toISOString()}">`);
    const classname = (res: (typeof report.results)[number]) => (res.document === 'duis-request' ? 'duis-request' : res.kind === undefined ? 'input' : res.document === 'csr' ? `csr.${res.kind}` : res.kind);
    const name = (res: (typeof report.results)[number]) => `${res.source.path} [${res.source.index}]${res.source.element ? ` ${res.source.element}` : ''}`;
    expect(testcases(r.stdout)).toEqual(report.results.map((res) => ({ classname: classname(res), name: name(res) })));
    const expected = report.results.flatMap((res) => res.findings.filter((f) => f.severity !== 'notice').map((f) => ({ type: f.ruleId, message: f.message })));
    expect(expected).toHaveLength(report.summary.errors + report.summary.warnings);
    expect(failures(r.stdout)).toEqual(expected);
    // Notices are the testcases' output, not failures.
    expect(report.summary.notices).toBeGreaterThan(0);
    expect(r.stdout.match(/(^|<system-out>)notice: /gm)).toHaveLength(report.summary.notices);
    const s = report.summary;
    expect(r.stdout).toContain(`<!-- summary: ${s.inputs} items, ${s.clean} clean, ${s.errors} errors, ${s.warnings} warnings, ${s.notices} notices -->\n</testsuite>\n</testsuites>\n`);
  });

  it('escapes paths and messages holding <, &, " and \'', () => {
    const dir = mkdtempSync(join(tmpdir(), 'smki-formats-'));
    const odd = join(dir, `a&b <"c'>.pem`);
    writeFileSync(odd, 'R&D <notes> "quoted"\n');
    copyFileSync(cert('defects/org-role-86-reserved.pem'), join(dir, 'b&.pem'));
    const args = ['check', dir, '--at', AT];
    const r = run([...args, '--format', 'junit']);
    const report = jsonReport(args);
    checkXml(r.stdout);
    expect(testcases(r.stdout)).toEqual([
      { classname: 'input', name: `${odd} [0]` },
      { classname: 'organisation', name: `${join(dir, 'b&.pem')} [0]` },
    ]);
    const message = report.results[0].findings[0].message;
    expect(message).toContain('<');
    expect(message).toContain('&');
    expect(message).toContain('"');
    expect(failures(r.stdout)[0]).toEqual({ type: 'input.no-certificate', message });
    // The SARIF log of the same run is still valid JSON with the path as a URI.
    const log = sarif(run([...args, '--format', 'sarif']).stdout);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/\/a&b%20%3C%22c'%3E\.pem$/);
  });

  it('leaves out characters XML 1.0 does not allow and keeps line breaks in attributes', () => {
    const result: CertificateResult = {
      source: { path: 'x\u0001y.pem', index: 2 },
      kind: 'device',
      findings: [{ ruleId: 'r.one', severity: 'warning', message: 'bad \u0000\u001Fbyte\uD800 ]]> "q" \'a\'\nnext', path: 'p', offset: 3, citation: 'C & D' }],
      notEffective: [],
    };
    const xml = JUNIT_FORMAT.begin({ tool: { name: 'smki-lint', version: '0.1.0' }, evaluatedAt: '2026-06-01T00:00:00.000Z', environment: 't<e>st' }) + JUNIT_FORMAT.result(result) + JUNIT_FORMAT.end({ inputs: 1, errors: 0, warnings: 1, notices: 0, clean: 0 });
    checkXml(xml);
    expect(testcases(xml)).toEqual([{ classname: 'device', name: 'xy.pem [2]' }]);
    expect(failures(xml)).toEqual([{ type: 'r.one', message: 'bad byte ]]> "q" \'a\'\nnext' }]);
    expect(xml).toContain('>warning: r.one at p (offset 3) — C &amp; D</failure>');
    expect(xml).toContain('<property name="environment" value="t&lt;e&gt;st"/>');
    expect(xml).toContain('<!-- summary: 1 item, 0 clean, 0 errors, 1 warning, 0 notices -->');
    expect(text('a\u0008b\uFFFEc\u{1F600}')).toBe('ab' + 'c\u{1F600}');
    expect(attr('\t\r\n')).toBe('&#9;&#13;&#10;');
  });

  it('gives the same output with one worker and with two', () => {
    const dir = bigDir();
    const one = run(['check', dir, '--at', AT, '--format', 'junit', '--jobs', '1']);
    const two = run(['check', dir, '--at', AT, '--format', 'junit', '--jobs', '2']);
    checkXml(one.stdout);
    expect(testcases(one.stdout).length).toBeGreaterThan(3 * 130);
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
  });
});
