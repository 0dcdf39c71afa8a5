// npm run bench: decode, lint and end-to-end CLI throughput on a generated corpus of distinct
// Organisation Certificates, and signature-checking throughput beside this machine's ceiling.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Checker } from '../dist/check/checker.js';
import { createNodeCrypto } from '../dist/crypto/node.js';
import { decodeCertificate } from '../dist/x509/index.js';
import { buildCorpus } from './corpus.js';
import { toPem } from '../test-certs/generate/certificate.js';

const COUNT = Number(process.env.BENCH_COUNT ?? 10_000);
const AT = '2026-06-01T00:00:00Z';
const BIN = join(import.meta.dirname, '..', 'bin', 'smki-lint.js');

function rate(n: number, ms: number): number {
  return Math.round((n / ms) * 1000);
}

/** Best of several rounds, after a warm-up: the steady state of one core. */
function measure(rounds: number, n: number, body: () => void): number {
  body();
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    body();
    best = Math.max(best, rate(n, performance.now() - t));
  }
  return best;
}

function cli(args: string[]): { perSecond: number; ms: number; code: number | null; lines: number } {
  const t = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t;
  if (r.status === 2) throw new Error(r.stderr);
  return { perSecond: rate(COUNT, ms), ms: Math.round(ms), code: r.status, lines: r.stdout.split('\n').length - 1 };
}

/** node:crypto's raw P-256 verify rate with one worker per core: the ceiling for signature checks. */
async function nodeVerifyCeiling(threads: number, seconds: number): Promise<number> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { generateKeyPairSync, sign, verify } = require('node:crypto');
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const data = Buffer.alloc(400, 7);
    const sig = sign('sha256', data, { key: privateKey, dsaEncoding: 'der' });
    let n = 0; const end = Date.now() + workerData * 1000;
    while (Date.now() < end) { verify('sha256', data, { key: publicKey, dsaEncoding: 'der' }, sig); n++; }
    parentPort.postMessage(n / workerData);`;
  const rates = await Promise.all(
    Array.from({ length: threads }, () => new Promise<number>((resolve, reject) => new Worker(code, { eval: true, workerData: seconds }).once('message', resolve).once('error', reject))),
  );
  return Math.round(rates.reduce((a, b) => a + b, 0));
}

function opensslCeiling(): number | undefined {
  try {
    const out = execFileSync('openssl', ['speed', '-seconds', '3', '-multi', String(availableParallelism()), 'ecdsap256'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const line = out.split('\n').find((l) => l.includes('ecdsa (nistp256)'));
    const fields = line?.trim().split(/\s+/);
    return fields ? Math.round(Number(fields[fields.length - 1])) : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  console.log(`smki-lint benchmark · ${cpus()[0]?.model ?? 'cpu'} · ${availableParallelism()} cores · node ${process.version}`);
  let t = performance.now();
  const corpus = buildCorpus(COUNT);
  console.log(`corpus: ${COUNT} distinct organisation certificates built in ${Math.round(performance.now() - t)} ms\n`);

  const ders = corpus.organisations;
  const decodeRate = measure(5, COUNT, () => {
    for (const der of ders) decodeCertificate(der);
  });
  const checker = new Checker({ at: AT, crypto: createNodeCrypto() });
  const decoded = ders.map((der, i) => checker.decodeDer(der, { path: 'bench', index: i }));
  const lintRate = measure(5, COUNT, () => {
    for (const r of decoded) checker.lint(r);
  });
  const decodeLintRate = measure(5, COUNT, () => {
    for (let i = 0; i < ders.length; i++) checker.lint(checker.decodeDer(ders[i], { path: 'bench', index: i }));
  });
  const withIssuer = new Checker({ at: AT, crypto: createNodeCrypto() });
  withIssuer.addIssuer(corpus.oca);
  const verifyOneCore = measure(2, COUNT, () => {
    for (let i = 0; i < ders.length; i++) withIssuer.checkEntry({ source: { path: 'bench', index: i }, der: ders[i] });
  });

  const dir = mkdtempSync(join(tmpdir(), 'smki-bench-'));
  const certs = join(dir, 'certs');
  mkdirSync(certs);
  for (let i = 0; i < ders.length; i++) writeFileSync(join(certs, `org-${String(i).padStart(6, '0')}.pem`), toPem(ders[i]));
  const oca = join(dir, 'issuing-oca.pem');
  writeFileSync(oca, toPem(corpus.oca));
  const e2e = cli(['check', certs, '--at', AT, '--format', 'jsonl', '--fail-on', 'never']);
  const e2eOne = cli(['check', certs, '--at', AT, '--format', 'jsonl', '--fail-on', 'never', '--jobs', '1']);
  const e2eVerify = cli(['check', certs, '--issuer', oca, '--at', AT, '--format', 'jsonl', '--require-issuer']);
  rmSync(dir, { recursive: true, force: true });
  if (e2eVerify.code !== 0) throw new Error('the corpus should verify cleanly against its Issuing OCA');

  const ceiling = await nodeVerifyCeiling(availableParallelism(), 3);
  const openssl = opensslCeiling();

  const row = (label: string, value: string, target = '') => console.log(`${label.padEnd(58)}${value.padStart(16)}${target ? '   ' + target : ''}`);
  row('decode (strict DER + model), one core', `${decodeRate.toLocaleString('en')}/s`, 'target 100,000/s');
  row('lint stage (all rules, no signature), one core', `${lintRate.toLocaleString('en')}/s`, 'target 50,000/s');
  row('decode + lint, one core', `${decodeLintRate.toLocaleString('en')}/s`);
  row('decode + lint + verify against issuer, one core', `${verifyOneCore.toLocaleString('en')}/s`);
  row(`CLI check -> jsonl, ${COUNT} files, process start included`, `${e2e.perSecond.toLocaleString('en')}/s`, `target 20,000/s (${e2e.ms} ms)`);
  row('  the same with --jobs 1', `${e2eOne.perSecond.toLocaleString('en')}/s`, `(${e2eOne.ms} ms)`);
  row('CLI check --issuer (signatures verified) -> jsonl', `${e2eVerify.perSecond.toLocaleString('en')}/s`, `(${e2eVerify.ms} ms)`);
  row(`ceiling: node raw P-256 verify, ${availableParallelism()} threads`, `${ceiling.toLocaleString('en')}/s`);
  if (openssl !== undefined) row(`ceiling: openssl speed -multi ${availableParallelism()} ecdsap256 verify`, `${openssl.toLocaleString('en')}/s`);
  row('CLI with signatures / node ceiling', `${Math.round((e2eVerify.perSecond / ceiling) * 100)}%`, 'target 75%');
  if (openssl !== undefined) row('CLI with signatures / openssl ceiling', `${Math.round((e2eVerify.perSecond / openssl) * 100)}%`);
}

await main();
