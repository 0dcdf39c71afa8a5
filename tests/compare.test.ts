import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CertificateResult } from '../src/check/result.js';
import { comparePaths } from '../src/node.js';
import { COMPARE_RULES } from '../src/rules/compare/index.js';
import { located, loadManifest, TEST_CERTS } from './helpers/sample-pki.js';

// The acceptance check: a certificate against the request it answers, as a pair and as batches.
const manifest = loadManifest();
const at = manifest.evaluationTime;
const issuers = [join(TEST_CERTS, manifest.pairsIssuers)];
const path = (file: string) => join(TEST_CERTS, file);
const ids = (r: CertificateResult) => r.findings.map((f) => f.ruleId).sort();
const BIN = join(import.meta.dirname, '..', 'bin', 'smki-lint.js');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('compare a request with its certificate (manifest pairs)', () => {
  it('the manifest has matching and differing pairs', () => {
    expect(manifest.pairs.filter((p) => p.expect.length === 0).length).toBeGreaterThan(1);
    expect(manifest.pairs.filter((p) => p.expect.length > 0).length).toBeGreaterThan(4);
  });

  for (const pair of manifest.pairs) {
    it(`${pair.certificate}: ${pair.description}`, async () => {
      const results = await comparePaths([path(pair.request)], [path(pair.certificate)], { at, environment: manifest.environment, issuers });
      expect(results).toHaveLength(1);
      const [r] = results;
      expect(r.document).toBe('certificate');
      expect(r.request?.source.path).toBe(path(pair.request));
      expect(new Set(ids(r)), r.findings.map((f) => `${f.ruleId}: ${f.message}`).join('\n')).toEqual(new Set(pair.expect));
      expect(located([r])).toEqual(pair.findings);
      expect(r.issuer?.signatureValid).toBe(true);
    });
  }

  it('every comparison rule has a pair that fails it', () => {
    const expected = new Set(manifest.pairs.flatMap((p) => p.expect));
    expect(COMPARE_RULES.map((r) => r.id).filter((id) => !expected.has(id))).toEqual([]);
  });

  it('says how the subjects compare, and why a re-encoded one differs', async () => {
    const same = await comparePaths([path('pairs/requests/org-match.csr')], [path('pairs/certificates/org-match.pem')], { at, issuers });
    expect(same[0].request?.subject).toBe('byte-equal');
    const reencoded = await comparePaths([path('pairs/requests/org-subject-reencoded.csr')], [path('pairs/certificates/org-subject-reencoded.pem')], { at, issuers });
    expect(reencoded[0].request?.subject).toBe('equal-after-normalisation');
    const notice = reencoded[0].findings.find((f) => f.ruleId === 'compare.subject.not-byte-equal')!;
    expect(notice.severity).toBe('notice');
    expect(notice.message).toContain('OU is UTF8String in the request but PrintableString in the certificate');
    const other = await comparePaths([path('pairs/requests/org-other-subject.csr')], [path('pairs/certificates/org-other-subject.pem')], { at, issuers });
    expect(other[0].request?.subject).toBe('different');
    expect(other[0].findings.find((f) => f.ruleId === 'compare.subject.mismatch')?.message).toMatch(/x500UniqueIdentifier '[0-9a-f]+' against '[0-9a-f]+'/);
  });

  it('names both keys, both key usages and both hardwareModuleNames when they differ', async () => {
    const key = await comparePaths([path('pairs/requests/org-other-key.csr')], [path('pairs/certificates/org-other-key.pem')], { at, issuers });
    expect(key[0].findings[0].message).toMatch(/the certificate's public key \(04[0-9A-F]{16}\.\.\.\) is not the request's \(04[0-9A-F]{16}\.\.\.\)/);
    const usage = await comparePaths([path('pairs/requests/org-other-key-usage.csr')], [path('pairs/certificates/org-other-key-usage.pem')], { at, issuers });
    expect(usage[0].findings[0].message).toContain('the certificate has digitalSignature where the request asked for keyAgreement');
    const san = await comparePaths([path('pairs/requests/device-other-hw-serial.csr')], [path('pairs/certificates/device-other-hw-serial.pem')], { at, issuers });
    expect(san[0].findings[0].message).toMatch(/hwSerialNum 90B3D51F3301004D\) is not the requested one \(.*hwSerialNum 90B3D51F33010007\)/);
  });

  it('runs the comparison rules only in compare: check never reports them', async () => {
    const { checkPaths } = await import('../src/node.js');
    const results = await checkPaths([path('pairs')], { at });
    expect(results.flatMap((r) => r.findings).filter((f) => f.ruleId.startsWith('compare.'))).toEqual([]);
  });
});

describe('compare two folders (batches paired by public key)', () => {
  let results: CertificateResult[];
  const rel = (r: CertificateResult) => relative(TEST_CERTS, r.source.path);
  const find = (file: string) => results.filter((r) => rel(r) === file);

  beforeAll(async () => {
    results = await comparePaths([path('pairs/requests')], [path('pairs/certificates')], { at, issuers });
  });

  it('pairs every request with the certificates carrying its key, in request order, then the unrequested certificates', () => {
    const order = results.map((r) => `${r.document}:${rel(r)}`);
    expect(order).toEqual([
      'certificate:pairs/certificates/answered-twice-1.pem',
      'certificate:pairs/certificates/answered-twice-2.pem',
      'certificate:pairs/certificates/device-match.pem',
      'certificate:pairs/certificates/device-not-after.pem',
      'certificate:pairs/certificates/device-other-hw-serial.pem',
      'certificate:pairs/certificates/org-match.pem',
      'certificate:pairs/certificates/org-other-key-usage.pem',
      'csr:pairs/requests/org-other-key.csr',
      'certificate:pairs/certificates/org-other-subject.pem',
      'certificate:pairs/certificates/org-subject-reencoded.pem',
      'certificate:pairs/certificates/org-wrong-policy.pem',
      'csr:pairs/requests/unanswered.csr',
      'certificate:pairs/certificates/org-other-key.pem',
      'certificate:pairs/certificates/unrequested.pem',
    ]);
  });

  it('reports a request with no certificate, a certificate with no request, and two certificates for one request', () => {
    const unanswered = find('pairs/requests/unanswered.csr')[0];
    expect(ids(unanswered)).toEqual(['compare.certificate.missing']);
    expect(unanswered.findings[0].severity).toBe('warning');
    expect(ids(find('pairs/certificates/unrequested.pem')[0])).toEqual(['compare.request.missing']);
    // Paired by key, the certificate with another key answers nothing and its request stays unanswered.
    expect(ids(find('pairs/requests/org-other-key.csr')[0])).toEqual(['compare.certificate.missing']);
    expect(ids(find('pairs/certificates/org-other-key.pem')[0])).toEqual(['compare.request.missing']);
    for (const n of [1, 2]) {
      const twice = find(`pairs/certificates/answered-twice-${n}.pem`)[0];
      expect(ids(twice)).toEqual(['compare.certificate.duplicate']);
      expect(twice.findings[0].message).toContain(`answered-twice-${3 - n}.pem [0]`);
      expect(rel({ source: twice.request!.source } as CertificateResult)).toBe('pairs/requests/answered-twice.csr');
    }
  });

  it('gives the same findings as the pair comparisons for the pairs that share a key', () => {
    for (const pair of manifest.pairs.filter((p) => !p.certificate.includes('other-key'))) {
      expect(new Set(ids(find(pair.certificate)[0])), pair.certificate).toEqual(new Set(pair.expect));
    }
  });
});

describe('smki-lint compare', () => {
  const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'src', 'report', 'report.schema.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
  const validate = ajv.compile(schema);
  const batch = ['compare', '--requests', path('pairs/requests'), '--certificates', path('pairs/certificates'), '--issuer', issuers[0], '--at', at];

  it('compares a pair and exits 0 when nothing reaches --fail-on', () => {
    const r = run(['compare', path('pairs/requests/org-match.csr'), path('pairs/certificates/org-match.pem'), '--issuer', issuers[0], '--at', at]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Organisation Certificate  role 0x02 = 2 (supplier)');
    expect(r.stdout).toMatch(/answers request .*org-match\.csr \[0\] \(sha256 [0-9a-f]{16}…, subject byte equal\)/);
    expect(r.stdout).toContain('1 item checked, 1 clean · 0 errors, 0 warnings, 0 notices');
  });

  it('exits 1 on a mismatch, and as check does with --fail-on', () => {
    const mismatch = ['compare', path('pairs/requests/org-other-key-usage.csr'), path('pairs/certificates/org-other-key-usage.pem'), '--issuer', issuers[0], '--at', at];
    expect(run(mismatch).code).toBe(1);
    expect(run([...mismatch, '--fail-on', 'never']).code).toBe(0);
    expect(run([...mismatch, '--ignore', 'compare.key-usage']).code).toBe(0);
    expect(run([...batch]).code).toBe(1);
    // Without the errors of the differing pairs, the pairing findings are warnings.
    const warningsOnly = [...batch, '--ignore', 'compare.key,compare.subject.mismatch,compare.key-usage,compare.san,cert,chain,device'];
    expect(run(warningsOnly).code).toBe(0);
    expect(run([...warningsOnly, '--fail-on', 'warning']).code).toBe(1);
  });

  it('writes every output format', () => {
    const json = run([...batch, '--format', 'json']);
    const report = JSON.parse(json.stdout);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.schemaVersion).toBe(4);
    expect(report.results).toHaveLength(14);
    expect(report.results[0].request).toEqual({ source: { path: path('pairs/requests/answered-twice.csr'), index: 0, line: 1 }, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), subject: 'byte-equal' });
    const jsonl = run([...batch, '--format', 'jsonl']).stdout.trim().split('\n');
    expect(jsonl).toHaveLength(15);
    expect(JSON.parse(jsonl[14]).summary).toEqual(report.summary);
    const sarif = JSON.parse(run([...batch, '--format', 'sarif']).stdout);
    const sarifResults = sarif.runs[0].results as { ruleId: string; properties: { document: string } }[];
    expect(sarifResults.map((r) => r.ruleId)).toContain('compare.certificate.missing');
    expect(sarifResults.find((r) => r.ruleId === 'compare.certificate.missing')?.properties.document).toBe('csr');
    const junit = run([...batch, '--format', 'junit']).stdout;
    expect(junit).toContain('classname="csr.organisation"');
    expect(junit).toContain('<failure type="compare.request.missing"');
  });

  it('refuses a run without requests or without certificates, and unknown paths', () => {
    const none = run(['compare', '--requests', path('pairs/requests')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('compare needs requests and certificates');
    const missing = run(['compare', path('pairs/requests/none.csr'), path('pairs/certificates/org-match.pem')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('none.csr');
    expect(run(['compare', '--help']).stdout).toContain('--requests <file|dir>');
  });
});

describe('compare with CA certificates among the certificates', () => {
  it('uses them as issuers and reports them as they are, not as certificates without a request', async () => {
    const results = await comparePaths([path('pairs/requests/org-match.csr')], [path('pairs/certificates/org-match.pem'), path('valid/issuing-oca.pem'), path('valid/root-oca.pem')], { at });
    expect(results.map((r) => [relative(TEST_CERTS, r.source.path), r.kind, ids(r)])).toEqual([
      ['pairs/certificates/org-match.pem', 'organisation', []],
      ['valid/issuing-oca.pem', 'issuing-oca', []],
      ['valid/root-oca.pem', 'root', []],
    ]);
    expect(results[0].issuer?.signatureValid).toBe(true);
  });
});
