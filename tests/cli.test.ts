import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { loadManifest, TEST_CERTS } from './helpers/sample-pki.js';

// End to end: the built CLI (npm test builds first), spawned as a user would run it.
const BIN = join(import.meta.dirname, '..', 'bin', 'smki-lint.js');
const AT = loadManifest().evaluationTime;
const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'src', 'report', 'report.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
// The report's evaluatedAt is an ISO 8601 UTC timestamp as Date.prototype.toISOString writes it.
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
ajv.addSchema(schema);
const validateReport = ajv.getSchema(schema.$id)!;
const validateResult = ajv.getSchema(`${schema.$id}#/definitions/result`)!;

function run(args: string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input,
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cert = (name: string) => join(TEST_CERTS, name);
const json = (stdout: string) => JSON.parse(stdout) as { results: { source: { path: string; index: number; line?: number }; kind?: string; findings: { ruleId: string; severity: string; message: string }[]; issuer?: { matchedBy: string; signatureValid?: boolean } }[]; summary: Record<string, number> };

describe('smki-lint basics', () => {
  it('prints its version and help, exit 0', () => {
    const v = run(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')).version);
    const h = run(['check', '--help']);
    expect(h.code).toBe(0);
    for (const flag of ['--format', '--fail-on', '--at', '--only', '--ignore', '--issuer', '--require-issuer', '--signer', '--kind', '--jobs', '--no-color']) expect(h.stdout).toContain(flag);
  });

  it('exits 2 on an unknown flag, a bad date, an unknown environment, an unreadable path', () => {
    expect(run(['check', '--bogus', cert('valid')]).code).toBe(2);
    const badDate = run(['check', '--at', 'yesterday', cert('valid')]);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain("'yesterday' is not an ISO 8601 date");
    const env = run(['check', '--environment', 'production', cert('valid')]);
    expect(env.code).toBe(2);
    expect(env.stderr).toContain("unknown environment 'production'");
    const missing = run(['check', '/no/such/file.pem']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("smki-lint: cannot read '/no/such/file.pem': no such file or directory\n");
    expect(missing.stdout).toBe('');
  });
});

describe('smki-lint check', () => {
  it('passes the valid sample PKI (exit 0) and shows the SMKI reading of each certificate', () => {
    const r = run(['check', cert('valid'), '--at', AT]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${cert('valid/org-87-ds.pem')} [0]  Organisation Certificate  role 0x87 = 135 (xmlSigning)  EUI-64 `);
    expect(r.stdout).toMatch(/EUI-64 [0-9A-F]{2}(-[0-9A-F]{2}){7}/);
    expect(r.stdout).toMatch(/\d+ items checked, \d+ clean · 0 errors, 0 warnings, 1 notice\n$/);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('exits 1 when a finding reaches --fail-on, 0 with --fail-on never', () => {
    const file = cert('defects/org-role-86-reserved.pem');
    const r = run(['check', file, '--at', AT]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('org.role.reserved');
    expect(r.stdout).toContain('Centralised Switching Service');
    expect(run(['check', file, '--at', AT, '--fail-on', 'never']).code).toBe(0);
    const warnOnly = cert('defects/org-role-7f-lowercase.pem');
    expect(run(['check', warnOnly, '--at', AT, '--issuer', cert('valid/issuing-oca.pem')]).code).toBe(0);
    expect(run(['check', warnOnly, '--at', AT, '--issuer', cert('valid/issuing-oca.pem'), '--fail-on', 'warning']).code).toBe(1);
    // Without its issuer the certificate gets a notice, which only --fail-on notice turns into exit 1.
    expect(run(['check', cert('valid/org-02-ds.pem'), '--at', AT, '--fail-on', 'warning']).code).toBe(0);
    expect(run(['check', cert('valid/org-02-ds.pem'), '--at', AT, '--fail-on', 'notice']).code).toBe(1);
  });

  it('writes JSON that validates against the shipped schema, one result per item, deterministically', () => {
    const a = run(['check', TEST_CERTS, '--at', AT, '--format', 'json']);
    expect(a.code).toBe(1);
    const doc = json(a.stdout);
    expect(validateReport(doc), JSON.stringify(validateReport.errors)).toBe(true);
    const manifest = loadManifest();
    const expectedItems = manifest.files.reduce((n, f) => n + ((f as { items?: number }).items ?? 1), 0);
    expect(doc.results.length).toBe(expectedItems);
    expect(doc.summary.inputs).toBe(expectedItems);
    expect(run(['check', TEST_CERTS, '--at', AT, '--format', 'json']).stdout).toBe(a.stdout);
  });

  it('streams JSON Lines: one result per line, then the summary', () => {
    const r = run(['check', cert('valid'), cert('defects/org-role-decimal-135.pem'), '--at', AT, '--format', 'jsonl']);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const summary = lines.pop();
    expect(summary.summary.inputs).toBe(lines.length);
    for (const line of lines) expect(validateResult(line), JSON.stringify(validateResult.errors)).toBe(true);
    const decimal = lines.find((l) => l.source.path.endsWith('org-role-decimal-135.pem'));
    expect(decimal.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('org.role.not-hex');
    expect(decimal.findings.find((f: { ruleId: string }) => f.ruleId === 'org.role.not-hex').message).toContain("write OU '87'");
  });

  it('reads every block of a bundle, in order', () => {
    const doc = json(run(['check', cert('bundles/orgs.pem'), '--at', AT, '--format', 'json']).stdout);
    expect(doc.results.map((r) => r.source.index)).toEqual([0, 1, 2]);
    const lines = doc.results.map((r) => r.source.line!);
    expect(lines[0]).toBeGreaterThanOrEqual(1);
    expect(lines[1]).toBeGreaterThan(lines[0]);
    expect(lines[2]).toBeGreaterThan(lines[1]);
    expect(doc.results.every((r) => r.kind === 'organisation')).toBe(true);
  });

  it('reads standard input', () => {
    const pem = readFileSync(cert('valid/org-03-ka.pem'));
    const doc = json(run(['check', '-', '--at', AT, '--format', 'json'], { input: pem }).stdout);
    expect(doc.results).toHaveLength(1);
    expect(doc.results[0].source).toEqual({ path: '-', index: 0, line: 1 });
    expect(doc.results[0].kind).toBe('organisation');
  });

  it('gives a file with no certificate its own result, names the file, and goes on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'smki-cli-'));
    const notes = join(dir, 'notes.pem');
    writeFileSync(notes, 'meeting notes, no certificate here\n');
    const r = run(['check', notes, cert('valid/org-02-ka.pem'), '--at', AT, '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = json(r.stdout);
    expect(doc.results).toHaveLength(2);
    expect(doc.results[0].findings[0].ruleId).toBe('input.no-certificate');
    expect(doc.results[0].findings[0].message).toContain(notes);
    expect(doc.results[0].findings[0].message).toContain("first line: 'meeting notes, no certificate here'");
    expect(doc.results[1].kind).toBe('organisation');
  });

  it('walks directories recursively, certificate file names only, in a stable order', () => {
    const doc = json(run(['check', cert('defects'), '--at', AT, '--format', 'json']).stdout);
    const paths = doc.results.map((r) => r.source.path);
    expect(paths).toEqual([...paths].sort());
    expect(paths.every((p) => p.endsWith('.pem'))).toBe(true);
  });

  it('filters rules with --only and --ignore (ids or prefixes)', () => {
    const file = cert('defects/org-cn-87-on-role-03.pem');
    const ids = (args: string[]) => json(run(['check', file, '--at', AT, '--format', 'json', ...args]).stdout).results[0].findings.map((f) => f.ruleId).sort();
    expect(ids(['--only', 'org.cn'])).toEqual(['org.cn.looks-like-role-code', 'org.cn.not-permitted-for-role']);
    expect(ids(['--only', 'org.cn', '--ignore', 'org.cn.looks-like-role-code'])).toEqual(['org.cn.not-permitted-for-role']);
    expect(ids(['--ignore', 'org,chain'])).toEqual([]);
  });

  it('checks against --issuer, and --require-issuer makes a missing issuer an error', () => {
    const leaf = cert('valid/org-04-ds.pem');
    const alone = json(run(['check', leaf, '--at', AT, '--format', 'json']).stdout).results[0];
    expect(alone.findings.map((f) => [f.ruleId, f.severity])).toEqual([['chain.not-checked', 'notice']]);
    const required = run(['check', leaf, '--at', AT, '--format', 'json', '--require-issuer']);
    expect(required.code).toBe(1);
    expect(json(required.stdout).results[0].findings.map((f) => [f.ruleId, f.severity])).toEqual([['chain.issuer.unavailable', 'error']]);
    const withIssuer = json(run(['check', leaf, '--at', AT, '--format', 'json', '--issuer', cert('valid/issuing-oca.pem')]).stdout).results[0];
    expect(withIssuer.findings).toEqual([]);
    expect(withIssuer.issuer).toMatchObject({ matchedBy: 'key-identifier', signatureValid: true });
    const forged = json(run(['check', cert('defects/chain-signature-invalid.pem'), '--at', AT, '--format', 'json', '--issuer', cert('valid')]).stdout).results[0];
    expect(forged.findings.map((f) => f.ruleId)).toEqual(['chain.signature.invalid']);
  });

  it('applies a profile by --kind instead of classifying', () => {
    const r = json(run(['check', cert('valid/org-02-ds.pem'), '--at', AT, '--format', 'json', '--kind', 'device']).stdout).results[0];
    expect(r.kind).toBe('device');
    expect(r.findings.map((f) => f.ruleId)).toContain('device.subject.not-empty');
  });

  it('gives the same output with one worker and with two', () => {
    const dir = mkdtempSync(join(tmpdir(), 'smki-cli-'));
    const files = loadManifest().files.filter((f) => !f.file.startsWith('bundles/')).map((f) => readFileSync(cert(f.file), 'latin1'));
    const big = join(dir, 'big.pem');
    writeFileSync(big, Array.from({ length: 6 }, () => files.join('')).join(''), 'latin1');
    const issuers = ['--issuer', cert('valid')];
    const one = run(['check', big, '--at', AT, '--format', 'jsonl', '--jobs', '1', ...issuers]);
    const two = run(['check', big, '--at', AT, '--format', 'jsonl', '--jobs', '2', ...issuers]);
    expect(one.stdout.split('\n').length).toBeGreaterThan(700);
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
  });

  it('gives the same output with workers reading a directory of many files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'smki-cli-'));
    const samples = loadManifest().files.map((f) => f.file);
    for (let copy = 0; copy < 3; copy++) {
      for (const file of samples) writeFileSync(join(dir, `${copy}-${file.replaceAll('/', '-')}`), readFileSync(cert(file)));
    }
    const one = run(['check', dir, '--at', AT, '--format', 'json', '--jobs', '1']);
    const two = run(['check', dir, '--at', AT, '--format', 'json', '--jobs', '2']);
    expect(json(one.stdout).results.length).toBeGreaterThan(3 * 130);
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
  });

  it('colours only when asked for: FORCE_COLOR on, NO_COLOR and --no-color off', () => {
    const file = cert('defects/org-role-missing.pem');
    expect(run(['check', file, '--at', AT], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[31m');
    expect(run(['check', file, '--at', AT, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
    expect(run(['check', file, '--at', AT], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });
});

describe('smki-lint check: configuration and robustness', () => {
  it('refuses an --only or --ignore id that matches no rule (a typo would pass everything)', () => {
    const r = run(['check', cert('valid'), '--only', 'org.role,org.rol']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("smki-lint: --only 'org.rol' matches no rule id (see smki-lint rules)\n");
    expect(run(['check', cert('valid'), '--ignore', 'nosuch']).code).toBe(2);
  });

  it('reads environments, roles and CN roles from --config', () => {
    const dir = mkdtempSync(join(tmpdir(), 'smki-cli-'));
    const config = join(dir, 'smki-lint.json');
    writeFileSync(config, JSON.stringify({ environment: 'production', environments: [{ name: 'production', policies: { organisation: ['1.2.826.0.1.8641679.1.2.1.9'] } }], roles: [{ code: 136, name: 'exampleRole' }] }));
    const r = json(run(['check', cert('defects/org-role-unknown-88.pem'), '--at', AT, '--format', 'json', '--config', config]).stdout);
    expect(r.results[0].findings.map((f) => f.ruleId)).toContain('cert.policies.unexpected-oid');
    expect(r.results[0].findings.map((f) => f.ruleId)).not.toContain('org.role.unknown');
    expect((r as unknown as { environment: string }).environment).toBe('production');
    expect(run(['roles', '--config', config]).stdout).toMatch(/^88 +136 +exampleRole/m);
    writeFileSync(config, '{ "roles": [ { "code": 300 } ] }');
    const bad = run(['check', cert('valid'), '--config', config]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${config}: roles[0].code must be a whole number 0..255`);
    expect(run(['check', cert('valid'), '--config', join(dir, 'missing.json')]).stderr).toContain('cannot read config');
  });

  it('stops quietly when the reader closes the pipe early', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" check "${TEST_CERTS}" --at ${AT} --format json --fail-on never | head -2 > /dev/null; exit \${PIPESTATUS[0]}`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('smki-lint decode', () => {
  it('shows the SMKI reading first, then every field', () => {
    const r = run(['decode', cert('valid/org-87-ds.pem')]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[1]).toMatch(/^ {2}Kind +Organisation Certificate/);
    expect(r.stdout).toMatch(/Role +0x87 = 135 \(xmlSigning: XML signing/);
    expect(r.stdout).toMatch(/EUI-64 +[0-9A-F]{2}(-[0-9A-F]{2}){7} \(x500UniqueIdentifier\)/);
    expect(r.stdout).toMatch(/keyUsage +critical; digitalSignature/);
    expect(r.stdout).toMatch(/subjectKeyIdentifier +non-critical; ([0-9A-F]{2}:){7}[0-9A-F]{2} \(8 octets\)/);
  });

  it('shows a device certificate with its hwSerialNum as the EUI-64', () => {
    const r = run(['decode', cert('valid/device-ds.pem')]);
    expect(r.stdout).toMatch(/Kind +Device Certificate/);
    expect(r.stdout).toMatch(/EUI-64 +[0-9A-F-]{23} \(hwSerialNum\)/);
  });

  it('writes the full model as JSON', () => {
    const r = run(['decode', cert('valid/issuing-oca.pem'), '--format', 'json']);
    const [item] = JSON.parse(r.stdout);
    expect(item.smki.kind).toBe('issuing-oca');
    expect(item.certificate.version).toBe(3);
    expect(item.certificate.extensions.map((e: { name: string }) => e.name)).toEqual(['keyUsage', 'basicConstraints', 'certificatePolicies', 'subjectKeyIdentifier', 'authorityKeyIdentifier']);
  });

  it('exits 1 for an item that is not a certificate, and still shows the others', () => {
    const r = run(['decode', cert('defects/input-no-certificate.pem'), cert('valid/root-oca.pem')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('not a certificate');
    expect(r.stdout).toMatch(/Root OCA Certificate/);
  });
});

describe('smki-lint rules and roles', () => {
  it('lists the catalogue as text and JSON', () => {
    const text = run(['rules']).stdout;
    expect(text).toContain('org.role.reserved');
    const list = JSON.parse(run(['rules', '--format', 'json']).stdout) as { id: string; citation: string }[];
    expect(list.find((r) => r.id === 'org.role.reserved')?.citation).toContain('Section L');
  });

  it('shows hex OU, decimal repository code and meaning side by side', () => {
    const text = run(['roles']).stdout;
    expect(text).toMatch(/^87 +135 +xmlSigning +assigned/m);
    expect(text).toMatch(/^86 +134 +centralisedSwitchingService +reserved/m);
    expect(text).toMatch(/^89 +137 +dspXmlSigning/m);
    const roles = JSON.parse(run(['roles', '--format', 'json']).stdout) as { hex: string; repositoryCode: string }[];
    expect(roles.find((r) => r.hex === '87')?.repositoryCode).toBe('135');
  });
});

describe('smki-lint with certificate requests', () => {
  it('checks a request in any armour, alone or among certificates, and says which document each result is', () => {
    const r = run(['check', cert('requests'), cert('bundles/mixed.pem'), '--at', AT, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.schemaVersion).toBe(4);
    const docs = report.results.map((x: { source: { path: string }; document: string }) => `${x.source.path.split('/').pop()} ${x.document}`);
    expect(docs).toContain('org-02-ds.der csr');
    expect(docs).toContain('org-02-ds-hex.req csr');
    expect(docs).toContain('org-02-ds-base64-76-crlf.csr csr');
    expect(docs.filter((d: string) => d.startsWith('mixed.pem'))).toEqual(['mixed.pem certificate', 'mixed.pem csr']);
    const text = run(['check', cert('request-defects/csr-role-86-reserved.csr'), '--at', AT]).stdout;
    expect(text).toContain('Organisation CSR  role 0x86 = 134 (centralisedSwitchingService)');
    expect(text).toContain('at certificationRequestInfo.subject.organizationalUnitName');
  });

  it('reads a request from standard input as bare base64', () => {
    const b64 = readFileSync(cert('requests/org-02-ds-base64-line.csr'), 'utf8');
    const r = run(['check', '-', '--at', AT, '--format', 'jsonl'], { input: b64 });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.split('\n')[0])).toMatchObject({ document: 'csr', kind: 'organisation', findings: [] });
  });

  it('decodes a request: kind, role, EUI-64, requested key usage and subjectAltName, key', () => {
    const org = run(['decode', cert('requests/org-87-ds.csr')]).stdout;
    expect(org).toMatch(/Kind +Organisation CSR/);
    expect(org).toMatch(/Role +0x87 = 135 \(xmlSigning/);
    expect(org).toMatch(/EUI-64 +90-B3-D5-1F-32-01-00-03 \(x500UniqueIdentifier\)/);
    expect(org).toMatch(/Requested key usage +digitalSignature/);
    expect(org).toMatch(/Key +prime256v1 \(1\.2\.840\.10045\.3\.1\.7\), uncompressed point \(65 octets\)/);
    expect(org).toMatch(/Attributes +extensionRequest \(1 value\)/);
    const device = run(['decode', cert('requests/device-ka.csr')]).stdout;
    expect(device).toMatch(/Kind +Device CSR/);
    expect(device).toMatch(/EUI-64 +90-B3-D5-1F-32-02-00-02 \(hwSerialNum\)/);
    expect(device).toMatch(/Requested SAN +critical; otherName hardwareModuleName hwType 1\.2\.826\.0\.1\.8641679\.1\.2\.2\.1, hwSerialNum 90B3D51F32020002/);
    const json = JSON.parse(run(['decode', cert('requests/device-ka.csr'), '--format', 'json']).stdout);
    expect(json[0]).toMatchObject({ document: 'csr', smki: { kind: 'device', eui64: '90-B3-D5-1F-32-02-00-02' }, request: { version: 0 } });
  });

  it('lists compare in the help, and the request extensions in check --help', () => {
    expect(run(['--help']).stdout).toContain('compare');
    expect(run(['check', '--help']).stdout).toContain('*.csr *.req');
    const rules = JSON.parse(run(['rules', '--format', 'json']).stdout) as { id: string; documents: string[] }[];
    expect(rules.find((r) => r.id === 'org.role.reserved')?.documents).toEqual(['certificate', 'csr']);
    expect(rules.find((r) => r.id === 'csr.version')?.documents).toEqual(['csr']);
  });
});
