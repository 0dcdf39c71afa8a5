// npm run bench: decode, lint and end-to-end CLI throughput on a generated corpus of distinct
// Organisation Certificates, and signature-checking throughput beside this machine's ceiling.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Checker } from '../dist/check/checker.js';
import { createNodeCrypto } from '../dist/crypto/node.js';
import { decodeCertificate } from '../dist/x509/index.js';
import { detectEntries } from '../dist/check/entries.js';
import { adversarialSection } from './adversarial.js';
import { buildCorpus, buildDuisCorpus, buildRequestCorpus } from './corpus.js';
import type { BenchCorpus, DuisCorpus, RequestCorpus } from './corpus.js';
import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { toPem } from '../test-certs/generate/certificate.js';

const COUNT = Number(process.env.BENCH_COUNT ?? 10_000);
/** A second, larger corpus shows throughput once process start and JIT warm-up are amortised (0 skips it). */
const LARGE = Number(process.env.BENCH_LARGE ?? 50_000);
const AT = '2026-06-01T00:00:00Z';
const BIN = join(import.meta.dirname, '..', 'bin', 'smki-lint.js');
/** BENCH_ADVERSARIAL=0 skips the adversarial section. */
const ADVERSARIAL = process.env.BENCH_ADVERSARIAL !== '0';

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

interface CliRun {
  perSecond: number;
  ms: number;
  code: number | null;
}

/** Best of three runs of the CLI (process start included), output to /dev/null as a file would be. */
function cli(count: number, args: string[]): CliRun {
  let best: CliRun | undefined;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    const ms = performance.now() - t;
    if (r.status === 2) throw new Error(r.stderr);
    if (!best || ms < best.ms) best = { perSecond: rate(count, ms), ms: Math.round(ms), code: r.status };
  }
  return best!;
}

/** Writes a corpus as one PEM file per certificate, plus its Issuing OCA, and returns the paths. */
function writeCorpus(dir: string, corpus: BenchCorpus): { certs: string; oca: string } {
  const certs = join(dir, 'certs');
  mkdirSync(certs, { recursive: true });
  corpus.organisations.forEach((der, i) => writeFileSync(join(certs, `org-${String(i).padStart(6, '0')}.pem`), toPem(der)));
  const oca = join(dir, 'issuing-oca.pem');
  writeFileSync(oca, toPem(corpus.oca));
  return { certs, oca };
}

function endToEnd(count: number, paths: { certs: string; oca: string }) {
  const base = ['check', paths.certs, '--at', AT, '--format', 'jsonl'];
  const out = {
    plain: cli(count, [...base, '--fail-on', 'never']),
    oneJob: cli(count, [...base, '--fail-on', 'never', '--jobs', '1']),
    verified: cli(count, [...base, '--issuer', paths.oca, '--require-issuer']),
    floor: readAndVerifyFloor(paths),
  };
  if (out.verified.code !== 0) throw new Error('the corpus should verify cleanly against its Issuing OCA');
  return out;
}

/**
 * The least any signature check of these files can cost: read each file, take the DER out of its
 * PEM, split off the TBS and the signature and verify, with no decoding, linting or output, on
 * one worker per core. Best of three, worker start included as it is for the CLI.
 */
function readAndVerifyFloor(paths: { certs: string; oca: string }): CliRun {
  const code = `
    const { readdirSync, readFileSync } = require('node:fs');
    const { X509Certificate, verify } = require('node:crypto');
    const { join } = require('node:path');
    const [dir, oca, part, parts] = process.argv.slice(2);
    const der = (pem) => Buffer.from(pem.toString('latin1').replace(/-----[^-]+-----|\\s/g, ''), 'base64');
    const key = new X509Certificate(der(readFileSync(oca))).publicKey;
    const header = (b, i) => { const l = b[i + 1]; if (l < 0x80) return [i + 2, l]; let v = 0; for (let k = 0; k < (l & 0x7f); k++) v = v * 256 + b[i + 2 + k]; return [i + 2 + (l & 0x7f), v]; };
    let failed = 0;
    readdirSync(dir).sort().forEach((name, i) => {
      if (i % Number(parts) !== Number(part)) return;
      const cert = der(readFileSync(join(dir, name)));
      const [tbsAt] = header(cert, 0);
      const [tbsBody, tbsLength] = header(cert, tbsAt);
      const [algBody, algLength] = header(cert, tbsBody + tbsLength);
      const [sigBody, sigLength] = header(cert, algBody + algLength);
      if (!verify('sha256', cert.subarray(tbsAt, tbsBody + tbsLength), key, cert.subarray(sigBody + 1, sigBody + sigLength))) failed++;
    });
    process.exitCode = failed === 0 ? 0 : 1;`;
  const threads = availableParallelism();
  const script = `const { Worker } = require('node:worker_threads');
    const code = ${JSON.stringify(code)};
    for (let i = 0; i < ${threads}; i++) new Worker(code, { eval: true, argv: [${JSON.stringify(paths.certs)}, ${JSON.stringify(paths.oca)}, i, ${threads}] }).on('exit', (c) => { if (c) process.exitCode = c; });`;
  let best: CliRun | undefined;
  const count = readdirSync(paths.certs).length;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    const ms = performance.now() - t;
    if (r.status !== 0) throw new Error(`the read-and-verify floor failed: ${r.stderr}`);
    if (!best || ms < best.ms) best = { perSecond: rate(count, ms), ms: Math.round(ms), code: r.status };
  }
  return best!;
}

/** Writes requests and certificates as one PEM file each, in two folders, plus their Issuing OCA. */
function writeRequestCorpus(dir: string, corpus: RequestCorpus): { requests: string; certificates: string; oca: string } {
  const requests = join(dir, 'requests');
  const certificates = join(dir, 'certificates');
  mkdirSync(requests, { recursive: true });
  mkdirSync(certificates, { recursive: true });
  corpus.requests.forEach((der, i) => writeFileSync(join(requests, `req-${String(i).padStart(6, '0')}.csr`), toPem(der, 'CERTIFICATE REQUEST')));
  corpus.certificates.forEach((der, i) => writeFileSync(join(certificates, `org-${String(i).padStart(6, '0')}.pem`), toPem(der)));
  const oca = join(dir, 'issuing-oca.pem');
  writeFileSync(oca, toPem(corpus.oca));
  return { requests, certificates, oca };
}

/**
 * CSR throughput in-process on one core: decode and lint without the self-signature, then with it,
 * beside the floor for the signature alone (import each request's key and verify its signature,
 * nothing else: every request has its own key, so no tool verifies them faster with node:crypto).
 */
function requestRates(corpus: RequestCorpus) {
  const n = corpus.requests.length;
  const lintOnly = new Checker({ at: AT, ignore: ['csr.signature'], crypto: createNodeCrypto() });
  const entries = corpus.requests.map((der, i) => ({ source: { path: 'bench', index: i }, der }));
  for (const r of new Checker({ at: AT, crypto: createNodeCrypto() }).checkEntries(entries.slice(0, 100))) {
    if (r.findings.length > 0) throw new Error(`bench request ${r.source.index} is not clean: ${r.findings[0].message}`);
  }
  const decodeLint = measure(5, n, () => {
    for (let i = 0; i < n; i += 256) lintOnly.checkEntries(entries.slice(i, i + 256));
  });
  // A new checker (and crypto adapter) per round: its cache of imported keys must not remember the last round's.
  const signed = measure(2, n, () => {
    const withSignature = new Checker({ at: AT, crypto: createNodeCrypto() });
    for (let i = 0; i < n; i += 256) withSignature.checkEntries(entries.slice(i, i + 256));
  });
  const floor = measure(2, n, () => {
    for (const der of corpus.requests) {
      const { info, spki, signature } = requestParts(der);
      const key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
      if (!verify('sha256', info, { key, dsaEncoding: 'der' }, signature)) throw new Error('bench request does not verify');
    }
  });
  return { decodeLint, signed, floor };
}

/**
 * DUIS requests in-process on one core, bytes to results: read the XML, decode and lint its four
 * certificates, verify the three replacement certificates' signatures against the path's Issuing
 * OCA, and run the request's rules. With the Root OCA as an issuer the path certificate's own
 * signature is verified too. Beside it, one core's raw P-256 verify rate measured in the same
 * rounds: on a shared machine the ratio of the two moves less than either.
 */
function duisRates(corpus: DuisCorpus) {
  const n = corpus.requests.length;
  const run = (withRoot: boolean) => {
    const checker = new Checker({ at: AT, crypto: createNodeCrypto() });
    checker.addIssuer(corpus.oca);
    if (withRoot) checker.addIssuer(corpus.root);
    const first = checker.checkEntries(detectEntries(corpus.requests[0], 'bench.xml'));
    const expected = withRoot ? [] : ['chain.not-checked'];
    if (first.length !== 5 || first.flatMap((r) => r.findings.map((f) => f.ruleId)).join() !== expected.join() || first.slice(1, 4).some((r) => r.issuer?.signatureValid !== true)) throw new Error(`the bench request should check as expected: ${JSON.stringify(first.map((r) => r.findings))}`);
    return measure(3, n, () => {
      for (let i = 0; i < n; i++) checker.checkEntries(detectEntries(corpus.requests[i], 'bench.xml'));
    });
  };
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const data = new Uint8Array(400).fill(7);
  const signature = sign('sha256', data, { key: privateKey, dsaEncoding: 'der' });
  const rawVerify = () => measure(3, n, () => {
    for (let i = 0; i < n; i++) verify('sha256', data, { key: publicKey, dsaEncoding: 'der' }, signature);
  });
  const verifyBefore = rawVerify();
  const pathUnverified = run(false);
  const everySignature = run(true);
  return { pathUnverified, everySignature, rawVerify: Math.round((verifyBefore + rawVerify()) / 2) };
}

/** The signed info, the key and the signature of a request, found by walking its TLV headers only. */
function requestParts(der: Uint8Array): { info: Uint8Array; spki: Uint8Array; signature: Uint8Array } {
  const header = (at: number): [body: number, end: number] => {
    const l = der[at + 1];
    if (l < 0x80) return [at + 2, at + 2 + l];
    let v = 0;
    for (let k = 0; k < (l & 0x7f); k++) v = v * 256 + der[at + 2 + k];
    return [at + 2 + (l & 0x7f), at + 2 + (l & 0x7f) + v];
  };
  const [infoAt] = header(0);
  const [versionAt, infoEnd] = header(infoAt);
  const [, subjectAt] = header(versionAt);
  const [, spkiAt] = header(subjectAt);
  const [, spkiEnd] = header(spkiAt);
  const [, sigAt] = header(infoEnd);
  const [sigBody, sigEnd] = header(sigAt);
  return { info: der.subarray(infoAt, infoEnd), spki: der.subarray(spkiAt, spkiEnd), signature: der.subarray(sigBody + 1, sigEnd) };
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
  // Before the lint-only measure: its ten thousand retained models would tax every collection here.
  const decodeLintRate = measure(5, COUNT, () => {
    for (let i = 0; i < ders.length; i++) checker.lint(checker.decodeDer(ders[i], { path: 'bench', index: i }));
  });
  const decoded = ders.map((der, i) => checker.decodeDer(der, { path: 'bench', index: i }));
  const lintRate = measure(5, COUNT, () => {
    for (const r of decoded) checker.lint(r);
  });
  decoded.length = 0;
  const withIssuer = new Checker({ at: AT, crypto: createNodeCrypto() });
  withIssuer.addIssuer(corpus.oca);
  const verifyOneCore = measure(2, COUNT, () => {
    for (let i = 0; i < ders.length; i++) withIssuer.checkEntry({ source: { path: 'bench', index: i }, der: ders[i] });
  });

  t = performance.now();
  const requestCorpus = buildRequestCorpus(COUNT);
  console.log(`request corpus: ${COUNT} organisation CSRs and their certificates built in ${Math.round(performance.now() - t)} ms\n`);
  const csr = requestRates(requestCorpus);

  const duisCount = Math.min(COUNT, 2_000);
  t = performance.now();
  const duisCorpus = buildDuisCorpus(duisCount);
  console.log(`DUIS corpus: ${duisCount} requests (3 replacement certificates and 1 path certificate each) built in ${Math.round(performance.now() - t)} ms\n`);
  const duis = duisRates(duisCorpus);

  const dir = mkdtempSync(join(tmpdir(), 'smki-bench-'));
  const pairs = writeRequestCorpus(join(dir, 'pairs'), requestCorpus);
  const compare = cli(COUNT, ['compare', '--requests', pairs.requests, '--certificates', pairs.certificates, '--issuer', pairs.oca, '--at', AT, '--format', 'jsonl']);
  if (compare.code !== 0) throw new Error('every bench request should match its certificate');
  const small = endToEnd(COUNT, writeCorpus(join(dir, 'small'), corpus));
  let large: ReturnType<typeof endToEnd> | undefined;
  if (LARGE > 0) {
    t = performance.now();
    const big = buildCorpus(LARGE);
    console.log(`large corpus: ${LARGE} distinct organisation certificates built in ${Math.round(performance.now() - t)} ms\n`);
    large = endToEnd(LARGE, writeCorpus(join(dir, 'large'), big));
  }
  rmSync(dir, { recursive: true, force: true });

  const ceiling = await nodeVerifyCeiling(availableParallelism(), 3);
  const openssl = opensslCeiling();

  const row = (label: string, value: string, note = '') => console.log(`${label.padEnd(60)}${value.padStart(12)}${note ? '   ' + note : ''}`);
  const perSecond = (n: number) => `${n.toLocaleString('en')}/s`;
  row('decode (strict DER + model), one core', perSecond(decodeRate), 'target 100,000/s');
  row('lint stage (all rules, no signature), one core', perSecond(lintRate), 'target 50,000/s');
  row('decode + lint, one core', perSecond(decodeLintRate));
  row('decode + lint + verify against issuer, one core', perSecond(verifyOneCore));
  for (const [count, e] of [[COUNT, small], [LARGE, large]] as const) {
    if (!e) continue;
    row(`CLI check -> jsonl, ${count.toLocaleString('en')} files (process start included)`, perSecond(e.plain.perSecond), `${e.plain.ms} ms${count === COUNT ? '; target 20,000/s' : ''}`);
    row('  the same with --jobs 1', perSecond(e.oneJob.perSecond), `${e.oneJob.ms} ms`);
    row('  with --issuer: every signature verified', perSecond(e.verified.perSecond), `${e.verified.ms} ms; ${Math.round((e.verified.perSecond / ceiling) * 100)}% of the node ceiling${openssl ? `, ${Math.round((e.verified.perSecond / openssl) * 100)}% of openssl's` : ''}, ${Math.round((e.verified.perSecond / e.floor.perSecond) * 100)}% of the floor`);
    row('  floor: read + verify only (no decode, lint or output)', perSecond(e.floor.perSecond), `${e.floor.ms} ms; ${Math.round((e.floor.perSecond / ceiling) * 100)}% of the node ceiling`);
  }
  row('CSR decode + lint, no self-signature, one core', perSecond(csr.decodeLint), 'target 50,000/s');
  row('CSR decode + lint + self-signature, one core', perSecond(csr.signed), `${Math.round((csr.signed / csr.floor) * 100)}% of the floor; target 75%`);
  row('  floor: decode + import key + verify only, one core', perSecond(csr.floor));
  row(`CLI compare -> jsonl, ${COUNT.toLocaleString('en')} pairs, with --issuer (process start included)`, perSecond(compare.perSecond), `${compare.ms} ms`);
  const verifies = (rate: number) => `as long as ${(duis.rawVerify / rate).toFixed(1)} raw P-256 verifications on this core`;
  row('DUIS request (3 replacement + 1 path certificate), verified, one core', perSecond(duis.pathUnverified), `${verifies(duis.pathUnverified)}; target 2,000/s`);
  row('  the same with the Root OCA: the path certificate verified too', perSecond(duis.everySignature), verifies(duis.everySignature));
  row('  raw P-256 verify, one core, measured alongside', perSecond(duis.rawVerify));
  row(`ceiling: node raw P-256 verify, ${availableParallelism()} threads`, perSecond(ceiling), 'signature target: 75% of it');
  if (openssl !== undefined) row(`ceiling: openssl speed -multi ${availableParallelism()} ecdsap256 verify`, perSecond(openssl));
  if (ADVERSARIAL) adversarialSection();
}

await main();
