import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useColour } from '../src/cli/output.js';
import { Progress, progressLine, showsProgress } from '../src/cli/progress.js';
import { BIN, runCli, sampleText, startCli } from './helpers/hostile.js';
import { TEST_CERTS } from './helpers/sample-pki.js';

const AT = '2026-06-01';
const cert = (name: string) => join(TEST_CERTS, name);
const RESERVED = cert('defects/org-role-86-reserved.pem');

describe('--output', () => {
  it('writes the same bytes as standard output, in every format, and nothing else in the directory', () => {
    for (const format of ['text', 'json', 'jsonl', 'sarif']) {
      const dir = mkdtempSync(join(tmpdir(), 'smki-output-'));
      const out = join(dir, 'report');
      const args = ['check', cert('defects'), '--at', AT, '--issuer', cert('valid'), '--format', format];
      const toFile = runCli([...args, '-o', out]);
      expect(toFile.code).toBe(1);
      expect(toFile.stdout).toBe('');
      expect(readFileSync(out, 'utf8')).toBe(runCli(args).stdout);
      expect(readdirSync(dir)).toEqual(['report']);
    }
  });

  it('writes JUnit and decode output too, and replaces an existing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'smki-output-'));
    const out = join(dir, 'junit.xml');
    writeFileSync(out, 'old');
    expect(runCli(['check', RESERVED, '--at', AT, '--format', 'junit', '--output', out]).code).toBe(1);
    expect(readFileSync(out, 'utf8')).toContain('<testsuite name="smki-lint check" tests="1" failures="1"');
    const decoded = join(dir, 'decoded.json');
    expect(runCli(['decode', RESERVED, '--format', 'json', '-o', decoded]).code).toBe(0);
    expect(JSON.parse(readFileSync(decoded, 'utf8'))).toHaveLength(1);
    expect(readdirSync(dir).sort()).toEqual(['decoded.json', 'junit.xml']);
  });

  it('leaves neither the file nor a temporary when the run fails, and an existing file as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'smki-output-'));
    const out = join(dir, 'report.json');
    const missing = runCli(['check', join(dir, 'no-such.pem'), '-o', out]);
    expect(missing.code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
    writeFileSync(out, 'old');
    const badConfig = join(dir, 'bad.json');
    writeFileSync(badConfig, '{ "colour": true }');
    expect(runCli(['check', RESERVED, '--config', badConfig, '-o', out]).code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['bad.json', 'report.json']);
  });

  it('leaves no temporary when the run is interrupted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smki-output-'));
    const out = join(dir, 'report.json');
    // Standard input that stays open: the run is still reading when it is stopped.
    const child = startCli(['check', '-', '--format', 'json', '-o', out]);
    child.stdin.write(readFileSync(RESERVED));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(readdirSync(dir)).toHaveLength(1);
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(143);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is a usage error when the file cannot be created', () => {
    const r = runCli(['check', RESERVED, '-o', join(tmpdir(), 'no-such-dir-smki', 'x.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^smki-lint: cannot write --output '.*x\.json': no such file or directory\n$/);
  });
});

describe('--quiet', () => {
  it('writes only the items whose findings reach --fail-on, and still counts every item', () => {
    const args = ['check', cert('valid'), RESERVED, cert('defects/org-role-87-key-agreement.pem'), '--at', AT, '--format', 'json'];
    const all = JSON.parse(runCli(args).stdout);
    const quiet = runCli([...args, '--quiet']);
    const report = JSON.parse(quiet.stdout);
    expect(quiet.code).toBe(1);
    expect(report.summary).toEqual(all.summary);
    const failing = all.results.filter((r: { findings: { severity: string }[] }) => r.findings.some((f) => f.severity === 'error'));
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.length).toBeLessThan(all.results.length);
    expect(report.results).toEqual(failing);
    // The level is --fail-on's: with warning, items with warnings appear too; with never, any finding.
    const warnings = JSON.parse(runCli([...args, '-q', '--fail-on', 'warning']).stdout).results;
    expect(warnings).toEqual(all.results.filter((r: { findings: { severity: string }[] }) => r.findings.some((f) => f.severity !== 'notice')));
    const any = JSON.parse(runCli([...args, '-q', '--fail-on', 'never']).stdout).results;
    expect(any).toEqual(all.results.filter((r: { findings: unknown[] }) => r.findings.length > 0));
    // JUnit counts the testcases it writes.
    const junit = runCli([...args.slice(0, -2), '--format', 'junit', '--quiet']).stdout;
    expect(junit).toContain(`<testsuite name="smki-lint check" tests="${failing.length}" failures="${failing.length}"`);
    expect(junit.match(/<testcase /g)).toHaveLength(failing.length);
  });
});

describe('colour', () => {
  const tty = { isTTY: true };
  it.each([
    [{}, tty, undefined, true],
    [{}, {}, undefined, false],
    [{ TERM: 'dumb' }, tty, undefined, false],
    [{ FORCE_COLOR: '0' }, tty, undefined, false],
    [{ FORCE_COLOR: 'false' }, tty, undefined, false],
    [{ NO_COLOR: '1' }, tty, undefined, false],
    [{ NO_COLOR: '' }, tty, undefined, true],
    [{ FORCE_COLOR: '1' }, {}, undefined, true],
    [{ FORCE_COLOR: '1', TERM: 'dumb' }, tty, undefined, true],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, {}, undefined, false],
    [{ FORCE_COLOR: '1' }, tty, false, false],
  ])('env %j, stream %j, flag %s: colour %s', (env, stream, flag, expected) => {
    expect(useColour(stream, flag, env)).toBe(expected);
  });

  it('colours the text output only when asked, and never a file unless forced', () => {
    expect(runCli(['check', RESERVED, '--at', AT], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[31m');
    expect(runCli(['check', RESERVED, '--at', AT], { env: { FORCE_COLOR: '0' } }).stdout).not.toContain('\u001b[');
    expect(runCli(['check', RESERVED, '--at', AT], { env: { TERM: 'dumb' } }).stdout).not.toContain('\u001b[');
  });
});

describe('the progress line', () => {
  it('is shown only on a terminal, when the output goes elsewhere', () => {
    expect(showsProgress(true, false)).toBe(true);
    expect(showsProgress(true, true)).toBe(false);
    expect(showsProgress(false, false)).toBe(false);
  });

  it('says how many items of how many, and the rate', () => {
    expect(progressLine(12345, 40000, 1500)).toBe('checked 12,345 / 40,000 items (30%) · 8,230 items/s');
    expect(progressLine(0, 0, 0)).toBe('checked 0 / 0 items · 0 items/s');
  });

  it('appears after a second, is redrawn in place at most every tenth of a second, and is wiped at the end', () => {
    let now = 0;
    const written: string[] = [];
    const progress = new Progress(1000, (t) => written.push(t), () => now);
    progress.update(10);
    now = 999;
    progress.update(500);
    expect(written).toEqual([]);
    now = 1000;
    progress.update(500);
    now = 1050;
    progress.update(600);
    now = 2000;
    progress.update(1000);
    expect(written).toEqual(['\rchecked 500 / 1,000 items (50%) · 500 items/s', '\rchecked 1,000 / 1,000 items (100%) · 500 items/s']);
    progress.end();
    expect(written.at(-1)).toBe('\r' + ' '.repeat(written[1].length - 1) + '\r');
  });

  describe('through a pseudo-terminal', () => {
    let bundle: string;
    beforeAll(() => {
      const dir = mkdtempSync(join(tmpdir(), 'smki-progress-'));
      bundle = join(dir, 'bundle.pem');
      // Enough items that checking them on one core takes well over a second.
      writeFileSync(bundle, Buffer.concat(Array.from({ length: 40 }, () => Buffer.from(sampleText()))));
    });

    const hasScript = spawnSync('script', ['--version']).status === 0;

    it.runIf(hasScript)('writes the line on a terminal stderr while the output goes to a file, and never into the file', () => {
      const dir = mkdtempSync(join(tmpdir(), 'smki-progress-'));
      const out = join(dir, 'out.json');
      const command = `${process.execPath} ${BIN} check ${bundle} --jobs 1 --format json --fail-on never -o ${out}`;
      const r = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' } });
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/\rchecked [\d,]+ \/ [\d,]+ items \(\d+%\) · [\d,]+ items\/s/);
      const report = readFileSync(out, 'utf8');
      expect(report).not.toContain('items/s');
      expect(JSON.parse(report).summary.inputs).toBeGreaterThan(4000);
    });

    it('writes nothing of it into a pipe', () => {
      const r = runCli(['check', bundle, '--jobs', '1', '--format', 'json', '--fail-on', 'never']);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(existsSync(bundle)).toBe(true);
    });
  });
});
