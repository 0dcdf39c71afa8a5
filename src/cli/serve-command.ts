import { existsSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import { UsageError } from '../input/node.js';
import { DEFAULT_LIMITS } from '../server/limits.js';
import type { ServiceLimits } from '../server/limits.js';
import { createService } from '../server/service.js';
import { loadConfig } from './config-file.js';
import { maxItemSizeOption, size } from './sizes.js';

/** The built page: dist/web/ of the package (this file is bundled into dist/bundle/, two levels down as in src/cli/). */
export const WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));
/** How long requests in flight may take to finish after SIGTERM or SIGINT before their connections are cut. */
const GRACE_MS = 10_000;

export interface ServeCommandOptions {
  port: number;
  host: string;
  limits: ServiceLimits;
  config?: string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Runs `smki-lint serve` until SIGTERM or SIGINT: then stops accepting connections, lets the
 * requests in flight finish and returns 0 (1 when some had to be cut off after the grace period
 * or a second signal).
 */
export async function runServe(opts: ServeCommandOptions): Promise<number> {
  const config = loadConfig(opts.config);
  const service = createService({ webRoot: WEB_ROOT, limits: opts.limits, config, log: (line) => process.stderr.write(`${line}\n`) });
  const { server } = service;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const why = error.code === 'EADDRINUSE' ? 'the port is in use (choose another with --port)' : error.code === 'EADDRNOTAVAIL' ? 'no interface of this machine has that address' : error.code === 'EACCES' ? 'permission denied (ports below 1024 need privileges)' : error.message;
      reject(new UsageError(`cannot listen on ${opts.host} port ${opts.port}: ${why}`));
    });
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  process.stderr.write(`smki-lint serve: listening on http://${host}:${port}/ (the page at /, the API under /v1/); SIGTERM or Ctrl-C stops it\n`);
  if (!existsSync(join(WEB_ROOT, 'index.html'))) process.stderr.write('smki-lint serve: the web page is not built (npm run build:web builds it); the API works without it\n');
  if (!LOOPBACK.has(opts.host)) process.stderr.write(`smki-lint serve: warning: the service has no authentication, and anyone who can reach ${host}:${port} can use it\n`);

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    const stop = (s: NodeJS.Signals) => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve(s);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  process.stderr.write(`smki-lint serve: ${signal}: no new connections; finishing the requests in flight\n`);
  let cut = false;
  const cutOff = () => {
    cut = true;
    server.closeAllConnections();
  };
  const timer = setTimeout(cutOff, GRACE_MS);
  process.once('SIGTERM', cutOff);
  process.once('SIGINT', cutOff);
  await service.close();
  clearTimeout(timer);
  process.off('SIGTERM', cutOff);
  process.off('SIGINT', cutOff);
  process.stderr.write(`smki-lint serve: stopped${cut ? ', requests in flight cut off' : ''}\n`);
  return cut ? 1 : 0;
}

function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) throw new InvalidArgumentError(`'${value}' is not a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}`);
    return n;
  };
}

/** Adds `smki-lint serve` to the program; its action sets the exit code when the service stops. */
export function addServeCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('serve')
    .description('serve the web page and a JSON API (POST /v1/check, POST /v1/compare, GET /v1/rules, GET /v1/roles, GET /healthz) over HTTP, for tools in any language; checks as check and compare do')
    .option('--port <n>', 'TCP port to listen on (0: any free port, printed at start)', wholeNumber(0, 65535), 8080)
    .option('--host <address>', 'address to listen on; anything but loopback lets other machines use the service, which has no authentication', '127.0.0.1')
    .addOption(new Option('--max-body-size <size>', 'largest request body (e.g. 512K, 8MiB); a larger one gets 413').argParser(size).default(DEFAULT_LIMITS.maxBodySize, '8MiB'))
    .addOption(maxItemSizeOption())
    .option('--max-items <n>', 'most items (certificates, CSRs, DUIS requests and their certificates, issuers) per request; more get 413', wholeNumber(1), DEFAULT_LIMITS.maxItems)
    .option('--max-concurrent <n>', 'requests served at once; one more gets 429 with Retry-After', wholeNumber(1), DEFAULT_LIMITS.maxConcurrent)
    .option('--timeout <seconds>', 'time a client has to send a whole request; a slower one gets 408', wholeNumber(1), DEFAULT_LIMITS.requestTimeout / 1000)
    .option('--config <file>', 'JSON configuration applied to every check: environments and their policy OIDs, extra roles, CN roles')
    .addHelpText(
      'after',
      `
Endpoints:
  POST /v1/check     a certificate, CSR or DUIS request (PEM, DER, base64, hex, XML) as the body,
                     or documents, issuers and a signer as JSON or multipart/form-data parts
  POST /v1/compare   requests and the certificates issued for them, as JSON or multipart
  GET  /v1/rules     the rule catalogue          GET /v1/roles   the role table
  GET  /healthz      { "status": "ok" }          GET /           the web page (dist/web/)
Options go in the query string (at, environment, only, ignore, kind, require-issuer, format).

Every request's documents are checked as check checks files, and the answer is the report check
--format json writes (or the format asked for with ?format=). Nothing is kept between requests.
One access log line per request goes to standard error: time, method, path, status, bytes, ms.
SIGTERM or SIGINT (Ctrl-C) stops it: no new connections, the requests in flight finish, exit 0.

Examples:
  smki-lint serve
  curl --data-binary @supplier.pem -H 'Content-Type: application/x-pem-file' 'http://127.0.0.1:8080/v1/check?at=2026-06-01'
  curl -F document=@supplier.csr -F issuer=@issuing-oca.pem http://127.0.0.1:8080/v1/check`,
    )
    .action(async (o: { port: number; host: string; maxBodySize: number; maxItemSize: number; maxItems: number; maxConcurrent: number; timeout: number; config?: string }) => {
      const limits: ServiceLimits = { maxBodySize: o.maxBodySize, maxItemSize: o.maxItemSize, maxItems: o.maxItems, maxConcurrent: o.maxConcurrent, requestTimeout: o.timeout * 1000 };
      setExit(await runServe({ port: o.port, host: o.host, limits, config: o.config }));
    });
}
