// The package as users get it: `npm pack`, installed into a fresh project, then used from ESM,
// CommonJS and TypeScript (node16 and nodenext, CommonJS and ESM), from the CLI, and bundled.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnService } from '../bench/load.js';
import { TEST_CERTS } from './helpers/sample-pki.js';

const ROOT = join(import.meta.dirname, '..');
const AT = '2026-06-01';
const ISSUER = join(TEST_CERTS, 'valid', 'issuing-oca.pem');
const SAMPLE = join(TEST_CERTS, 'defects', 'org-role-86-reserved.pem');
/** What every consumer prints for SAMPLE checked against ISSUER: the lint finding and the signature. */
const EXPECTED = { findings: ['org.role.reserved'], signatureValid: true };

let work: string;
let consumer: string;
let shipped: string[];
let manifest: { dependencies?: object; exports: Record<string, unknown>; repository?: unknown; homepage?: string; bugs?: unknown; sideEffects?: boolean };

function write(dir: string, files: Record<string, string | object>): string {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

/** The package's modules that contribute code to a browser bundle of entry. */
async function bundledModules(entry: string): Promise<string[]> {
  const { metafile } = await build({ entryPoints: [entry], bundle: true, write: false, format: 'esm', platform: 'browser', metafile: true, logLevel: 'silent' });
  const [output] = Object.values(metafile.outputs);
  return Object.entries(output.inputs)
    .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
    .map(([path]) => path.replace(/^.*node_modules\/smki-lint\//, ''));
}

/** Runs a consumer's program on the sample and returns what it printed. */
function run(file: string): unknown {
  return JSON.parse(execFileSync(process.execPath, [file, ISSUER, SAMPLE, AT], { encoding: 'utf8' }));
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) throw new Error('dist/ is missing: run npm run build (npm test does)');
  work = mkdtempSync(join(tmpdir(), 'smki-lint-package-'));
  // dist/ is fresh: npm test builds before it runs the tests.
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' })) as [{ filename: string; files: { path: string }[] }];
  shipped = packed.files.map((f) => f.path);
  consumer = write(join(work, 'consumer'), { 'package.json': { name: 'consumer', private: true } });
  // --offline: the package depends on nothing, so installing it needs no registry.
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(work, packed.filename)], { cwd: consumer, stdio: 'pipe' });
  manifest = JSON.parse(readFileSync(join(consumer, 'node_modules', 'smki-lint', 'package.json'), 'utf8'));
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the tarball', () => {
  it('ships every file the exports map names, and no unbundled CLI', () => {
    const targets = (value: unknown): string[] => (typeof value === 'string' ? [value] : Object.values(value as object).flatMap(targets));
    expect(targets(manifest.exports)).toContain('./dist/cjs/index.cjs');
    for (const target of targets(manifest.exports)) expect(shipped, target).toContain(target.replace(/^\.\//, ''));
    expect(shipped).toContain('bin/smki-lint.js');
    expect(shipped).toContain('dist/bundle/main.js');
    expect(shipped.filter((f) => f.startsWith('dist/cli/') || f.startsWith('src/') || f.startsWith('tests/'))).toEqual([]);
  });

  it('depends on nothing at run time, and says where the project lives', () => {
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.sideEffects).toBe(false);
    expect(manifest).toMatchObject({ repository: { type: 'git' }, bugs: { url: expect.stringMatching(/^https:\/\//) }, homepage: expect.stringMatching(/^https:\/\//) });
  });

  it('has no README link to a file it does not ship', () => {
    const readme = readFileSync(join(consumer, 'node_modules', 'smki-lint', 'README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((l) => !/^(https?:|mailto:|#)/.test(l));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(shipped, link).toContain(link.split('#')[0]);
  });

  it('runs the bundled CLI', () => {
    const r = spawnSync(join(consumer, 'node_modules', '.bin', 'smki-lint'), ['check', SAMPLE, '--issuer', ISSUER, '--at', AT], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('error   org.role.reserved');
    expect(r.stdout).toContain('1 item checked, 0 clean · 1 error, 0 warnings, 0 notices');
  });
});

describe('the installed package', () => {
  it('serves: smki-lint serve checks what is posted, and stops on SIGTERM', async () => {
    const service = await spawnService(join(consumer, 'node_modules', 'smki-lint', 'bin', 'smki-lint.js'));
    try {
      const response = await fetch(`${service.url}/v1/check?at=${AT}`, { method: 'POST', body: readFileSync(SAMPLE), headers: { 'Content-Type': 'application/x-pem-file' } });
      expect(response.status).toBe(200);
      const report = (await response.json()) as { results: { findings: { ruleId: string }[] }[] };
      expect(report.results.map((r) => r.findings.map((f) => f.ruleId))).toEqual([['org.role.reserved', 'chain.not-checked']]);
    } finally {
      service.child.kill('SIGTERM');
    }
    expect(await service.exited).toBe(0);
  });

  const program = (load: string, exportStatement: string) => `${load}
const [issuer, cert, at] = process.argv.slice(2);
const summary = (r) => ({ findings: r.findings.map((f) => f.ruleId), signatureValid: r.issuer?.signatureValid });
async function main() {
  const viaNode = await checkPaths([cert], { at, issuers: [issuer] });
  const checker = new web.Checker({ at });
  checker.addIssuer(core.detectItems(readFileSync(issuer)).items[0].der);
  const viaWeb = await checker.checkSourceAsync(readFileSync(cert), cert);
  const shared = web.OptionsError === core.OptionsError && web.detectItems === core.detectItems;
  console.log(JSON.stringify({ node: summary(viaNode[0]), web: summary(viaWeb[0]), shared }));
}
${exportStatement}`;

  it('works from ESM', () => {
    write(consumer, {
      'esm/package.json': { type: 'module' },
      'esm/main.js': program(
        "import { readFileSync } from 'node:fs';\nimport * as core from 'smki-lint';\nimport { checkPaths } from 'smki-lint/node';\nimport * as web from 'smki-lint/web';",
        'await main();',
      ),
    });
    expect(run(join(consumer, 'esm', 'main.js'))).toEqual({ node: EXPECTED, web: EXPECTED, shared: true });
  });

  it('works from CommonJS: require() of every entry point, sharing one copy of the library', () => {
    write(consumer, {
      'cjs/package.json': { type: 'commonjs' },
      'cjs/main.js': program(
        "const { readFileSync } = require('node:fs');\nconst core = require('smki-lint');\nconst { checkPaths } = require('smki-lint/node');\nconst web = require('smki-lint/web');",
        'main();',
      ),
    });
    expect(run(join(consumer, 'cjs', 'main.js'))).toEqual({ node: EXPECTED, web: EXPECTED, shared: true });
  });

  const TYPESCRIPT = `import { readFileSync } from 'node:fs';
import { Checker, detectItems } from 'smki-lint';
import type { CertificateResult, CheckOptions, RuleId, RuleSelector } from 'smki-lint';
import { createNodeCrypto } from 'smki-lint/node';
import { Checker as WebChecker } from 'smki-lint/web';

const waived: RuleId[] = ['org.role.reserved'];
// @ts-expect-error: a mistyped rule id does not type-check
waived.push('org.role.reserverd');
const only: RuleSelector[] = ['org', 'chain.'];

const [issuer, cert, at] = process.argv.slice(2);
const options: CheckOptions = { crypto: createNodeCrypto(), at, ignore: only.length > 2 ? only : [] };
const checker = new Checker(options);
checker.addIssuer(detectItems(readFileSync(issuer)).items[0].der);
const summary = (r: CertificateResult) => ({ findings: r.findings.map((f) => f.ruleId), signatureValid: r.issuer?.signatureValid });
const web = new WebChecker({ at });
web.addIssuer(detectItems(readFileSync(issuer)).items[0].der);
web.checkSourceAsync(readFileSync(cert), cert).then((viaWeb: CertificateResult[]) => {
  console.log(JSON.stringify({ node: summary(checker.checkSource(readFileSync(cert), cert)[0]), web: summary(viaWeb[0]) }));
});
`;

  // Checking all of @types/node would also take most of the time.
  const NODE_SHIM = `declare const process: { argv: string[] };
declare const console: { log(text: string): void };
declare module 'node:fs' {
  export function readFileSync(path: string): Uint8Array;
}
`;

  for (const [name, type, mode] of [
    ['node16, CommonJS', 'commonjs', 'node16'],
    ['nodenext, CommonJS', 'commonjs', 'nodenext'],
    ['nodenext, ESM', 'module', 'nodenext'],
    ['bundler, ESM', 'module', 'bundler'],
  ] as const) {
    it(`type-checks and runs from TypeScript (${name}), declarations checked too`, () => {
      const dir = write(join(consumer, `ts-${mode}-${type}`), {
        'package.json': { type },
        'tsconfig.json': {
          // skipLibCheck off, so smki-lint's declarations are checked too, and they need neither DOM
          // nor Node.js types (the little of Node.js the program uses is in NODE_SHIM).
          compilerOptions: { module: mode === 'bundler' ? 'esnext' : mode, moduleResolution: mode, target: 'ES2022', lib: ['ES2022'], strict: true, skipLibCheck: false, skipDefaultLibCheck: true, rootDir: 'src', outDir: 'out', types: [] },
        },
        'src/main.ts': TYPESCRIPT,
        'src/node-shim.d.ts': NODE_SHIM,
      });
      const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], { encoding: 'utf8' });
      expect(tsc.stdout + tsc.stderr).toBe('');
      expect(run(join(dir, 'out', 'main.js'))).toEqual({ node: EXPECTED, web: EXPECTED });
    });
  }

  it('bundles detectItems alone without the checker and its rules (sideEffects: false)', async () => {
    write(consumer, { 'bundle/detect.js': "import { detectItems } from 'smki-lint';\nconsole.log(detectItems(new Uint8Array(0)));\n" });
    const modules = await bundledModules(join(consumer, 'bundle', 'detect.js'));
    expect(modules.filter((p) => p.startsWith('dist/input/')).length).toBeGreaterThan(0);
    expect(modules.filter((p) => /^dist\/(rules|lint|check|x509|chain|report|crypto)\//.test(p))).toEqual([]);
  });

  it('bundles smki-lint/web for a browser: nothing from Node.js, the crypto included', async () => {
    write(consumer, { 'bundle/web.js': "import { Checker } from 'smki-lint/web';\nconsole.log(new Checker({}));\n" });
    // A Node.js built-in anywhere in what it reaches would fail the build for platform browser.
    const modules = await bundledModules(join(consumer, 'bundle', 'web.js'));
    expect(modules).toContain('dist/crypto/noble-primitives.js');
    expect(modules).toContain('dist/rules/index.js');
    expect(modules.filter((p) => p === 'dist/node.js' || p.startsWith('dist/input/read'))).toEqual([]);
  });
});
