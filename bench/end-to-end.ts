// The end-to-end section of npm run bench: the CLI on one bundle and on many files, with and
// without signatures to verify, at every thread count, beside what the same machine does in the
// same run: openssl's P-256 verify rate on every core, the project's read-and-verify floor, and a
// Python cryptography parse loop over the same inputs (when python3 with cryptography is present).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { toPem } from '../test-certs/generate/certificate.js';

const AT = '2026-06-01T00:00:00Z';
const BIN = join(import.meta.dirname, '..', 'bin', 'smki-lint.js');
/** Runs of each command; the fastest counts (other work on the machine only ever slows a run). */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

export interface Timed {
  ms: number;
  perSecond: number;
}

type Command = [command: string, args: string[]];

/** The fastest of RUNS runs of a command, process start included, output to /dev/null as a file would be. */
function fastest(count: number, command: string, args: string[], ok: (status: number | null) => boolean = (s) => s === 0 || s === 1): Timed {
  return fastestOfEach(count, [[command, args]], ok)[0];
}

/**
 * The fastest of RUNS runs of each command, taken in turns (one run of each per round): a machine
 * that slows down for a while slows all of them alike, so the ones compared stay comparable.
 */
function fastestOfEach(count: number, commands: readonly Command[], ok: (status: number | null) => boolean = (s) => s === 0 || s === 1): Timed[] {
  const ms = commands.map(() => Infinity);
  for (let i = 0; i < RUNS; i++) {
    commands.forEach(([command, args], c) => {
      const t = performance.now();
      const r = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const took = performance.now() - t;
      if (!ok(r.status)) throw new Error(`${command} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
      ms[c] = Math.min(ms[c], took);
    });
  }
  return ms.map((m) => ({ ms: Math.round(m), perSecond: Math.round((count / m) * 1000) }));
}

export interface Inputs {
  /** A file (bundle) or a directory of one file per certificate. */
  path: string;
  oca: string;
  count: number;
}

/** Writes the certificates as one PEM bundle, or as one file each, beside their Issuing OCA. */
export function writeInputs(dir: string, certificates: readonly Uint8Array[], oca: Uint8Array, as: 'bundle' | 'files'): Inputs {
  mkdirSync(dir, { recursive: true });
  const ocaPath = join(dir, 'issuing-oca.pem');
  writeFileSync(ocaPath, toPem(oca));
  if (as === 'bundle') {
    const path = join(dir, 'bundle.pem');
    writeFileSync(path, certificates.map((der) => toPem(der)).join(''));
    return { path, oca: ocaPath, count: certificates.length };
  }
  const path = join(dir, 'certs');
  mkdirSync(path);
  certificates.forEach((der, i) => writeFileSync(join(path, `org-${String(i).padStart(6, '0')}.pem`), toPem(der)));
  return { path, oca: ocaPath, count: certificates.length };
}

/** The check at the default jobs, --jobs 1 and --jobs <cores>, in turns. */
function checks(inputs: Inputs, extra: string[]): { default: Timed; one: Timed; two: Timed } {
  const run = (jobs: string[]): Command => [process.execPath, [BIN, 'check', inputs.path, '--at', AT, '--format', 'jsonl', ...extra, ...jobs]];
  const [byDefault, one, two] = fastestOfEach(inputs.count, [run([]), run(['--jobs', '1']), run(['--jobs', String(availableParallelism())])]);
  return { default: byDefault, one, two };
}

export interface EndToEnd {
  plain: { default: Timed; one: Timed; two: Timed };
  verified: { default: Timed; one: Timed; two: Timed };
  floor: Timed;
  python?: Timed;
}

/** The CLI at each thread count, without and with --issuer, and the two references, on the same inputs. */
export function endToEnd(inputs: Inputs, python: boolean): EndToEnd {
  const plain = ['--fail-on', 'never'];
  const verified = ['--issuer', inputs.oca, '--require-issuer'];
  const out: EndToEnd = { plain: checks(inputs, plain), verified: checks(inputs, verified), floor: readAndVerifyFloor(inputs) };
  if (python) out.python = fastest(inputs.count, 'python3', ['-c', PYTHON_PARSE_LOOP, inputs.path], (s) => s === 0);
  return out;
}

/**
 * The least any signature check of these inputs can cost: one worker thread per core, each reads
 * the inputs, takes the DER of its share of the PEM blocks, splits off the TBS and the signature
 * and verifies it with a key made once: no decoding, linting or output. Process and thread start
 * are included, as they are for the CLI.
 */
function readAndVerifyFloor(inputs: Inputs): Timed {
  const code = `
    const { readdirSync, readFileSync, statSync } = require('node:fs');
    const { X509Certificate, verify } = require('node:crypto');
    const { join } = require('node:path');
    const [path, oca, part, parts] = process.argv.slice(2).map((a, i) => (i < 2 ? a : Number(a)));
    const der = (b64) => Buffer.from(b64, 'base64');
    const blocks = (text) => text.split('-----END CERTIFICATE-----').slice(0, -1).map((b) => b.slice(b.indexOf('-----', b.indexOf('-----BEGIN') + 10) + 5));
    const key = new X509Certificate(readFileSync(oca)).publicKey;
    const header = (b, i) => { const l = b[i + 1]; if (l < 0x80) return [i + 2, l]; let v = 0; for (let k = 0; k < (l & 0x7f); k++) v = v * 256 + b[i + 2 + k]; return [i + 2 + (l & 0x7f), v]; };
    const check = (cert) => {
      const [tbsAt] = header(cert, 0);
      const [tbsBody, tbsLength] = header(cert, tbsAt);
      const [algBody, algLength] = header(cert, tbsBody + tbsLength);
      const [sigBody, sigLength] = header(cert, algBody + algLength);
      return verify('sha256', cert.subarray(tbsAt, tbsBody + tbsLength), key, cert.subarray(sigBody + 1, sigBody + sigLength));
    };
    let failed = 0;
    if (statSync(path).isDirectory()) {
      readdirSync(path).sort().forEach((name, i) => { if (i % parts === part && !check(der(blocks(readFileSync(join(path, name), 'latin1'))[0]))) failed++; });
    } else {
      blocks(readFileSync(path, 'latin1')).forEach((b, i) => { if (i % parts === part && !check(der(b))) failed++; });
    }
    process.exitCode = failed === 0 ? 0 : 1;`;
  const threads = availableParallelism();
  const script = `const { Worker } = require('node:worker_threads');
    for (let i = 0; i < ${threads}; i++) new Worker(${JSON.stringify(code)}, { eval: true, argv: [${JSON.stringify(inputs.path)}, ${JSON.stringify(inputs.oca)}, i, ${threads}] }).on('exit', (c) => { if (c) process.exitCode = c; });`;
  return fastest(inputs.count, process.execPath, ['-e', script], (s) => s === 0);
}

/** Python cryptography (Rust): parse every certificate and read its subject, serial, validity and extensions. */
const PYTHON_PARSE_LOOP = `
import os, sys
from cryptography import x509
def touch(c):
    c.subject.rfc4514_string(); c.serial_number; c.not_valid_after_utc
    for e in c.extensions: e.value
path = sys.argv[1]
if os.path.isdir(path):
    for name in sorted(os.listdir(path)):
        with open(os.path.join(path, name), 'rb') as f: touch(x509.load_pem_x509_certificate(f.read()))
else:
    with open(path, 'rb') as f:
        for c in x509.load_pem_x509_certificates(f.read()): touch(c)
`;

/** Whether python3 with the cryptography package can run the parse loop here. */
export function pythonCryptography(): string | undefined {
  const r = spawnSync('python3', ['-c', 'import cryptography; print(cryptography.__version__)'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** openssl speed's P-256 verify rate with one process per core, when openssl is present. */
export function opensslCeiling(): number | undefined {
  try {
    const out = execFileSync('openssl', ['speed', '-seconds', '3', '-multi', String(availableParallelism()), 'ecdsap256'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const line = out.split('\n').find((l) => l.includes('ecdsa (nistp256)'));
    const fields = line?.trim().split(/\s+/);
    return fields ? Math.round(Number(fields[fields.length - 1])) : undefined;
  } catch {
    return undefined;
  }
}
