// Where a certificate's time goes: each stage of a check on one core, in the steady state, beside
// what a fresh thread pays to warm up and how the raw signature check scales across the cores. The
// CLI's rate on N cores cannot beat N x scaling / (the stages' sum), nor a thread its warm-up.
import { X509Certificate, verify } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Checker } from '../dist/check/checker.js';
import type { CertificateResult } from '../dist/check/result.js';
import { createNodeCrypto } from '../dist/crypto/node.js';
import { fileParts } from '../dist/input/parts.js';
import { outputFormat } from '../dist/report/formats.js';
import { decodeDocument } from '../dist/x509/index.js';
import { toPem } from '../test-certs/generate/certificate.js';
import { tlvHeader } from './tlv.js';

const AT = '2026-06-01T00:00:00Z';

export interface StageCosts {
  /** Microseconds per certificate on one core, steady state. */
  read: number;
  decode: number;
  /** The SMKI view (kind, role, EUI-64) and the SHA-256 fingerprint. */
  viewAndFingerprint: number;
  lint: number;
  verify: number;
  output: number;
  /** A fresh thread's first pass over the certificates (decode, lint, output), less its second pass, in ms. */
  warmUpMs: number;
  /** The certificates the warm-up was measured over. */
  warmUpCount: number;
  /** What V8's optimising compiler spends on a fresh isolate's code over those passes, on its background threads. */
  optimised?: { functions: number; ms: number };
}

/** Fastest of `rounds` timed passes after one untimed one, in microseconds per item. */
function perItem(n: number, rounds: number, body: () => void): number {
  body();
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    body();
    best = Math.min(best, performance.now() - t);
  }
  return (best * 1000) / n;
}

/** Each stage of checking these certificates (all issued by oca), measured on this thread. */
export function stageCosts(certificates: readonly Uint8Array[], oca: Uint8Array): StageCosts {
  const n = certificates.length;
  const dir = mkdtempSync(join(tmpdir(), 'smki-stages-'));
  try {
    const bundle = join(dir, 'bundle.pem');
    writeFileSync(bundle, certificates.map((der) => toPem(der)).join(''));
    const read = perItem(n, 5, () => {
      let items = 0;
      for (const part of fileParts(bundle, { maxItemSize: 4 * 1024 * 1024 })) items += part.detected.items.length;
      if (items !== n) throw new Error(`the bench bundle should read as ${n} certificates, not ${items}`);
    });
    const decode = perItem(n, 5, () => {
      for (const der of certificates) decodeDocument(der);
    });
    const checker = new Checker({ at: AT, crypto: createNodeCrypto() });
    const decodeDer = perItem(n, 5, () => {
      for (let i = 0; i < n; i++) checker.decodeDer(certificates[i], { path: 'bench', index: i });
    });
    const decoded = certificates.map((der, i) => checker.decodeDer(der, { path: 'bench', index: i }));
    const lint = perItem(n, 5, () => {
      for (const r of decoded) checker.lint(r);
    });
    const format = outputFormat('jsonl', false);
    const output = perItem(n, 5, () => {
      for (const r of decoded) format.result(r as CertificateResult);
    });
    decoded.length = 0;
    const key = new X509Certificate(oca).publicKey;
    const signed = certificates.map((der) => signedParts(der));
    const verifyCost = perItem(n, 2, () => {
      for (const s of signed) if (!verify('sha256', s.tbs, key, s.signature)) throw new Error('a bench certificate does not verify');
    });
    const fresh = freshIsolate(dir, certificates);
    return { read, decode, viewAndFingerprint: Math.max(0, decodeDer - decode), lint, verify: verifyCost, output, warmUpMs: fresh.first - fresh.second, warmUpCount: n, optimised: fresh.optimised };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The TBS and the signature of a certificate, found by walking its TLV headers only. */
function signedParts(der: Uint8Array): { tbs: Uint8Array; signature: Uint8Array } {
  const header = (at: number) => tlvHeader(der, at);
  const [tbsAt] = header(0);
  const [, tbsEnd] = header(tbsAt);
  const [, algEnd] = header(tbsEnd);
  const [sigBody, sigEnd] = header(algEnd);
  return { tbs: der.subarray(tbsAt, tbsEnd), signature: der.subarray(sigBody + 1, sigEnd) };
}

/**
 * A fresh isolate, as every worker thread of the CLI is, in a process of its own: its first pass
 * over the certificates (decode, lint, JSON line) runs while its code is still being compiled and
 * optimised, the second runs warm. With V8's optimisation statistics on, it also gives how many
 * functions TurboFan compiles and the milliseconds that takes, on threads beside the one checking:
 * V8 shares no optimised code between isolates, so each worker of a run pays it again (undefined
 * when this node prints no statistics).
 */
function freshIsolate(dir: string, certificates: readonly Uint8Array[]): { first: number; second: number; optimised?: { functions: number; ms: number } } {
  const file = join(dir, 'certificates.json');
  writeFileSync(file, JSON.stringify(certificates.map((der) => Buffer.from(der).toString('base64'))));
  const dist = new URL('../dist/', import.meta.url).href;
  const code = `
    import { readFileSync } from 'node:fs';
    const { Checker } = await import(${JSON.stringify(dist + 'check/checker.js')});
    const { createNodeCrypto } = await import(${JSON.stringify(dist + 'crypto/node.js')});
    const { outputFormat } = await import(${JSON.stringify(dist + 'report/formats.js')});
    const ders = JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8')).map((b) => new Uint8Array(Buffer.from(b, 'base64')));
    const checker = new Checker({ at: ${JSON.stringify(AT)}, crypto: createNodeCrypto() });
    const format = outputFormat('jsonl', false);
    const pass = () => {
      const t = performance.now();
      ders.forEach((der, i) => format.result(checker.lint(checker.decodeDer(der, { path: 'bench', index: i }))));
      return performance.now() - t;
    };
    const first = pass();
    console.log('PASSES ' + JSON.stringify({ first, second: pass() }));`;
  const r = spawnSync(process.execPath, ['--trace-opt-stats', '--input-type=module', '-e', code], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const passes = /^PASSES (.*)$/m.exec(r.stdout ?? '');
  if (r.status !== 0 || !passes) throw new Error(`the fresh isolate's passes failed (${r.status}): ${r.stderr}`);
  const last = [...r.stdout.matchAll(/Compiled: (\d+) functions with \d+ byte source size in ([\d.]+)ms/g)].pop();
  return { ...(JSON.parse(passes[1]) as { first: number; second: number }), optimised: last ? { functions: Number(last[1]), ms: Math.round(Number(last[2])) } : undefined };
}
