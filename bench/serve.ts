// npm run bench:serve: the HTTP service under load. The built CLI's `serve` runs in its own
// process; 32 keep-alive clients send 10,000 checks (a certificate, a CSR, a DUIS request and a
// certificate with its issuer, in turn), three rounds after a warm-up. Every answer must be 200.
// Beside wall-clock figures it gives the service's own CPU time per request (from /proc), which
// moves less than they do when other work shares the machine.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTest, spawnService } from './load.js';
import type { LoadRequest, LoadResult } from './load.js';

const COUNT = Number(process.env.BENCH_SERVE_COUNT ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_SERVE_CONCURRENCY ?? 32);
const ROUNDS = 3;
/** Each round stops after this long, whatever it has sent. */
const LIMIT_MS = 300_000;
const ROOT = join(import.meta.dirname, '..');
const file = (name: string) => readFileSync(join(ROOT, 'test-certs', name));

const REQUESTS: LoadRequest[] = [
  { path: '/v1/check?at=2026-06-01', headers: { 'Content-Type': 'application/x-pem-file' }, body: file('valid/org-02-ds.pem') },
  { path: '/v1/check?at=2026-06-01', headers: { 'Content-Type': 'application/pkcs10' }, body: file('requests/org-02-ds.der') },
  { path: '/v1/check?at=2026-06-01', headers: { 'Content-Type': 'application/xml' }, body: file('duis/valid/6.15.1-krp-supplier.xml') },
  {
    path: '/v1/check',
    headers: { 'Content-Type': 'application/json' },
    body: Buffer.from(JSON.stringify({ documents: [file('valid/org-02-ka.pem').toString()], issuers: [file('valid/issuing-oca.pem').toString()], at: '2026-06-01' })),
  },
];

/** CPU milliseconds (user and system) a process has used so far, when /proc says (Linux, 100 ticks a second). */
function cpuMs(pid: number): number | undefined {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return undefined;
  const fields = readFileSync(stat, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const show = (label: string, r: LoadResult, cpu: number | undefined) =>
  console.log(
    `${label.padEnd(10)} ${r.count} requests at ${r.concurrency} concurrent in ${(r.ms / 1000).toFixed(2)} s: ${r.perSecond} requests/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(1)} ms, ${r.errors} errors` +
      (cpu === undefined ? '' : `; service CPU ${((cpu / r.count) * 1000).toFixed(0)} µs a request (${Math.round((r.count / cpu) * 1000)} requests per CPU second)`) +
      (r.timedOut ? ' (stopped at the time limit)' : ''),
  );

/** One round, with the CPU time the service spent in it. */
async function round(label: string, count: number): Promise<LoadResult> {
  const before = cpuMs(service.child.pid!);
  const r = await loadTest(service.url, REQUESTS, count, CONCURRENCY, LIMIT_MS);
  const after = cpuMs(service.child.pid!);
  show(label, r, before === undefined || after === undefined ? undefined : after - before);
  return r;
}

const service = await spawnService(join(ROOT, 'bin', 'smki-lint.js'), ['--max-concurrent', String(Math.max(64, CONCURRENCY))]);
let failed = false;
try {
  await round('warm-up', 1000);
  for (let n = 1; n <= ROUNDS; n++) {
    const r = await round(`round ${n}`, COUNT);
    if (r.errors > 0 || r.timedOut) {
      failed = true;
      console.log(`  statuses ${JSON.stringify(r.statuses)}; first failures:\n  ${r.failures.join('\n  ')}`);
    }
  }
} finally {
  service.child.kill('SIGTERM');
}
const code = await service.exited;
console.log(`the service stopped on SIGTERM with exit code ${code}`);
if (failed || code !== 0) process.exitCode = 1;
