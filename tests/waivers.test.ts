import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { Checker } from '../src/check/checker.js';
import { applyConfig, parseConfig } from '../src/check/config.js';
import { FindingPolicy, issuerKey, serialKey, unusedWaiverNotices } from '../src/check/policy.js';
import { withoutComments } from '../src/cli/config-file.js';
import { INIT_CONFIG } from '../src/cli/init-command.js';
import { createNodeCrypto } from '../src/crypto/node.js';
import { addToSummary, emptySummary } from '../src/report/summary.js';
import { runCli } from './helpers/hostile.js';
import { TEST_CERTS } from './helpers/sample-pki.js';

const AT = '2026-06-01';
const ROOT = join(import.meta.dirname, '..');
const cert = (name: string) => join(TEST_CERTS, name);
const bytes = (name: string) => new Uint8Array(readFileSync(cert(name)));

// The sample with OU 86: org.role.reserved (error) and, without issuers, chain.not-checked (notice).
const RESERVED = 'defects/org-role-86-reserved.pem';
const RESERVED_SHA256 = 'bb78e430665696c5339d0cf020f09227801ebab8c4d89320fa9d274dd41f0e46';

function checkOne(file: string, config: unknown, at = AT) {
  const checker = new Checker(applyConfig({ at, crypto: createNodeCrypto() }, parseConfig(config, 'smki-lint.json')));
  return { checker, result: checker.checkSource(bytes(file), file)[0] };
}

const waiver = (extra: object = {}) => ({ sha256: RESERVED_SHA256, rule: 'org.role.reserved', reason: 'legacy sample, replaced in Q3', expires: '2026-09-30', ...extra });

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'smki-waivers-')), name);
  writeFileSync(path, text);
  return path;
}

describe('waivers in the library', () => {
  it('marks a waived finding, keeps it, and leaves it out of the counts', () => {
    const { checker, result } = checkOne(RESERVED, { waivers: [waiver()] });
    const f = result.findings.find((x) => x.ruleId === 'org.role.reserved')!;
    expect(f.waived).toEqual({ reason: 'legacy sample, replaced in Q3', expires: '2026-09-30' });
    expect(f.severity).toBe('error');
    const summary = emptySummary();
    addToSummary(summary, result);
    expect(summary).toMatchObject({ errors: 0, notices: 1, waived: 1, clean: 0 });
    expect(checker.policy.used).toEqual(new Set([0]));
  });

  it('matches a certificate by serial and issuer, in any case and spacing, and a rule by prefix', () => {
    const { result } = checkOne(RESERVED, { waivers: [{ serial: '2C4EE6DEAABFF94DD5146BC9ECA23255', issuer: 'ou=07,cn=T1', rule: 'org.role', reason: 'r', expires: '2026-12-31' }] });
    expect(result.findings.find((x) => x.ruleId === 'org.role.reserved')?.waived?.reason).toBe('r');
    // chain.not-checked is not an org.role rule.
    expect(result.findings.find((x) => x.ruleId === 'chain.not-checked')?.waived).toBeUndefined();
    expect(serialKey('00:a1')).toBe('a1');
    expect(serialKey('00')).toBe('00');
    expect(issuerKey(' OU = 07 ,  CN=T1 ')).toBe('ou=07,cn=t1');
  });

  it('does not match another document or another rule', () => {
    const other = checkOne('defects/org-role-decimal-135.pem', { waivers: [waiver()] });
    expect(other.result.findings.some((f) => f.waived)).toBe(false);
    expect(other.checker.policy.used.size).toBe(0);
    const wrongRule = checkOne(RESERVED, { waivers: [waiver({ rule: 'org.cn' })] });
    expect(wrongRule.result.findings.some((f) => f.waived)).toBe(false);
  });

  it('counts a finding again after its waiver expires, with a config.waiver-expired notice naming the waiver', () => {
    const onTheDay = checkOne(RESERVED, { waivers: [waiver()] }, '2026-09-30T23:59:59Z');
    expect(onTheDay.result.findings.find((f) => f.ruleId === 'org.role.reserved')?.waived).toBeDefined();
    const after = checkOne(RESERVED, { waivers: [waiver()] }, '2026-10-01');
    const reserved = after.result.findings.find((f) => f.ruleId === 'org.role.reserved')!;
    expect(reserved.waived).toBeUndefined();
    const expired = after.result.findings.filter((f) => f.ruleId === 'config.waiver-expired');
    expect(expired).toHaveLength(1);
    expect(expired[0].severity).toBe('notice');
    expect(expired[0].message).toContain('smki-lint.json waivers[0] for org.role.reserved expired on 2026-09-30');
    // An expired waiver did match: it is not also reported as unused.
    expect(after.checker.policy.used).toEqual(new Set([0]));
  });

  it('reports the waivers that matched nothing in the run', () => {
    const config = parseConfig({ waivers: [waiver(), waiver({ rule: 'org.cn' })] }, 'smki-lint.json');
    const { checker } = checkOne(RESERVED, { waivers: config.waivers.map(({ label: _, ...w }) => w) });
    const notices = unusedWaiverNotices(config.waivers, checker.policy.used);
    expect(notices.map((n) => [n.ruleId, n.severity])).toEqual([['config.waiver-unused', 'notice']]);
    expect(notices[0].message).toContain(`smki-lint.json waivers[1] (org.cn on sha256 ${RESERVED_SHA256}) matched no finding`);
    expect(unusedWaiverNotices(config.waivers, new Set(), (id) => id !== 'config.waiver-unused')).toEqual([]);
  });

  it('waives a CSR by its sha256', () => {
    const file = 'request-defects/csr-role-86-reserved.csr';
    const plain = checkOne(file, {}).result;
    const ids = plain.findings.map((f) => f.ruleId);
    expect(ids).toContain('org.role.reserved');
    const { result } = checkOne(file, { waivers: [{ sha256: plain.sha256, rule: 'org', reason: 'r', expires: '2027-01-01' }] });
    expect(result.document).toBe('csr');
    expect(result.findings.filter((f) => f.ruleId.startsWith('org.')).every((f) => f.waived)).toBe(true);
    expect(result.findings.length).toBe(plain.findings.length);
  });

  it('waives a certificate inside a DUIS request by its sha256', () => {
    const file = 'duis/defects/role-86.xml';
    const plain = new Checker({ at: AT, crypto: createNodeCrypto() }).checkSource(bytes(file), file);
    const inside = plain.find((r) => r.findings.some((f) => f.ruleId === 'org.role.reserved'))!;
    expect(inside.source.element).toBeDefined();
    const checker = new Checker(applyConfig({ at: AT, crypto: createNodeCrypto() }, parseConfig({ waivers: [{ sha256: inside.sha256, rule: 'org.role.reserved', reason: 'r', expires: '2027-01-01' }] }, 'c')));
    const results = checker.checkSource(bytes(file), file);
    const waived = results.flatMap((r) => r.findings.filter((f) => f.waived).map((f) => [r.source.index, f.ruleId]));
    expect(waived).toEqual([[inside.source.index, 'org.role.reserved']]);
    expect(checker.policy.used).toEqual(new Set([0]));
  });

  it('overrides severities by rule id and prefix, the longest entry winning', () => {
    const { result } = checkOne(RESERVED, { severity: { org: 'notice', 'org.role.reserved': 'warning', chain: 'error' } });
    const severity = Object.fromEntries(result.findings.map((f) => [f.ruleId, f.severity]));
    expect(severity).toEqual({ 'org.role.reserved': 'warning', 'chain.not-checked': 'error' });
    // Sorted again after the change: the error first.
    expect(result.findings.map((f) => f.ruleId)).toEqual(['chain.not-checked', 'org.role.reserved']);
  });

  it('applies the policy once, however often it is asked', () => {
    const policy = new FindingPolicy({ chain: 'error' }, [], Date.parse('2026-06-01'));
    const { result } = checkOne(RESERVED, {});
    policy.apply(result);
    result.findings[0].severity = 'notice';
    policy.apply(result);
    expect(result.findings[0].severity).toBe('notice');
  });

  it('refuses options that are not waivers', () => {
    expect(() => new Checker({ crypto: createNodeCrypto(), waivers: [{ rule: 'org', reason: 'r', expires: '2026-01-01' }] })).toThrow('options.waivers must be an array');
    expect(() => new Checker({ crypto: createNodeCrypto(), severity: { org: 'fatal' as never } })).toThrow('options.severity must map');
  });
});

describe('waivers and severity in the configuration file', () => {
  it.each([
    [{ waivers: {} }, 'waivers must be an array'],
    [{ waivers: [waiver({ reason: '' })] }, 'waivers[0].reason must say why the finding is accepted'],
    [{ waivers: [waiver({ reason: undefined })] }, 'waivers[0].reason must say why'],
    [{ waivers: [waiver({ expires: '' })] }, 'waivers[0].expires must give the date the waiver ends'],
    [{ waivers: [waiver({ expires: '2026-02-30' })] }, "waivers[0].expires '2026-02-30' is not a date YYYY-MM-DD"],
    [{ waivers: [waiver({ sha256: 'abc' })] }, "waivers[0].sha256 'abc' is not a SHA-256 in hex"],
    [{ waivers: [waiver({ serial: '01' })] }, 'waivers[0] names its document twice'],
    [{ waivers: [{ rule: 'org', reason: 'r', expires: '2026-01-01' }] }, 'waivers[0] names no document'],
    [{ waivers: [{ serial: '01', rule: 'org', reason: 'r', expires: '2026-01-01' }] }, 'waivers[0].issuer must be a non-empty string'],
    [{ waivers: [waiver({ serial: undefined, sha256: undefined, issuer: 'CN=x' })] }, 'waivers[0].serial must be a non-empty string'],
    [{ waivers: [{ sha256: RESERVED_SHA256, serial: undefined, issuer: 'x', rule: 'org', reason: 'r', expires: '2026-01-01' }] }, 'waivers[0] names its document twice'],
    [{ waivers: [waiver({ serial: undefined, sha256: undefined, issuer: 'CN=x', rule: 'org' }), waiver({ rule: 'org.rol' })] }, 'waivers[0].serial'],
    [{ waivers: [waiver(), waiver({ rule: 'org.rol' })] }, "waivers[1].rule 'org.rol' matches no rule id"],
    [{ waivers: [waiver({ until: '2026-01-01' })] }, 'waivers[0].until is not a waiver field'],
    [{ severity: { 'org.role.reserved': 'fatal' } }, "severity['org.role.reserved'] must be error, warning, notice"],
    [{ severity: { 'no.such': 'notice' } }, "severity['no.such'] 'no.such' matches no rule id"],
    [{ severity: [] }, 'severity must map rule ids or prefixes'],
  ])('rejects %j naming the file and the entry', (json, message) => {
    expect(() => parseConfig(json, 'smki-lint.json')).toThrow(`smki-lint.json: ${message}`);
  });

  it('reads comments in a configuration file', () => {
    const text = '{\n  // a comment with "quotes"\n  "environment": "test", /* inline */ "waivers": [ { "comment": "// not a comment", "sha256": "' + RESERVED_SHA256 + '", "rule": "org", "reason": "a /* b */ c", "expires": "2026-01-01" } ]\n}\n';
    const config = parseConfig(JSON.parse(withoutComments(text)), 'c.jsonc');
    expect(config.waivers[0].reason).toBe('a /* b */ c');
    expect(withoutComments(text).split('\n').length).toBe(text.split('\n').length);
  });
});

// The configuration's JSON Schema, as shipped, against the examples users meet and against bad ones.
describe('the configuration JSON Schema', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'src/check/config.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile(schema);
  const readmeExample = () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /<!-- config-example -->\n```jsonc?\n([\s\S]*?)```/.exec(readme);
    expect(block, 'README has a configuration example').not.toBeNull();
    return JSON.parse(withoutComments(block![1]));
  };

  it('accepts the configuration smki-lint init writes and the README example, as parseConfig does', () => {
    for (const example of [JSON.parse(withoutComments(INIT_CONFIG)), readmeExample()]) {
      expect(validate(example) ? [] : validate.errors).toEqual([]);
      expect(() => parseConfig(example, 'example')).not.toThrow();
    }
    expect(readmeExample().waivers.length).toBeGreaterThan(0);
  });

  it.each([
    [{ waivers: [waiver({ reason: '' })] }],
    [{ waivers: [waiver({ expires: '30/09/2026' })] }],
    [{ waivers: [waiver({ sha256: undefined })] }],
    [{ waivers: [waiver({ serial: '01', issuer: 'CN=x' })] }],
    [{ waivers: [waiver({ until: '2026-01-01' })] }],
    [{ severity: { 'org.role.reserved': 'fatal' } }],
    [{ environments: [{ name: 'p', policies: { organization: [] } }] }],
    [{ colour: true }],
  ])('rejects %j, as parseConfig does', (json) => {
    expect(validate(json)).toBe(false);
    expect(() => parseConfig(json, 'c')).toThrow();
  });
});

describe('waivers on the command line', () => {
  const config = (json: object) => tempFile('smki-lint.json', JSON.stringify(json));

  it('exits 0 when the only error is waived, and shows it in every format', () => {
    const file = config({ waivers: [waiver()] });
    const args = ['check', cert(RESERVED), '--at', AT, '--config', file];
    expect(runCli(['check', cert(RESERVED), '--at', AT]).code).toBe(1);
    const json = runCli([...args, '--format', 'json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.results[0].findings[0]).toMatchObject({ ruleId: 'org.role.reserved', waived: { reason: 'legacy sample, replaced in Q3', expires: '2026-09-30' } });
    expect(report.summary).toMatchObject({ errors: 0, waived: 1, notices: 1 });
    expect(report.notices).toBeUndefined();
    const sarif = JSON.parse(runCli([...args, '--format', 'sarif']).stdout);
    expect(sarif.runs[0].results[0].suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'legacy sample, replaced in Q3 (waived until 2026-09-30)' }]);
    const junit = runCli([...args, '--format', 'junit']).stdout;
    expect(junit).not.toContain('<failure');
    expect(junit).toContain('waived error: org.role.reserved');
    const text = runCli(args, { env: { FORCE_COLOR: '1' } }).stdout;
    // Dimmed, severity and all, and the reason beside it.
    expect(text).toContain('\u001b[2m  error   org.role.reserved  OU');
    expect(text).toContain('waived until 2026-09-30: legacy sample, replaced in Q3');
    expect(text).toContain('0 errors, 0 warnings, 1 notice, 1 waived');
    // --fail-on notice still fails on the notice left.
    expect(runCli([...args, '--fail-on', 'notice']).code).toBe(1);
  });

  it('reports an expired waiver on its item and an unused one for the run, with one worker or two', () => {
    const file = config({ waivers: [waiver({ expires: '2026-01-31' }), waiver({ sha256: 'ab'.repeat(32), rule: 'chain', reason: 'gone' })] });
    const outputs = ['1', '2'].map((jobs) => runCli(['check', cert(''), '--at', AT, '--config', file, '--format', 'json', '--jobs', jobs]));
    expect(outputs[1].stdout).toBe(outputs[0].stdout);
    const report = JSON.parse(outputs[0].stdout);
    const reserved = report.results.find((r: { sha256?: string }) => r.sha256 === RESERVED_SHA256);
    expect(reserved.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('config.waiver-expired');
    expect(reserved.findings.find((f: { ruleId: string }) => f.ruleId === 'org.role.reserved').waived).toBeUndefined();
    expect(report.notices).toHaveLength(1);
    expect(report.notices[0]).toMatchObject({ ruleId: 'config.waiver-unused', severity: 'notice', path: 'config.waivers' });
    expect(report.notices[0].message).toContain(`${file} waivers[1] (chain on sha256 ${'ab'.repeat(32)}) matched no finding`);
    const sarif = JSON.parse(runCli(['check', cert(RESERVED), '--at', AT, '--config', file, '--format', 'sarif']).stdout);
    expect(sarif.runs[0].invocations[0].toolConfigurationNotifications.map((n: { associatedRule: { id: string } }) => n.associatedRule.id)).toEqual(['config.waiver-unused']);
    const text = runCli(['check', cert(RESERVED), '--at', AT, '--config', file]).stdout;
    expect(text).toMatch(/\nrun\n {2}notice {2}config\.waiver-unused {2}.*waivers\[1\]/);
    const junit = runCli(['check', cert(RESERVED), '--at', AT, '--config', file, '--format', 'junit']).stdout;
    expect(junit).toContain('<system-out>notice: config.waiver-unused: ');
    const jsonl = runCli(['check', cert(RESERVED), '--at', AT, '--config', file, '--format', 'jsonl']).stdout.trim().split('\n');
    expect(JSON.parse(jsonl.at(-1)!).notices[0].ruleId).toBe('config.waiver-unused');
    // --ignore leaves the notices out, as it does any finding.
    expect(JSON.parse(runCli(['check', cert(RESERVED), '--at', AT, '--config', file, '--format', 'json', '--ignore', 'config']).stdout).notices).toBeUndefined();
  });

  it('refuses a bad waiver before any output, naming the file and entry', () => {
    const file = config({ waivers: [waiver({ expires: 'soon' })] });
    const r = runCli(['check', cert(RESERVED), '--config', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`smki-lint: ${file}: waivers[0].expires 'soon' is not a date YYYY-MM-DD\n`);
  });

  it('writes a baseline that, once filled in, makes the run pass', () => {
    const dir = mkdtempSync(join(tmpdir(), 'smki-baseline-'));
    const baseline = join(dir, 'baseline.json');
    const args = ['check', cert('defects'), '--at', AT, '--issuer', cert('valid')];
    const first = runCli([...args, '--write-baseline', baseline, '--format', 'json']);
    expect(first.code).toBe(1);
    expect(readdirSync(dir)).toEqual(['baseline.json']);
    const written = JSON.parse(readFileSync(baseline, 'utf8'));
    expect(written.$schema).toBe('./node_modules/smki-lint/dist/config.schema.json');
    const report = JSON.parse(first.stdout);
    const failing = new Set<string>();
    for (const r of report.results) for (const f of r.findings) if (f.severity === 'error' && r.sha256) failing.add(`${r.sha256} ${f.ruleId}`);
    expect(new Set(written.waivers.map((w: { sha256: string; rule: string }) => `${w.sha256} ${w.rule}`))).toEqual(failing);
    expect(written.waivers[0]).toMatchObject({ reason: '', expires: '' });
    expect(written.waivers[0].comment).toMatch(/defects\/.*\.pem \[0\] certificate /);
    // As written, it is refused: a person must say why and until when.
    const unfilled = runCli([...args, '--config', baseline]);
    expect(unfilled.code).toBe(2);
    expect(unfilled.stderr).toContain(`${baseline}: waivers[0].reason must say why the finding is accepted`);
    for (const w of written.waivers) Object.assign(w, { reason: 'accepted for now', expires: '2027-01-01' });
    writeFileSync(baseline, JSON.stringify(written));
    const filled = runCli([...args, '--config', baseline, '--format', 'json']);
    // Only the items with no sha256 (no document at all) cannot be waived.
    const unwaivable = report.results.filter((r: { sha256?: string; findings: { severity: string }[] }) => !r.sha256 && r.findings.some((f) => f.severity === 'error')).length;
    expect(filled.code).toBe(unwaivable > 0 ? 1 : 0);
    const after = JSON.parse(filled.stdout);
    expect(after.summary.errors).toBe(report.results.filter((r: { sha256?: string }) => !r.sha256).reduce((n: number, r: { findings: { severity: string }[] }) => n + r.findings.filter((f) => f.severity === 'error').length, 0));
    expect(after.notices).toBeUndefined();
  });

  it('applies waivers and severities in compare, and reports unused ones', () => {
    const file = config({ severity: { 'compare.key-usage.mismatch': 'warning' }, waivers: [waiver()] });
    const r = runCli(['compare', cert('pairs/requests/org-other-key-usage.csr'), cert('pairs/certificates/org-other-key-usage.pem'), '--issuer', cert('valid'), '--at', AT, '--config', file, '--format', 'json']);
    const report = JSON.parse(r.stdout);
    expect(report.results[0].findings.find((f: { ruleId: string }) => f.ruleId === 'compare.key-usage.mismatch').severity).toBe('warning');
    expect(r.code).toBe(0);
    expect(report.notices.map((n: { ruleId: string }) => n.ruleId)).toEqual(['config.waiver-unused']);
  });
});

describe('smki-lint init', () => {
  it('writes a commented configuration that check reads, and keeps an existing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'smki-init-'));
    const file = join(dir, 'smki-lint.jsonc');
    const r = runCli(['init', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`wrote ${file}: use it with smki-lint check --config ${file} <inputs>\n`);
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(INIT_CONFIG);
    expect(text).toContain('// Findings accepted for one document until a date');
    const checked = runCli(['check', cert(RESERVED), '--at', AT, '--config', file, '--format', 'json']);
    expect(checked.code).toBe(1);
    expect(JSON.parse(checked.stdout).notices).toBeUndefined();
    const again = runCli(['init', file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`smki-lint: cannot write '${file}': it exists already (use --force to replace it)\n`);
    writeFileSync(file, '{}');
    expect(runCli(['init', file, '--force']).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(INIT_CONFIG);
  });
});
