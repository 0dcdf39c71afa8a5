// npm run bench:memory: peak RSS of `check` (every format) and `decode` (text, json, jsonl) over
// a corpus of BENCH_MEMORY_COUNT certificates (default 1,000,000), as one PEM bundle and as 1,000
// files, with the default jobs and with --jobs 1. The corpus is generated once into
// .bench-corpus/ (git-ignored) and reused. Target: at most 400 MB in every case.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { toPem } from '../test-certs/generate/certificate.js';
import { benchIssuers, organisationCertificates } from './corpus.js';

const COUNT = Number(process.env.BENCH_MEMORY_COUNT ?? 1_000_000);
const FILES = Math.min(1000, COUNT);
const TARGET_MB = 400;
const AT = '2026-06-01T00:00:00Z';
const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'smki-lint.js');
const PEAK_RSS = join(import.meta.dirname, 'peak-rss.mjs');

interface Corpus {
  bundle: string;
  files: string;
  /** The Issuing OCA of every certificate, for the run with --issuer. */
  oca: string;
}

/** The corpus, built unless a complete one of this size is already there. */
function corpus(): Corpus {
  const dir = join(ROOT, '.bench-corpus', `memory-${COUNT}`);
  const out = { bundle: join(dir, 'bundle.pem'), files: join(dir, 'files'), oca: join(dir, 'issuing-oca.pem') };
  if (existsSync(join(dir, 'complete'))) return out;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(out.files, { recursive: true });
  const t = performance.now();
  const { oca } = benchIssuers();
  writeFileSync(join(dir, 'issuing-oca.pem'), toPem(oca.der));
  const bundle = openSync(out.bundle, 'w');
  const perFile = Math.ceil(COUNT / FILES);
  let file = -1;
  let part = '';
  const flushPart = () => {
    if (file >= 0) writeFileSync(join(out.files, `part-${String(file).padStart(4, '0')}.pem`), part);
    part = '';
  };
  let n = 0;
  for (const der of organisationCertificates(COUNT, oca, 4096)) {
    if (n % perFile === 0) {
      flushPart();
      file++;
    }
    const pem = toPem(der);
    writeSync(bundle, pem);
    part += pem;
    if (++n % 100_000 === 0) console.log(`  ${n.toLocaleString('en')} certificates written`);
  }
  flushPart();
  closeSync(bundle);
  writeFileSync(join(dir, 'complete'), String(COUNT));
  console.log(`corpus: ${COUNT.toLocaleString('en')} certificates, one bundle and ${FILES} files, built in ${Math.round((performance.now() - t) / 1000)} s\n`);
  return out;
}

interface Measure {
  mb: number;
  seconds: number;
  code: number | null;
}

/** One run with output to /dev/null; its peak RSS from the process itself (every thread). */
function measure(args: string[]): Measure {
  const rssFile = join(tmpdir(), `smki-bench-rss-${process.pid}`);
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--import', PEAK_RSS, BIN, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, SMKI_BENCH_RSS_FILE: rssFile },
  });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`smki-lint ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const kb = Number(readFileSync(rssFile, 'utf8'));
  rmSync(rssFile, { force: true });
  return { mb: Math.round(kb / 1024), seconds: Math.round(seconds * 10) / 10, code: r.status };
}

function main(): void {
  console.log(`smki-lint memory benchmark · ${cpus()[0]?.model ?? 'cpu'} · ${availableParallelism()} cores · node ${process.version}`);
  const c = corpus();
  const inputs: [string, string][] = [
    ['1 bundle', c.bundle],
    [`${FILES} files`, c.files],
  ];
  const jobs: [string, string[]][] = [
    ['default jobs', []],
    ['-j 1', ['--jobs', '1']],
  ];
  const commands: [string, string[]][] = [
    ...['text', 'json', 'jsonl', 'sarif', 'junit'].map((f): [string, string[]] => [`check ${f}`, ['check', '--at', AT, '--format', f, '--fail-on', 'never']]),
    // With signatures to verify, a large bundle is checked on worker threads by default.
    ['check json --issuer', ['check', '--at', AT, '--format', 'json', '--fail-on', 'never', '--issuer', c.oca]],
    ...['text', 'json', 'jsonl'].map((f): [string, string[]] => [`decode ${f}`, ['decode', '--format', f]]),
  ];
  // BENCH_MEMORY_ROWS=decode,check json measures only the rows whose names start with one of these.
  const only = process.env.BENCH_MEMORY_ROWS?.split(',').map((r) => r.trim());
  const header = ['peak RSS (MB), seconds', ...inputs.flatMap(([i]) => jobs.map(([j]) => `${i}, ${j}`))];
  const rows: string[][] = [];
  let worst = 0;
  for (const [name, args] of commands.filter(([n]) => !only || only.some((o) => n.startsWith(o)))) {
    const row = [name];
    for (const [, input] of inputs) {
      for (const [, jobArgs] of jobs) {
        // decode always runs on one thread and has no --jobs: it is measured once per input.
        if (args[0] === 'decode' && jobArgs.length > 0) {
          row.push('(as left)');
          continue;
        }
        const m = measure([...args.slice(0, 1), input, ...args.slice(1), ...(args[0] === 'check' ? jobArgs : [])]);
        worst = Math.max(worst, m.mb);
        row.push(`${m.mb} MB, ${m.seconds} s`);
      }
    }
    rows.push(row);
    console.log(`  ${row.join(' · ')}`);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${COUNT.toLocaleString('en')} certificates; output to /dev/null; decode has no --jobs (measured once per input)\n`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  console.log(`\nhighest peak: ${worst} MB (target ${TARGET_MB} MB): ${worst <= TARGET_MB ? 'met' : 'NOT met'}`);
}

main();
