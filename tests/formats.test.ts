import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import type { CertificateResult } from '../src/check/result.js';
import { CATALOGUE } from '../src/rules/index.js';
import { attr, JUNIT_FORMAT, text } from '../src/report/junit-format.js';
import { artifactUri, FINGERPRINT_KEY, SARIF_FORMAT } from '../src/report/sarif-format.js';
import { emptyTotals } from '../src/report/format.js';
import { RULES_DOC_URL } from '../src/report/rule-help.js';
import { appendOutput, ReportStream } from '../src/report/stream.js';
import { emptySummary } from '../src/report/summary.js';
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
  summary: { inputs: number; errors: number; warnings: number; notices: number; waived: number; clean: number };
}

const jsonReport = (args: string[], options: { cwd?: string; input?: string } = {}) => JSON.parse(run([...args, '--format', 'json'], options).stdout) as JsonReport;

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn?: number } } }[];
  properties: { itemIndex: number; fieldPath: string; derOffset?: number; sha256?: string; kind?: string; element?: string };
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: string; status: string; justification: string }[];
}

interface SarifNotification {
  associatedRule: { id: string; index: number };
  level: string;
  message: { text: string };
}

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string; markdown: string }; helpUri: string; defaultConfiguration: { level: string }; properties: Record<string, unknown> }[] } };
    properties: { evaluatedAt: string; environment: string };
    results: SarifResult[];
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: SarifNotification[]; toolConfigurationNotifications?: SarifNotification[]; properties: { summary: JsonReport['summary'] } }[];
  }[];
}

// The official SARIF 2.1.0 JSON Schema (draft-04), as the @microsoft/jest-sarif package ships it.
const SARIF_SCHEMA = JSON.parse(readFileSync(join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
const validateSarif = new AjvDraft04.default({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(SARIF_SCHEMA);

/** Parses the log, validates it against the official schema and checks what code scanning requires. */
function sarif(stdout: string): SarifLog {
  const log = JSON.parse(stdout) as SarifLog;
  expect(validateSarif(log) ? [] : validateSarif.errors).toEqual([]);
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
    expect(Object.keys(r.partialFingerprints)).toEqual([FINGERPRINT_KEY]);
  }
  // Alerts are told apart by their fingerprints: no two results of a log share one.
  const prints = log.runs[0].results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
  expect(new Set(prints).size).toBe(prints.length);
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
      // Help for code scanning: what, why, how to fix and the citation, and a link to the rule's row in docs/rules.md.
      for (const section of ['What', 'Why', 'How to fix', 'Citation']) expect(rule.help.markdown).toContain(`**${section}.**`);
      expect(rule.help.markdown).toContain(meta.description);
      expect(rule.help.markdown).toContain(meta.citation);
      expect(rule.help.text).not.toContain('**');
      expect(rule.helpUri).toBe(`${RULES_DOC_URL}#${meta.id}`);
    }
    expect(readFileSync(join(ROOT, 'docs/rules.md'), 'utf8')).toContain(`<a id="${rules[0].id}"></a>`);
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
    const stdin = sarif(run(['check', '-', '--at', AT, '--format', 'sarif', '--issuer', cert('valid/root-oca.pem')], { input: readFileSync(cert('defects/org-role-86-reserved.pem'), 'latin1') }).stdout);
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

  it('separates only the results that wrote something', async () => {
    const clean: CertificateResult = { source: { path: 'a.pem', index: 0 }, findings: [], notEffective: [] };
    expect(SARIF_FORMAT.result(clean)).toBe('');
    const joined = ['', 'A', '', 'B,C', ''].reduce((text, output) => appendOutput(SARIF_FORMAT, text, output), '');
    expect(joined).toBe('A,B,C');
    let written = '';
    const stream = new ReportStream({ ...SARIF_FORMAT, begin: () => '[', end: () => ']' }, (t) => (written += t));
    stream.begin({ tool: { name: 'x', version: '0' }, evaluatedAt: '', environment: '' });
    for (const output of ['', 'A', '', 'B,C', '']) stream.add(output);
    await stream.end({ ...emptySummary(), inputs: 5, clean: 5 });
    expect(written).toBe('[A,B,C]');
  });

  it('gives a run without issuers one chain.not-checked notification, not one result per certificate', () => {
    const dir = sampleDir({ 'a.pem': 'valid/org-87-ds.pem', 'b.pem': 'defects/org-role-86-reserved.pem', 'c.csr': 'requests/device-ds.csr' });
    const args = ['check', dir, '--at', AT];
    const report = jsonReport(args);
    // Each certificate has the notice; the CSR has none.
    expect(report.results.map((r) => r.findings.filter((f) => f.ruleId === 'chain.not-checked').length)).toEqual([1, 1, 0]);
    const log = sarif(run([...args, '--format', 'sarif']).stdout);
    expect(log.runs[0].results.map((r) => r.ruleId)).toEqual(['org.role.reserved']);
    const [invocation] = log.runs[0].invocations;
    expect(invocation.toolExecutionNotifications).toHaveLength(1);
    const [note] = invocation.toolExecutionNotifications!;
    expect(note.level).toBe('note');
    expect(log.runs[0].tool.driver.rules[note.associatedRule.index].id).toBe('chain.not-checked');
    expect(note.message.text).toContain('of 2 certificates were not checked');
    // The summary still counts every notice, as the other formats do, so --fail-on notice exits alike.
    expect(invocation.properties.summary).toEqual(report.summary);
    // With issuers, a certificate whose issuer is missing keeps its own result.
    const withIssuers = sarif(run([...args, '--issuer', cert('valid/device-ca.pem'), '--format', 'sarif']).stdout);
    expect(withIssuers.runs[0].results.filter((r) => r.ruleId === 'chain.not-checked')).toHaveLength(2);
    expect(withIssuers.runs[0].invocations[0].toolExecutionNotifications).toBeUndefined();
    // With --require-issuer a missing issuer is an error of each certificate, and stays its result.
    const required = sarif(run([...args, '--require-issuer', '--format', 'sarif']).stdout);
    expect(required.runs[0].results.filter((r) => r.ruleId === 'chain.issuer.unavailable' && r.level === 'error')).toHaveLength(2);
    expect(required.runs[0].invocations[0].toolExecutionNotifications).toBeUndefined();
    // A severity override that makes the notice an error keeps it a result too.
    const config = join(mkdtempSync(join(tmpdir(), 'smki-formats-')), 'c.json');
    writeFileSync(config, JSON.stringify({ severity: { 'chain.not-checked': 'error' } }));
    const overridden = sarif(run([...args, '--config', config, '--format', 'sarif']).stdout);
    expect(overridden.runs[0].results.filter((r) => r.ruleId === 'chain.not-checked' && r.level === 'error')).toHaveLength(2);
  });

  it('fingerprints a finding by file, document, rule and field path, wherever the document moves in its file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'smki-formats-'));
    const bundle = join(dir, 'bundle.pem');
    const defect = readFileSync(cert('defects/org-role-86-reserved.pem'), 'latin1');
    const other = readFileSync(cert('defects/org-role-decimal-135.pem'), 'latin1');
    const prints = () => sarif(run(['check', 'bundle.pem', '--at', AT, '--issuer', cert('valid'), '--format', 'sarif'], { cwd: dir }).stdout).runs[0].results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    writeFileSync(bundle, defect);
    const [alone] = prints();
    // The same certificate after another one, in a later item and on a later line: the same alert.
    writeFileSync(bundle, 'a comment\n' + other + defect);
    const later = prints();
    expect(later).toHaveLength(2);
    expect(later[1]).toBe(alone);
    const report = jsonReport(['check', 'bundle.pem', '--at', AT, '--issuer', cert('valid')], { cwd: dir });
    const r = report.results[1] as (typeof report.results)[number] & { sha256: string };
    expect(alone).toBe(`bundle.pem:${r.sha256}:org.role.reserved:${r.findings[0].path}`);
  });

  it('validates against the SARIF 2.1.0 schema over the whole sample PKI, with and without issuers', () => {
    for (const extra of [[], ['--issuer', cert('valid')]]) {
      const r = run(['check', cert(''), '--at', AT, '--format', 'sarif', ...extra]);
      expect(r.code).toBe(1);
      expect(sarif(r.stdout).runs[0].results.length).toBeGreaterThan(100);
    }
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

const testcases = (xml: string) => [...xml.matchAll(/<testcase classname="([^"]*)" name="([^"]*)" time="([^"]*)"/g)].map((m) => ({ classname: unescape(m[1]), name: unescape(m[2]), time: m[3] }));
const failures = (xml: string) => [...xml.matchAll(/<failure type="([^"]*)" message="([^"]*)">([^<]*)<\/failure>/g)].map((m) => ({ type: unescape(m[1]), message: unescape(m[2]), text: unescape(m[3]) }));
/** The attributes of the first element with this name. */
function attributes(xml: string, element: string): Record<string, string> {
  const tag = new RegExp(`<${element} ([^>]*?)/?>`).exec(xml)![1];
  return Object.fromEntries([...tag.matchAll(/([\w.-]+)="([^"]*)"/g)].map((m) => [m[1], unescape(m[2])]));
}
/** Each testcase element whole, in order. */
const testcaseElements = (xml: string) => [...xml.matchAll(/<testcase [^>]*?(?:\/>|>[\s\S]*?<\/testcase>)/g)].map((m) => m[0]);
/** The measured times are the only part of the output that depends on timing. */
const withoutTimes = (xml: string) => xml.replace(/ time="[\d.]+"/g, ' time="-"');

describe('--format junit', () => {
  it('writes one testcase per item with one failure holding every finding that counts, over the sample PKI', () => {
    const args = ['check', cert(''), '--at', AT, '--jobs', '1'];
    const r = run([...args, '--format', 'junit']);
    const report = jsonReport(args);
    expect(r.code).toBe(1);
    checkXml(r.stdout);
    const classname = (res: (typeof report.results)[number]) => (res.document === 'duis-request' ? 'duis-request' : res.kind === undefined ? 'input' : res.document === 'csr' ? `csr.${res.kind}` : res.kind);
    const name = (res: (typeof report.results)[number]) => `${res.source.path} [${res.source.index}]${res.source.element ? ` ${res.source.element}` : ''}`;
    expect(testcases(r.stdout)).toEqual(report.results.map((res) => ({ classname: classname(res), name: name(res), time: '0' })));
    // At most one <failure> per testcase (readers such as Jenkins show only the first), holding every error and warning.
    const elements = testcaseElements(r.stdout);
    expect(elements).toHaveLength(report.results.length);
    let several = 0;
    report.results.forEach((res, i) => {
      const counting = res.findings.filter((f) => f.severity !== 'notice');
      const found = failures(elements[i]);
      expect(found).toHaveLength(counting.length > 0 ? 1 : 0);
      if (counting.length === 0) return;
      if (counting.length > 1) several++;
      expect(found[0].type).toBe(counting[0].ruleId);
      expect(found[0].message).toBe(counting.length === 1 ? counting[0].message : `${counting.length} findings: ${counting.map((f) => f.ruleId).join(', ')}`);
      for (const f of counting) expect(found[0].text).toContain(`${f.severity}: ${f.ruleId}: ${f.message}`);
    });
    expect(several).toBeGreaterThan(10);
    // Notices are the testcases' output, not failures.
    expect(report.summary.notices).toBeGreaterThan(0);
    expect(r.stdout.match(/(^|<system-out>)notice: /gm)).toHaveLength(report.summary.notices);
    // The counts Jenkins and GitLab read, on both suite elements, and the run's time.
    const failing = report.results.filter((res) => res.findings.some((f) => f.severity !== 'notice')).length;
    for (const element of ['testsuites', 'testsuite']) {
      const a = attributes(r.stdout, element);
      expect({ tests: a.tests, failures: a.failures, errors: a.errors, skipped: a.skipped }).toEqual({ tests: String(report.summary.inputs), failures: String(failing), errors: '0', skipped: '0' });
      expect(Number(a.time)).toBeGreaterThan(0);
    }
    expect(attributes(r.stdout, 'testsuite').timestamp).toBe(new Date(AT).toISOString());
    const s = report.summary;
    for (const [name, value] of Object.entries({ items: s.inputs, clean: s.clean, errors: s.errors, warnings: s.warnings, notices: s.notices, waived: s.waived })) {
      expect(r.stdout).toContain(`<property name="summary.${name}" value="${value}"/>`);
    }
    expect(r.stdout.endsWith('</testcase>\n</testsuite>\n</testsuites>\n') || r.stdout.endsWith('/>\n</testsuite>\n</testsuites>\n')).toBe(true);
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
      { classname: 'input', name: `${odd} [0]`, time: '0' },
      { classname: 'organisation', name: `${join(dir, 'b&.pem')} [0]`, time: '0' },
    ]);
    const message = report.results[0].findings[0].message;
    expect(message).toContain('<');
    expect(message).toContain('&');
    expect(message).toContain('"');
    expect(failures(r.stdout)[0]).toMatchObject({ type: 'input.no-certificate', message });
    // The SARIF log of the same run is still valid JSON with the path as a URI.
    const log = sarif(run([...args, '--format', 'sarif']).stdout);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/\/a&b%20%3C%22c'%3E\.pem$/);
  });

  it('leaves out characters XML 1.0 does not allow and keeps line breaks in attributes', async () => {
    const result: CertificateResult = {
      source: { path: 'x\u0001y.pem', index: 2 },
      kind: 'device',
      findings: [{ ruleId: 'r.one', severity: 'warning', message: 'bad \u0000\u001Fbyte\uD800 ]]> "q" \'a\'\nnext', path: 'p', offset: 3, citation: 'C & D' }],
      notEffective: [],
    };
    let xml = '';
    const stream = new ReportStream(JUNIT_FORMAT, (t) => (xml += t));
    stream.begin({ tool: { name: 'smki-lint', version: '0.1.0' }, evaluatedAt: '2026-06-01T00:00:00.000Z', environment: 't<e>st' });
    stream.add(JUNIT_FORMAT.result(result));
    await stream.end({ ...emptySummary(), inputs: 1, warnings: 1 }, { failing: 1 });
    checkXml(xml);
    expect(testcases(xml)).toEqual([{ classname: 'device', name: 'xy.pem [2]', time: '0' }]);
    expect(failures(xml)).toEqual([{ type: 'r.one', message: 'bad byte ]]> "q" \'a\'\nnext', text: 'warning: r.one: bad byte ]]> "q" \'a\'\nnext\n  at p (offset 3) — C & D' }]);
    expect(xml).toContain('<property name="environment" value="t&lt;e&gt;st"/>');
    expect(attributes(xml, 'testsuite')).toMatchObject({ tests: '1', failures: '1', errors: '0', skipped: '0' });
    expect(text('a\u0008b\uFFFEc\u{1F600}')).toBe('ab' + 'c\u{1F600}');
    expect(attr('\t\r\n')).toBe('&#9;&#13;&#10;');
  });

  it('reports an item that could not be checked as an error, not a failure', () => {
    const result: CertificateResult = {
      source: { path: 'gone.pem', index: 0 },
      findings: [{ ruleId: 'input.unreadable', severity: 'error', message: 'gone.pem: no such file or directory', path: 'input', citation: 'c' }],
      notEffective: [],
    };
    const xml = JUNIT_FORMAT.result(result);
    expect(xml).toContain('<error type="input.unreadable" message="gone.pem: no such file or directory">');
    expect(failures(xml)).toEqual([]);
    expect(JUNIT_FORMAT.begin({ tool: { name: 'smki-lint', version: '0' }, evaluatedAt: '', environment: '' }, { ...emptyTotals(), summary: { ...emptySummary(), inputs: 1, errors: 1 }, broken: 1, written: true })).toContain('tests="1" failures="0" errors="1" skipped="0"');
  });

  it('gives the same output with one worker and with two, but for the measured time', () => {
    const dir = bigDir();
    const one = run(['check', dir, '--at', AT, '--format', 'junit', '--jobs', '1']);
    const two = run(['check', dir, '--at', AT, '--format', 'junit', '--jobs', '2']);
    checkXml(one.stdout);
    expect(testcases(one.stdout).length).toBeGreaterThan(3 * 130);
    expect(two.code).toBe(one.code);
    expect(withoutTimes(two.stdout)).toBe(withoutTimes(one.stdout));
  });
});
