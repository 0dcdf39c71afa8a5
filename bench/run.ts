// npm run bench: decode, lint and end-to-end CLI throughput on a generated corpus of distinct
// Organisation Certificates, and signature-checking throughput beside this machine's ceiling.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Checker } from '../dist/check/checker.js';
import { createNodeCrypto } from '../dist/crypto/node.js';
import { decodeCertificate } from '../dist/x509/index.js';
import { detectEntries } from '../dist/check/entries.js';
import { threadUse } from '../src/cli/workers-pay-off.js';
import { adversarialSection } from './adversarial.js';
import { buildCorpus, buildDuisCorpus, buildRequestCorpus } from './corpus.js';
import type { DuisCorpus, RequestCorpus } from './corpus.js';
import { endToEnd, opensslCeiling, pythonCryptography, writeInputs } from './end-to-end.js';
import { stageCosts } from './stages.js';
import type { EndToEnd, Timed } from './end-to-end.js';
import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { toPem } from '../test-certs/generate/certificate.js';
import { tlvHeader } from './tlv.js';

const COUNT = Number(process.env.BENCH_COUNT ?? 10_000);
/** The bundle of the end-to-end section: twice COUNT certificates in one PEM file. */
const BUNDLE = Number(process.env.BENCH_BUNDLE ?? 2 * COUNT);
/** The small runs on which more threads must not be slower. */
const SMALL = Number(process.env.BENCH_SMALL ?? 2_000);
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
  const header = (at: number) => tlvHeader(der, at);
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

async function main(): Promise<void> {
  console.log(`smki-lint benchmark · ${cpus()[0]?.model ?? 'cpu'} · ${availableParallelism()} cores · node ${process.version} · load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  let t = performance.now();
  const corpus = buildCorpus(Math.max(COUNT, BUNDLE));
  console.log(`corpus: ${corpus.organisations.length} distinct organisation certificates built in ${Math.round(performance.now() - t)} ms`);
  const python = pythonCryptography();
  console.log(python ? `python3 with cryptography ${python}: its parse loop runs beside the CLI` : 'python3 with the cryptography package is not available: the Python comparison is left out');
  console.log('');

  const ders = corpus.organisations.slice(0, COUNT);
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
  const runs: [label: string, e: EndToEnd, threads: { plain: boolean; verified: boolean }][] = [];
  const openssl = opensslCeiling();
  const sizes = [['bundle', BUNDLE], ['files', COUNT], ['bundle', SMALL], ['files', SMALL]] as const;
  for (const [as, count] of sizes.filter(([as, count], i) => sizes.findIndex((s) => s[0] === as && s[1] === count) === i)) {
    const inputs = writeInputs(join(dir, `${as}-${count}`), corpus.organisations.slice(0, count), corpus.oca, as);
    // Whether the CLI's own model puts --jobs <cores> on threads here; when it does not, the two runs are the same run.
    const onThreads = (verifying: boolean) => threadUse(count, availableParallelism(), verifying, as === 'bundle' ? 1 : count) !== 'none';
    const threads = { plain: onThreads(false), verified: onThreads(true) };
    runs.push([`${count.toLocaleString('en')} certificates, ${as === 'bundle' ? 'one PEM bundle' : 'one file each'}`, endToEnd(inputs, python !== undefined), threads]);
  }
  rmSync(dir, { recursive: true, force: true });
  const ceiling = await nodeVerifyCeiling(availableParallelism(), 3);
  const oneThread = await nodeVerifyCeiling(1, 3);
  const stages = stageCosts(ders, corpus.oca);

  const row = (label: string, value: string, note = '') => console.log(`${label.padEnd(64)}${value.padStart(12)}${note ? '   ' + note : ''}`);
  const perSecond = (n: number) => `${n.toLocaleString('en')}/s`;
  const percent = (a: number, b: number) => `${Math.round((a / b) * 100)}%`;
  row('decode (strict DER + model), one core', perSecond(decodeRate));
  row('lint stage (all rules, no signature), one core', perSecond(lintRate), 'target 50,000/s');
  row('decode + lint, one core', perSecond(decodeLintRate), 'target 100,000/s');
  row('decode + lint + verify against issuer, one core', perSecond(verifyOneCore));
  const jobs = `--jobs ${availableParallelism()}`;
  const timed = (r: Timed) => `${perSecond(r.perSecond)} ${String(r.ms).padStart(6)} ms`;
  for (const [label, e, threads] of runs) {
    console.log(`\nCLI check -> jsonl, ${label} (process start included; fastest of ${process.env.BENCH_RUNS ?? 3})`);
    // On one thread at both counts the two runs do the same work: their difference is the machine's noise.
    const faster = (a: Timed, b: Timed, onThreads: boolean) => (onThreads ? (a.ms <= b.ms ? 'yes' : 'NO') : `one thread at both, the same run (${a.ms <= b.ms ? 'yes' : 'noise'})`);
    row('  no issuer, default', timed(e.plain.default), e.python ? `${(e.plain.default.perSecond / e.python.perSecond).toFixed(2)}x the Python loop; target 2x` : '');
    row(`  no issuer, --jobs 1 | ${jobs}`, `${perSecond(e.plain.one.perSecond)} | ${perSecond(e.plain.two.perSecond)}`, `${e.plain.one.ms} | ${e.plain.two.ms} ms; ${jobs} at least as fast: ${faster(e.plain.two, e.plain.one, threads.plain)}`);
    row('  --issuer, default: every signature verified', timed(e.verified.default), `${openssl ? `${percent(e.verified.default.perSecond, openssl)} of openssl's verify rate (target 50%), ` : ''}${percent(e.verified.default.perSecond, e.floor.perSecond)} of the floor (target 85%)`);
    row(`  --issuer, --jobs 1 | ${jobs}`, `${perSecond(e.verified.one.perSecond)} | ${perSecond(e.verified.two.perSecond)}`, `${e.verified.one.ms} | ${e.verified.two.ms} ms; ${jobs} at least as fast: ${faster(e.verified.two, e.verified.one, threads.verified)}`);
    row('  floor: read + verify only, a thread per core', timed(e.floor), `${openssl ? `${percent(e.floor.perSecond, openssl)} of openssl's, ` : ''}${percent(e.floor.perSecond, ceiling)} of the node ceiling`);
    if (e.python) row('  Python cryptography: parse + subject + extensions loop', timed(e.python));
  }
  console.log('');
  row('CSR decode + lint, no self-signature, one core', perSecond(csr.decodeLint), 'target 50,000/s');
  row('CSR decode + lint + self-signature, one core', perSecond(csr.signed), `${percent(csr.signed, csr.floor)} of the floor; target 75%`);
  row('  floor: decode + import key + verify only, one core', perSecond(csr.floor));
  row(`CLI compare -> jsonl, ${COUNT.toLocaleString('en')} pairs, with --issuer (process start included)`, perSecond(compare.perSecond), `${compare.ms} ms`);
  const verifies = (rate: number) => `as long as ${(duis.rawVerify / rate).toFixed(1)} raw P-256 verifications on this core`;
  row('DUIS request (3 replacement + 1 path certificate), verified, one core', perSecond(duis.pathUnverified), `${verifies(duis.pathUnverified)}; target 2,000/s`);
  row('  the same with the Root OCA: the path certificate verified too', perSecond(duis.everySignature), verifies(duis.everySignature));
  row('  raw P-256 verify, one core, measured alongside', perSecond(duis.rawVerify));
  row(`ceiling: node raw P-256 verify, ${availableParallelism()} threads`, perSecond(ceiling));
  if (openssl !== undefined) row(`ceiling: openssl speed -multi ${availableParallelism()} ecdsap256 verify`, perSecond(openssl));

  // What the stages allow: cores x scaling / the sum per certificate, and one warm-up per thread.
  const cores = availableParallelism();
  const scaling = ceiling / (cores * oneThread);
  const micro = (us: number) => `${us.toFixed(1)} µs`;
  const plainSum = stages.read + stages.decode + stages.viewAndFingerprint + stages.lint + stages.output;
  const verifiedSum = plainSum + stages.verify;
  const bestRate = (sum: number, n: number) => Math.round(n / (stages.warmUpMs / 1000 + ((n / cores) * sum) / scaling / 1e6));
  console.log(`\nWhere a certificate's time goes: each stage on one core, steady state (${COUNT.toLocaleString('en')} certificates)`);
  row('  read (PEM blocks, base64)', micro(stages.read));
  row('  decode (strict DER + model)', micro(stages.decode));
  row('  SMKI view + SHA-256 fingerprint', micro(stages.viewAndFingerprint));
  row('  lint (all rules)', micro(stages.lint));
  row('  JSON line', micro(stages.output));
  row('  verify (node:crypto, the issuer key made once)', micro(stages.verify));
  row('  sum without | with verify', `${micro(plainSum)} | ${micro(verifiedSum)}`);
  row(`  a fresh thread's warm-up: its first pass less its second`, `${Math.round(stages.warmUpMs)} ms`, `over ${stages.warmUpCount.toLocaleString('en')} certificates`);
  if (stages.optimised) row(`  V8 optimising a thread's code (TurboFan, on background threads)`, `${stages.optimised.ms} ms`, `${stages.optimised.functions} functions, compiled again for every thread`);
  row(`  raw verify on ${cores} threads vs ${cores} x one thread (${perSecond(oneThread)})`, `${Math.round(scaling * 100)}%`);
  row(`  best these allow, ${BUNDLE.toLocaleString('en')} certificates on ${cores} threads, no issuer`, perSecond(bestRate(plainSum, BUNDLE)), 'one warm-up per thread, no process start, reading shared');
  row(`  best these allow, ${BUNDLE.toLocaleString('en')} certificates on ${cores} threads, --issuer`, perSecond(bestRate(verifiedSum, BUNDLE)), openssl ? `${percent(bestRate(verifiedSum, BUNDLE), openssl)} of openssl's verify rate` : '');
  console.log(`load at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  if (ADVERSARIAL) adversarialSection();
}

await main();
