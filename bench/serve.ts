// npm run bench:serve: the HTTP service under load. The built CLI's `serve` runs in its own
// process; 32 keep-alive clients send 10,000 checks (a certificate, a CSR, a DUIS request and a
// certificate with its issuer, in turn), three rounds after a warm-up. Every answer must be 200.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTest, spawnService } from './load.js';
import type { LoadRequest, LoadResult } from './load.js';

const COUNT = Number(process.env.BENCH_SERVE_COUNT ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_SERVE_CONCURRENCY ?? 32);
const ROUNDS = 3;
/** Each round stops after this long, whatever it has sent. */
const LIMIT_MS = 120_000;
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

const show = (label: string, r: LoadResult) =>
  console.log(`${label.padEnd(10)} ${r.count} requests at ${r.concurrency} concurrent in ${(r.ms / 1000).toFixed(2)} s: ${r.perSecond} requests/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(1)} ms, ${r.errors} errors${r.timedOut ? ' (stopped at the time limit)' : ''}`);

const service = await spawnService(join(ROOT, 'bin', 'smki-lint.js'), ['--max-concurrent', String(Math.max(64, CONCURRENCY))]);
let failed = false;
try {
  show('warm-up', await loadTest(service.url, REQUESTS, 1000, CONCURRENCY, LIMIT_MS));
  for (let round = 1; round <= ROUNDS; round++) {
    const r = await loadTest(service.url, REQUESTS, COUNT, CONCURRENCY, LIMIT_MS);
    show(`round ${round}`, r);
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
