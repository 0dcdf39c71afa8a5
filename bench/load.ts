// A bounded HTTP load generator: a fixed number of requests over a fixed number of keep-alive
// connections, each answer read whole; used by npm run bench:serve and, smaller, by the tests.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';

export interface LoadRequest {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer;
}

export interface LoadResult {
  count: number;
  concurrency: number;
  /** Requests answered 200; anything else, or no answer, is an error. */
  ok: number;
  errors: number;
  /** Answers by status, and the first failures' descriptions. */
  statuses: Record<string, number>;
  failures: string[];
  ms: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** Whether the run stopped at its time limit before sending every request. */
  timedOut: boolean;
}

/** Sends `count` requests (cycling through `requests`) from `concurrency` clients at once, giving up after `limitMs`. */
export async function loadTest(base: string, requests: readonly LoadRequest[], count: number, concurrency: number, limitMs: number): Promise<LoadResult> {
  const url = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const failures: string[] = [];
  let next = 0;
  let timedOut = false;
  const started = performance.now();

  const one = (r: LoadRequest) =>
    new Promise<string>((resolve) => {
      const req = request({ host: url.hostname, port: url.port, path: r.path, method: r.method ?? 'POST', headers: { ...r.headers, ...(r.body ? { 'Content-Length': String(r.body.length) } : {}) }, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(res.statusCode === 200 ? '200' : `${res.statusCode} ${Buffer.concat(chunks).toString('utf8').slice(0, 200)}`));
        res.on('error', (e) => resolve(`response error ${e.message}`));
      });
      req.on('error', (e) => resolve(`request error ${e.message}`));
      req.end(r.body);
    });

  const client = async () => {
    while (next < count) {
      if (performance.now() - started > limitMs) {
        timedOut = true;
        return;
      }
      const r = requests[next++ % requests.length];
      const t = performance.now();
      const outcome = await one(r);
      latencies.push(performance.now() - t);
      const status = outcome.slice(0, 3);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (outcome !== '200' && failures.length < 5) failures.push(outcome);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const ms = performance.now() - started;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => (latencies.length === 0 ? 0 : latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]);
  const ok = statuses['200'] ?? 0;
  return { count: latencies.length, concurrency, ok, errors: latencies.length - ok, statuses, failures, ms, perSecond: Math.round((latencies.length / ms) * 1000), p50: at(0.5), p99: at(0.99), max: at(1), timedOut };
}

export interface SpawnedService {
  url: string;
  child: ChildProcess;
  /** Everything the service wrote to standard error so far. */
  stderr(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/** Starts the built CLI's `serve` on an ephemeral port of 127.0.0.1 and resolves once it listens. */
export function spawnService(bin: string, args: string[] = []): Promise<SpawnedService> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (text: string) => {
      stderr += text;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr);
      if (m) resolve({ url: m[1], child, stderr: () => stderr, exited });
    });
    void exited.then((code) => reject(new Error(`smki-lint serve exited with ${code} before listening: ${stderr}`)));
  });
}
